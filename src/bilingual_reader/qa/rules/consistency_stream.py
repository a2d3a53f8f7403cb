"""Consistency across a document checked a paragraph at a time (a book): the same warnings as
:func:`~bilingual_reader.qa.rules.consistency.check_document`, from a small state instead of the text.

What is kept: digests of the Thai and English met first (paragraphs, English sentences, the long Thai
stretches of a paragraph that met a sentence first) and, per Thai term, the count of each English rendering
and its first hit. Paragraph variants are known when their paragraph is checked; a term rendered otherwise
than the majority only at the end (:meth:`StreamedConsistency.term_variants`, reading the term findings
again from where the caller keeps them).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from bilingual_reader.qa.findings import Finding, FindingStatus
from bilingual_reader.qa.rules.consistency import (
    MIN_WORDS,
    THAI_CHUNK,
    key_of,
    same_english,
    same_thai,
    sentences,
    term_variant,
)
from bilingual_reader.qa.rules.model import RuleFinding

__all__ = ["StreamedConsistency"]


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


@dataclass
class _Term:
    """One Thai term of one concept: how often each English rendering was met, and its first hit."""

    order: int  # when the term was first met: warnings of a paragraph come in this order
    counts: Counter[str] = field(default_factory=Counter)
    first: dict[str, Finding] = field(default_factory=dict)


class StreamedConsistency:
    """Feed :meth:`paragraph` each paragraph in order, then read :meth:`term_variants`."""

    def __init__(self) -> None:
        self._by_thai: dict[bytes, tuple[int, bytes]] = {}  # Thai → (first paragraph, its English)
        self._by_sentence: dict[bytes, int] = {}  # English sentence → the paragraph it was met in first
        self._firsts: dict[int, tuple[bytes, frozenset[bytes]]] = {}  # that paragraph's Thai, its stretches
        self._terms: dict[tuple[int, str], _Term] = {}

    def paragraph(
        self, index: int, thai: str, english: str | None, term_findings: Sequence[Finding] = ()
    ) -> list[RuleFinding]:
        """Note paragraph ``index`` (None: untranslated) and its term findings; its paragraph variants."""
        for f in term_findings:
            if f.status is FindingStatus.OK and f.concept_id is not None and f.english_term:
                term = self._terms.setdefault((f.concept_id, key_of(f.thai.text)), _Term(len(self._terms)))
                rendering = f.english_term.casefold()
                term.counts[rendering] += 1
                term.first.setdefault(rendering, f)
        if english is None or not english.strip():
            return []
        findings = []
        source, target = _digest(key_of(thai)), _digest(key_of(english))
        first, first_english = self._by_thai.setdefault(source, (index, target))
        if first != index and first_english != target:
            findings.append(same_thai(index, first))
        for start, sentence in sentences(english):
            key = key_of(sentence)
            if len(key.split()) < MIN_WORDS:
                continue
            first = self._by_sentence.setdefault(_digest(key), index)
            if first == index:
                if index not in self._firsts:
                    self._firsts[index] = (source, _stretches(thai))
            elif not self._share_a_sentence(first, source, thai):
                findings.append(same_english(index, first, start, sentence))
        return findings

    def _share_a_sentence(self, first: int, source: bytes, thai: str) -> bool:
        """``consistency._share_a_sentence`` of paragraph ``first`` (by its digests) and ``thai``."""
        first_source, stretches = self._firsts[first]
        return first_source == source or any(s in stretches for s in _stretches(thai))

    def term_variants(self, term_findings: Iterable[Finding]) -> Iterator[RuleFinding]:
        """The warnings on Thai terms rendered otherwise than most often, by paragraph (in the order the
        whole-document check gives them); ``term_findings``: those given to :meth:`paragraph` again, in
        order, read only when some term was rendered two ways."""
        majority = {key: t.counts.most_common(1)[0][0] for key, t in self._terms.items() if len(t.counts) > 1}
        if not majority:
            return
        held: list[tuple[int, RuleFinding]] = []
        current = -1
        for hit in term_findings:
            if hit.paragraph != current:
                yield from (f for _, f in sorted(held, key=lambda item: item[0]))
                held, current = [], hit.paragraph
            if hit.status is not FindingStatus.OK or hit.concept_id is None or not hit.english_term:
                continue
            key = (hit.concept_id, key_of(hit.thai.text))
            wanted = majority.get(key)
            if wanted is not None and hit.english_term.casefold() != wanted:
                term = self._terms[key]
                held.append((term.order, term_variant(hit, term.first[wanted])))
        yield from (f for _, f in sorted(held, key=lambda item: item[0]))


def _stretches(thai: str) -> frozenset[bytes]:
    return frozenset(_digest(c) for c in thai.split() if len(c) >= THAI_CHUNK)
