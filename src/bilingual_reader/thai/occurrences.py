"""Where a word or term occurs in segmented text: on token boundaries, or inside one glossary-term token.

The one rule for "how often does this occur" (the lookup popup, ``bilingual-reader lookup``) and "where"
(the glossary screen's occurrences): a Thai match must start and end on token boundaries, so "ยาน" is not
found inside "พยาน"; a glossary term is also found inside a single glossary-term token (the segmenter keeps
terms whole, so "ขีปนาวุธ" in "ระบบขีปนาวุธ" is only found that way). Latin keys must stand as whole words.
Matching is on normalized, case-folded text; where keys overlap, the longest wins.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.thai.segmenter import Token

__all__ = ["Occurrence", "count_occurrences", "find_occurrences", "grapheme_boundary"]


@dataclass(frozen=True)
class Occurrence:
    """One place a key occurs: ``paragraphs[paragraph][start:end]``, with some context either side."""

    paragraph: int
    start: int
    end: int
    before: str
    text: str
    after: str


def count_occurrences(text: str, article_tokens: Sequence[Sequence[Token]], terms: Collection[str]) -> int:
    """How often ``text`` occurs in an article given as its paragraphs' tokens (see the module's rule).

    ``terms`` are the glossary's Thai keys (``Segmenter.terms``): only they are sought inside term tokens.
    """
    paragraphs = ["".join(t.text for t in tokens) for tokens in article_tokens]
    return len(find_occurrences([text], paragraphs, article_tokens, context=0, terms=terms))


def find_occurrences(
    texts: Iterable[str],
    paragraphs: Sequence[str],
    tokens: Sequence[Sequence[Token]] | None = None,
    context: int = 24,
    terms: Collection[str] | None = None,
) -> list[Occurrence]:
    """Where any of ``texts`` occurs in ``paragraphs``, in text order.

    Without ``tokens`` (an article not segmented yet) Thai matches are plain substrings. ``terms``: the
    glossary keys sought inside term tokens (None: every text is a glossary term, e.g. a concept's).
    About ``context`` characters are kept each side, cut between tokens (without tokens: at a space, else
    between Thai character clusters), never inside a word where it can be helped, and marked with "…".
    """
    keys = sorted({k for k in map(normalize_key, texts) if k}, key=len, reverse=True)
    found: list[Occurrence] = []
    for index, paragraph in enumerate(paragraphs):
        paragraph_tokens = tokens[index] if tokens is not None and index < len(tokens) else None
        for start, end in _matches(keys, paragraph, paragraph_tokens, terms):
            left, right = _context(paragraph, start, end, context, paragraph_tokens)
            found.append(
                Occurrence(
                    paragraph=index,
                    start=start,
                    end=end,
                    before=("…" if left > 0 else "") + paragraph[left:start],
                    text=paragraph[start:end],
                    after=paragraph[end:right] + ("…" if right < len(paragraph) else ""),
                )
            )
    return found


def _context(
    paragraph: str, start: int, end: int, context: int, tokens: Sequence[Token] | None
) -> tuple[int, int]:
    """Where the snippet around ``start:end`` begins and ends: up to ``context`` each side, between words."""
    if context <= 0:
        return start, end
    if tokens is not None:
        cuts = {0, len(paragraph)} | {t.start for t in tokens} | {t.end for t in tokens}
    else:  # not segmented yet: at spaces, else between Thai character clusters
        cuts = {0, len(paragraph)} | {i for i, c in enumerate(paragraph) if c.isspace()}
        cuts |= {i + 1 for i, c in enumerate(paragraph) if c.isspace()}
        low, high = max(0, start - context), min(len(paragraph), end + context)
        if not any(low <= cut < start for cut in cuts) or not any(end < cut <= high for cut in cuts):
            from pythainlp.tokenize.tcc import tcc_pos  # rare; one-shot lookups stay without pythainlp

            cuts |= set(tcc_pos(paragraph))
    before = sorted((cut for cut in cuts if cut < start), reverse=True)
    after = sorted(cut for cut in cuts if cut > end)
    left = min((cut for cut in before if cut >= start - context), default=before[0] if before else start)
    right = max((cut for cut in after if cut <= end + context), default=after[0] if after else end)
    return grapheme_boundary(paragraph, left, -1), grapheme_boundary(paragraph, right, 1)


def _matches(
    keys: Sequence[str], paragraph: str, tokens: Sequence[Token] | None, terms: Collection[str] | None
) -> list[tuple[int, int]]:
    """The accepted, non-overlapping ``(start, end)`` spans of ``keys`` (longest first) in ``paragraph``."""
    folded = paragraph.casefold()
    if len(folded) != len(paragraph):
        folded = paragraph.lower()
    taken: list[tuple[int, int]] = []
    for key in keys:
        inside_terms = terms is None or key in terms
        at = folded.find(key)
        while at >= 0:
            end = at + len(key)
            overlaps = any(at < e and s < end for s, e in taken)
            if not overlaps and _accept(paragraph, at, end, tokens, inside_terms):
                taken.append((at, end))
            at = folded.find(key, at + 1)
    return sorted(taken)


def _accept(paragraph: str, start: int, end: int, tokens: Sequence[Token] | None, inside_terms: bool) -> bool:
    """Whether a raw match at ``start:end`` counts as an occurrence (see the module's rule)."""
    first, last = paragraph[start], paragraph[end - 1]
    if _is_word_char(first) and start > 0 and _is_word_char(paragraph[start - 1]):
        return False
    if _is_word_char(last) and end < len(paragraph) and _is_word_char(paragraph[end]):
        return False
    if tokens is None or not (_is_thai(first) or _is_thai(last)):
        return True
    return _fits_tokens(start, end, tokens, inside_terms)


def _fits_tokens(start: int, end: int, tokens: Sequence[Token], inside_terms: bool) -> bool:
    """True if ``start:end`` begins and ends on token boundaries, or (``inside_terms``) lies inside one
    glossary-term token."""
    if any(t.start == start for t in tokens) and any(t.end == end for t in tokens):
        return True
    return inside_terms and any(t.is_term and t.start <= start and end <= t.end for t in tokens)


def grapheme_boundary(text: str, index: int, step: int) -> int:
    """Move ``index`` by ``step`` until it is not in front of a combining mark (a grapheme-safe cut)."""
    while 0 < index < len(text) and unicodedata.category(text[index])[0] == "M":
        index += step
    return index


def _is_thai(char: str) -> bool:
    return "\u0e00" <= char <= "\u0e7f"


def _is_word_char(char: str) -> bool:
    return char.isalnum() and not _is_thai(char)
