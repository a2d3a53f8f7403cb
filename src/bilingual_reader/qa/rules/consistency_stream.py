"""Consistency across a document checked a paragraph at a time (a book): the same warnings as
:func:`~bilingual_reader.qa.rules.consistency.check_document`, from a small state instead of the text.

What is kept: digests of the Thai and English met first (paragraphs, English sentences, the long Thai
stretches of a paragraph that met a sentence first), per Thai term the count of each English rendering, and
the term hits on disk (:class:`~bilingual_reader.qa.spool.Spool`). Paragraph variants are known when their
paragraph is checked; a term rendered otherwise than the majority is known only at the end
(:meth:`StreamedConsistency.term_variants`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
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
from bilingual_reader.qa.spool import Spool

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
        self._hits: Spool[tuple[int, int, Finding]] = Spool()  # (paragraph, term order, hit)

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
                self._hits.append((index, term.order, f))
        if english is None or not english.strip():
            return []
        findings = []
        source = _digest(key_of(thai))
        first, first_english = self._by_thai.setdefault(source, (index, _digest(key_of(english))))
        if first != index and first_english != _digest(key_of(english)):
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

    def term_variants(self) -> Iterator[RuleFinding]:
        """The warnings on Thai terms rendered otherwise than most often, by paragraph (in the order the
        whole-document check gives them)."""
        terms = list(self._terms.values())
        majority = [t.counts.most_common(1)[0][0] if len(t.counts) > 1 else None for t in terms]
        held: list[tuple[int, RuleFinding]] = []
        current = -1
        for index, order, hit in self._hits:
            if index != current:
                yield from (f for _, f in sorted(held, key=lambda item: item[0]))
                held, current = [], index
            wanted = majority[order]
            if wanted is not None and hit.english_term and hit.english_term.casefold() != wanted:
                held.append((order, term_variant(hit, terms[order].first[wanted])))
        yield from (f for _, f in sorted(held, key=lambda item: item[0]))

    def close(self) -> None:
        """Drop the hits kept on disk."""
        self._hits.close()


def _stretches(thai: str) -> frozenset[bytes]:
    return frozenset(_digest(c) for c in thai.split() if len(c) >= THAI_CHUNK)
