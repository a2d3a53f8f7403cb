"""Reviewing candidate terms for an article: each with its pronunciation and the English of the paragraph it
first occurs in (a hint for the add form); a candidate the teacher dismissed is kept in the glossary file
(``candidate_dismissals``) and never offered again."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader.glossary.store import utc_now
from bilingual_reader.teaching.candidates import Candidate, candidates
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary

__all__ = ["Suggestion", "dismiss_candidate", "dismissed_candidates", "suggestions"]


@dataclass(frozen=True)
class Suggestion:
    """A candidate to review: its RTGS and the English of the paragraph it first occurs in ("" if none)."""

    candidate: Candidate
    rtgs: str
    english: str

    @property
    def hint(self) -> str:
        """One line for the add form: the pronunciation and the English of its sentence."""
        english = f" · its paragraph in English: {self.english}" if self.english else ""
        return f"{self.candidate.thai} ({self.rtgs}), ×{self.candidate.count}{english}"


def dismissed_candidates(glossary: Glossary) -> set[str]:
    """The keys of the candidates dismissed for good."""
    return {str(row[0]) for row in glossary.conn.execute("SELECT key FROM candidate_dismissals")}


def dismiss_candidate(glossary: Glossary, thai: str) -> None:
    """Never offer ``thai`` again (kept in the glossary file; one transaction)."""
    with glossary.transaction():
        glossary.conn.execute(
            "INSERT OR REPLACE INTO candidate_dismissals (key, dismissed) VALUES (?, ?)",
            (normalize_key(thai), utc_now()),
        )


def _english(article: Article, memory_file: Path | None) -> list[str]:
    from bilingual_reader.teaching.english import article_english
    from bilingual_reader.translation.errors import MemoryFileError
    from bilingual_reader.translation.memory import TranslationMemory, memory_path

    if not (memory_file or memory_path()).exists():
        return []  # nothing translated yet; opening the memory would create it
    try:
        with TranslationMemory(memory_file) as memory:
            return [p.text for p in article_english(article.article_id, article.paragraphs, memory)]
    except MemoryFileError:
        return []


def suggestions(
    article: Article, glossary: Glossary, *, memory_file: Path | None = None, limit: int = 50
) -> Iterator[Suggestion]:
    """The article's candidates not dismissed, best first, each with its pronunciation and English hint
    (``glossary`` is read on the calling thread: give a worker its own copy)."""
    from bilingual_reader.thai.pronunciation import pronounce

    dismissed = dismissed_candidates(glossary)
    found = [c for c in candidates([article.paragraphs], glossary, limit=None) if c.thai not in dismissed]
    english = _english(article, memory_file)
    for candidate in found[:limit]:
        paragraph = candidate.first[1]
        hint = english[paragraph] if paragraph < len(english) else ""
        yield Suggestion(candidate, pronounce(candidate.thai).rtgs, hint)
