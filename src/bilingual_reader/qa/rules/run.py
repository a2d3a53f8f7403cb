"""Running the QA kinds a user chose over a document's aligned paragraphs."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

from bilingual_reader.qa.findings import Finding
from bilingual_reader.qa.rules import carried, checklist, consistency, dates, form, numbers, units
from bilingual_reader.qa.rules.checklist import ChecklistRule
from bilingual_reader.qa.rules.model import KINDS, Kind, RuleFinding

__all__ = ["PARAGRAPH_RULES", "check_document", "check_paragraph", "parse_kinds"]

ParagraphRule = Callable[[int, str, str], list[RuleFinding]]

#: The paragraph-level kinds, in report order.
PARAGRAPH_RULES: dict[Kind, ParagraphRule] = {
    Kind.NUMBERS: numbers.check,
    Kind.DATES: dates.check,
    Kind.TEXT: carried.check,
    Kind.UNITS: units.check,
    Kind.FORM: form.check,
}


def parse_kinds(spec: str) -> tuple[set[Kind], bool]:
    """``--checks`` as (rule kinds, whether the term check runs): "all", or names separated by commas."""
    names = {part.strip().casefold() for part in spec.split(",") if part.strip()}
    if not names or "all" in names:
        return set(KINDS), True
    known = {k.value for k in KINDS} | {"terms"}
    unknown = sorted(names - known)
    if unknown:
        raise ValueError(
            f"unknown check(s) {', '.join(unknown)}; known: terms, {', '.join(k.value for k in KINDS)}"
        )
    return {Kind(n) for n in names if n != "terms"}, "terms" in names


def check_paragraph(
    index: int,
    thai: str,
    english: str,
    kinds: Collection[Kind] = KINDS,
    rules: Sequence[ChecklistRule] = (),
) -> list[RuleFinding]:
    """The findings of the chosen paragraph-level kinds (and the checklist) for one paragraph."""
    findings: list[RuleFinding] = []
    if " ".join(english.split()) in (
        "",
        " ".join(thai.split()),
    ):  # empty or untranslated: one finding says it
        return form.check(index, thai, english) if Kind.FORM in kinds else []
    for kind, rule in PARAGRAPH_RULES.items():
        if kind in kinds:
            findings.extend(rule(index, thai, english))
    if Kind.CHECKLIST in kinds and rules:
        findings.extend(checklist.check(index, thai, english, list(rules)))
    return findings


def check_document(
    thai: Sequence[str],
    english: Sequence[str | None],
    kinds: Collection[Kind] = KINDS,
    rules: Sequence[ChecklistRule] = (),
    term_findings: Iterable[Finding] = (),
    dismissed: Collection[tuple[int, str]] = (),
) -> list[RuleFinding]:
    """Findings of every chosen kind over aligned paragraphs (None: untranslated, skipped), by paragraph.
    ``dismissed`` holds (paragraph, finding key) pairs the user dismissed."""
    findings: list[RuleFinding] = []
    for index, (source, target) in enumerate(zip(thai, english, strict=True)):
        if target is not None:
            findings.extend(check_paragraph(index, source, target, kinds, rules))
    if Kind.CONSISTENCY in kinds:
        findings.extend(consistency.check_document(thai, english, term_findings))
    if dismissed:
        from dataclasses import replace

        findings = [replace(f, dismissed=(f.paragraph, f.key) in dismissed) for f in findings]
    return sorted(findings, key=lambda f: f.paragraph)
