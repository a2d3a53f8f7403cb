"""Consistency across a document: one Thai term rendered with different approved English terms, the
same Thai paragraph translated differently, the same English paragraph made from different Thai.
Warnings: the translator picks one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from bilingual_reader.qa.findings import Finding, FindingStatus
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity

__all__ = ["check_document"]

_MIN_WORDS = 4  # shorter identical English (a heading, "Yes.") is no sign of a problem


def _key(text: str) -> str:
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
            used[(f.concept_id, _key(f.thai.text))].append(f)
    findings = []
    for hits in used.values():
        counts = Counter(f.english_term.casefold() for f in hits if f.english_term)
        if len(counts) < 2:
            continue
        majority = counts.most_common(1)[0][0]
        first = next(f for f in hits if f.english_term and f.english_term.casefold() == majority)
        for f in hits:
            if f.english_term and f.english_term.casefold() != majority:
                message = (
                    f"{f.thai.text} is “{f.english_term}” here but “{first.english_term}” in "
                    f"¶{first.paragraph + 1}: pick one"
                )
                findings.append(
                    RuleFinding(
                        Kind.CONSISTENCY,
                        "term-variants",
                        f.paragraph,
                        message,
                        f.thai,
                        f.english,
                        Severity.WARNING,
                    )
                )
    return findings


def _paragraph_variants(thai: Sequence[str], english: Sequence[str | None]) -> list[RuleFinding]:
    findings = []
    by_thai: dict[str, int] = {}
    by_english: dict[str, int] = {}
    for index, (source, target) in enumerate(zip(thai, english, strict=True)):
        if target is None or not target.strip():
            continue
        source_key, target_key = _key(source), _key(target)
        first = by_thai.setdefault(source_key, index)
        if first != index and _key(english[first] or "") != target_key:
            message = f"the same Thai as ¶{first + 1} is translated differently"
            findings.append(_warning("same-thai-different-english", index, message))
        first = by_english.setdefault(target_key, index)
        if first != index and _key(thai[first]) != source_key and len(target_key.split()) >= _MIN_WORDS:
            message = f"the same English as ¶{first + 1} comes from different Thai"
            findings.append(_warning("same-english-different-thai", index, message))
    return findings


def _warning(code: str, index: int, message: str) -> RuleFinding:
    return RuleFinding(Kind.CONSISTENCY, code, index, message, severity=Severity.WARNING)
