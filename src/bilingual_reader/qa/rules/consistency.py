"""Consistency across a document: one Thai term rendered with different approved English terms, the
same Thai paragraph translated differently, the same English paragraph made from different Thai.
Warnings: the translator picks one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from bilingual_reader.qa.findings import Finding, FindingStatus, Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity

__all__ = [
    "TERM_VARIANTS",
    "check_document",
    "key_of",
    "same_english",
    "same_thai",
    "sentences",
    "term_variant",
]

#: The code of a term rendered otherwise than in most of the document (known only at the document's end).
TERM_VARIANTS = "term-variants"

MIN_WORDS = 4  # shorter identical English (a heading, "Yes.") is no sign of a problem


def key_of(text: str) -> str:
    """``text`` compared loosely: whitespace collapsed, case folded."""
    return " ".join(text.split()).casefold()


def check_document(
    thai: Sequence[str], english: Sequence[str | None], term_findings: Iterable[Finding] = ()
) -> list[RuleFinding]:
    """Consistency warnings of a whole document (paragraphs aligned; None is untranslated)."""
    findings = _term_variants(term_findings)
    findings.extend(_paragraph_variants(thai, english))
    return sorted(findings, key=lambda f: f.paragraph)


def _term_variants(term_findings: Iterable[Finding]) -> list[RuleFinding]:
    used: dict[tuple[int, str], list[Finding]] = defaultdict(list)
    for f in term_findings:  # by concept and Thai term: a full name then its acronym is no inconsistency
        if f.status is FindingStatus.OK and f.concept_id is not None and f.english_term:
            used[(f.concept_id, key_of(f.thai.text))].append(f)
    findings = []
    for hits in used.values():
        counts = Counter(f.english_term.casefold() for f in hits if f.english_term)
        if len(counts) < 2:
            continue
        majority = counts.most_common(1)[0][0]
        first = next(f for f in hits if f.english_term and f.english_term.casefold() == majority)
        for f in hits:
            if f.english_term and f.english_term.casefold() != majority:
                findings.append(term_variant(f, first))
    return findings


def term_variant(hit: Finding, first: Finding) -> RuleFinding:
    """The warning on ``hit``, a Thai term rendered otherwise than the majority's ``first`` hit."""
    message = (
        f"{hit.thai.text} is “{hit.english_term}” here but “{first.english_term}” in "
        f"¶{first.paragraph + 1}: pick one"
    )
    kind, severity = Kind.CONSISTENCY, Severity.WARNING
    return RuleFinding(kind, TERM_VARIANTS, hit.paragraph, message, hit.thai, hit.english, severity)


def same_thai(index: int, first: int) -> RuleFinding:
    """The warning on paragraph ``index``: its Thai is paragraph ``first``'s, its English is not."""
    return _warning(
        "same-thai-different-english", index, f"the same Thai as ¶{first + 1} is translated differently"
    )


def same_english(index: int, first: int, start: int, sentence: str) -> RuleFinding:
    """The warning on the English ``sentence`` at ``start`` of paragraph ``index``, met first in paragraph
    ``first`` with Thai that shares no sentence with this one's."""
    message = f"the same English sentence as in ¶{first + 1} comes from different Thai"
    span = Span(start, start + len(sentence), sentence)
    kind, severity = Kind.CONSISTENCY, Severity.WARNING
    return RuleFinding(kind, "same-english-different-thai", index, message, None, span, severity)


def _paragraph_variants(thai: Sequence[str], english: Sequence[str | None]) -> list[RuleFinding]:
    findings = []
    by_thai: dict[str, int] = {}
    by_sentence: dict[str, tuple[int, int]] = {}  # English sentence → (paragraph, start) where first met
    for index, (source, target) in enumerate(zip(thai, english, strict=True)):
        if target is None or not target.strip():
            continue
        source_key, target_key = key_of(source), key_of(target)
        first = by_thai.setdefault(source_key, index)
        if first != index and key_of(english[first] or "") != target_key:
            findings.append(same_thai(index, first))
        for start, sentence in sentences(target):
            key = key_of(sentence)
            if len(key.split()) < MIN_WORDS:
                continue
            first, _ = by_sentence.setdefault(key, (index, start))
            if first != index and not _share_a_sentence(thai[first], source):
                findings.append(same_english(index, first, start, sentence))
    return findings


_SENTENCE = re.compile(r"[^.!?]+[.!?]*[\"”’)]*")
THAI_CHUNK = 15  # characters: a space-delimited Thai stretch this long is a sentence or a clause


def sentences(text: str) -> list[tuple[int, str]]:
    """English sentences with their offsets (split after . ! ?)."""
    return [
        (m.start() + len(m.group()) - len(m.group().lstrip()), m.group().strip())
        for m in _SENTENCE.finditer(text)
        if m.group().strip()
    ]


def _share_a_sentence(first: str, second: str) -> bool:
    """Whether two Thai paragraphs share a space-delimited stretch (Thai separates sentences and clauses
    with spaces): then the same English sentence may well render it."""
    if key_of(first) == key_of(second):
        return True
    chunks = {c for c in first.split() if len(c) >= THAI_CHUNK}
    return any(c in chunks for c in second.split() if len(c) >= THAI_CHUNK)


def _warning(code: str, index: int, message: str) -> RuleFinding:
    return RuleFinding(Kind.CONSISTENCY, code, index, message, severity=Severity.WARNING)
