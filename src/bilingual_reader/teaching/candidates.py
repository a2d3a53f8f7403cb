"""Candidate glossary terms in articles: the recurring multi-word noun phrases and loanwords the glossary does
not have, ranked by how often they occur on their own (C-value: less the occurrences inside longer
candidates), how long they are and whether they start with a defense head (เรือ…, ปืน…, ระบบ…, กอง…) or
belong to the glossary's subject (its Thai terms' words, or a dictionary English made of its English
terms' words), each with its contexts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bilingual_reader.teaching.term_cues import (
    CUES,
    GRAMMAR,
    INSIDE,
    domain_words,
    english_domain,
    grammar_compound,
    has_domain_word,
    is_place,
    keyness,
    speaks_domain,
    verb_like,
)
from bilingual_reader.thai.dictionary import loanword_source
from bilingual_reader.thai.segmenter import Segmenter, Token
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

__all__ = ["Candidate", "candidates"]

_MAX_TOKENS = 4
_KEYNESS = 0.8  # a common single word needs to be 10**0.8 ≈ 6 times more frequent here than in the TNC
_CONTEXTS = 3
_WIDTH = 30  # characters of context on each side


@dataclass
class Candidate:
    """A candidate term: its Thai, occurrences, tokens, score, and up to three contexts."""

    thai: str
    count: int
    tokens: int
    score: float = 0.0
    contexts: list[str] = field(default_factory=list)
    loanword: str | None = None
    parts: tuple[str, ...] = ()
    first: tuple[int, int] = (0, 0)  # (article, paragraph) where it first occurs


def _runs(tokens: Sequence[Token]) -> list[list[Token]]:
    """Maximal runs of adjacent Thai word tokens (a space, punctuation or Latin ends a run)."""
    runs: list[list[Token]] = [[]]
    for token in tokens:
        if token.is_word:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _single_worthy(candidate: Candidate, words: int, subject: bool) -> bool:
    """A single word is a candidate unless it is short, a grammar compound or a verb; then it needs a
    defense head, a loanword source, a dictionary English in the glossary's subject (``subject``) or to be
    far more frequent here than in general Thai."""
    key = candidate.thai
    if len(key) < 4 or grammar_compound(key) or verb_like(key):
        return False
    if (key.startswith(CUES) and key not in CUES) or subject:
        return True
    return candidate.loanword is not None or keyness(key, candidate.count, words) >= _KEYNESS


def _inside(short: Candidate, long: Candidate) -> bool:
    """Whether ``short``'s words are a run of ``long``'s (ทหาร is inside ความช่วยเหลือ|ทางทหาร's letters,
    not its words)."""
    n = short.tokens
    return long.tokens > n and any(long.parts[i : i + n] == short.parts for i in range(long.tokens - n + 1))


def _nested(short: Candidate, chosen: Sequence[Candidate]) -> float:
    """The mean count of the longer candidates ``short`` is a part of (C-value, Frantzi & Ananiadou): a word
    heading many phrases (โครงการ…) is a term less often than it occurs."""
    longer = [other.count for other in chosen if _inside(short, other)]
    return sum(longer) / len(longer) if longer else 0.0


def _score(candidate: Candidate, specificity: float, domain: bool, nested: float) -> float:
    """Occurrences on its own × length × how specific to these articles a single word is, plus the cues: a
    defense head, the glossary's subject (``domain``), a loanword source."""
    cue = 2.0 if candidate.thai.startswith(CUES) else 1.0 if domain else 0.0
    loan = 1.0 if candidate.loanword else 0.0
    length = 1.0 + 0.4 * (candidate.tokens - 1)
    own = candidate.count - nested
    return own * length * min(specificity / 3, 1.0) + cue + loan + len(candidate.thai) / 40


def _edge(token: Token) -> bool:
    """Whether a token cannot be the edge of a term: a grammar word or a grammar compound (ที่จะ, เป็นการ)."""
    return token.text in GRAMMAR or grammar_compound(normalize_key(token.text))


def _part_of(short: Candidate, long: Candidate) -> bool:
    """Whether ``short`` is only ever (or, as its left part, nearly always) seen inside ``long``."""
    if not _inside(short, long):
        return False
    left_part = long.parts[: short.tokens] == short.parts and 4 * long.count >= 3 * short.count
    return long.count >= short.count or left_part


def _phrases(
    run: list[Token], paragraph: str, known: set[str], found: dict[str, Candidate], where: tuple[int, int]
) -> None:
    """Count every phrase of the run that could be a term: 1-4 tokens, no grammar word at its edges or
    inside, not starting with a verb, not in the glossary. Each candidate remembers its words' keys."""
    for start, first in enumerate(run):
        force = first.text == "กำลัง" and start + 1 < len(run) and not verb_like(run[start + 1].text)
        if _edge(first) and not force:  # กำลัง before a noun is "force" (กำลังพล), before a verb grammar
            continue
        for end in range(start + 1, min(start + _MAX_TOKENS, len(run)) + 1):
            last = run[end - 1]
            if end - start > 1 and verb_like(normalize_key(first.text)):
                break
            if any(t.text in INSIDE for t in run[start + 1 : end - 1]):
                break
            if _edge(last) or last.text in ("การ", "ความ") or (end - start == 1 and (first.is_term or force)):
                continue
            key = normalize_key(paragraph[first.start : last.end])
            if key in known:
                continue
            item = found.setdefault(key, Candidate(key, 0, end - start, first=where))
            item.count += 1
            if not item.parts:
                item.parts = tuple(normalize_key(t.text) for t in run[start:end])
            if len(item.contexts) < _CONTEXTS:
                left = paragraph[max(0, first.start - _WIDTH) : first.start]
                right = paragraph[last.end : last.end + _WIDTH]
                item.contexts.append(f"…{left}[{key}]{right}…")


def candidates(
    articles: Iterable[Sequence[str]], glossary: Glossary, *, limit: int | None = 50, min_count: int = 2
) -> list[Candidate]:
    """The candidates in the articles' paragraphs, best first (``limit`` None: all)."""
    terms = glossary.thai_terms()
    segmenter = Segmenter(terms)
    known = {normalize_key(t) for t in terms}
    found: dict[str, Candidate] = {}
    counts: Counter[str] = Counter()
    for number, paragraphs in enumerate(articles):
        for index, paragraph in enumerate(paragraphs):
            for run in _runs(segmenter.tokenize(paragraph)):
                counts.update(normalize_key(t.text) for t in run)
                _phrases(run, paragraph, known, found, (number, index))
    words = counts.total()
    kept = [c for c in found.values() if c.count >= min_count]
    english = english_domain(glossary.concepts())
    subject: dict[str, bool] = {}
    for candidate in kept:
        candidate.loanword = loanword_source(candidate.thai)
        subject[candidate.thai] = speaks_domain(candidate.thai, candidate.parts, english)
    kept = [
        c
        for c in kept
        if (c.tokens > 1 or _single_worthy(c, words, subject[c.thai])) and not is_place(c.parts)
    ]
    longer = sorted(kept, key=lambda c: -len(c.thai))
    # A phrase inside a longer one that occurs as often is only a part of it (คอบร้า in คอบร้าโกลด์); a
    # single token inside another token (ทหาร in ทางทหาร) is counted apart from it. On the right boundary
    # a phrase nearly always (3 times in 4) followed by the same words is the left part of a longer one.
    chosen = [c for c in kept if not any(_part_of(c, o) for o in longer)]
    plain = Segmenter(frozenset())
    domain = domain_words(terms, plain)
    for candidate in chosen:
        specific = 3.0 if candidate.tokens > 1 else keyness(candidate.thai, candidate.count, words)
        if candidate.tokens == 2 and candidate.parts[0] in ("การ", "ความ"):  # a noun made of a verb: as
            specific = keyness(candidate.parts[1], counts[candidate.parts[1]], words)  # specific as the verb
        if subject[
            candidate.thai
        ]:  # the dictionary says it is a noun of the subject: as specific as a phrase
            specific = max(specific, 3.0)
        domain_cue = subject[candidate.thai] or has_domain_word(candidate.thai, domain, plain)
        candidate.score = _score(candidate, specific, domain_cue, _nested(candidate, chosen))
    chosen.sort(key=lambda c: (-c.score, c.thai))
    return chosen if limit is None else chosen[:limit]
