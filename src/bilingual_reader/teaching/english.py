"""An article's English as the translation memory holds it, without a model: each paragraph's post-edit
(a teacher's translation when a class pack brought it), else the newest machine translation of every one
of its sentences (by any model)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bilingual_reader.translation.memory import TranslationMemory, normalize_source, source_hash
from bilingual_reader.translation.teacher_english import teacher_english

__all__ = ["EnglishParagraph", "Origin", "article_english"]


class Origin(StrEnum):
    """Where a paragraph's English comes from."""

    POST_EDIT = "post-edit"
    TEACHER = "teacher's translation"
    MACHINE = "machine translation"
    NONE = "none"


@dataclass(frozen=True)
class EnglishParagraph:
    """A paragraph's English (empty when the memory has none) and where it comes from."""

    text: str
    origin: Origin


def _newest_machine(memory: TranslationMemory, sources: Sequence[str]) -> dict[str, str]:
    """The newest machine translation of each normalized source sentence, by any model and settings."""
    found: dict[str, str] = {}
    keys = sorted({normalize_source(s) for s in sources})
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = memory.conn.execute(
            f"select source, best from sentences where source in ({marks}) and best != '' order by created",
            chunk,
        )
        for source, best in rows:
            found[str(source)] = str(best)  # later rows are newer
    return found


def article_english(
    article_id: str, paragraphs: Sequence[str], memory: TranslationMemory
) -> list[EnglishParagraph]:
    """The English of each paragraph: the post-edit saved for it, else the machine translation of all its
    sentences (as split when it was translated; the whole paragraph when no split is stored), else none."""
    edits = memory.get_post_edits(article_id)
    teachers = teacher_english(memory, article_id)
    splits = memory.get_splits(paragraphs)
    sentences = [s for p in paragraphs for s in splits.get(p, [p])]
    machine = _newest_machine(memory, sentences)
    result = []
    for index, paragraph in enumerate(paragraphs):
        key = (index, source_hash(paragraph))
        edit = edits.get(key)
        parts = [machine.get(normalize_source(s)) for s in splits.get(paragraph, [paragraph])]
        if edit is not None:
            result.append(
                EnglishParagraph(edit, Origin.TEACHER if teachers.get(key) == edit else Origin.POST_EDIT)
            )
        elif parts and all(parts):
            result.append(EnglishParagraph(" ".join(p for p in parts if p), Origin.MACHINE))
        else:
            result.append(EnglishParagraph("", Origin.NONE))
    return result
