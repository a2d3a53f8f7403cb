"""How the reader words terminology findings: the gutter badge, a finding's line, the popup's check block."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from bilingual_reader.qa.findings import Counts, Finding, FindingStatus
from bilingual_reader.qa.rules.model import RuleFinding

#: The mark of each finding status (also used in the badge).
STATUS_MARK = {
    FindingStatus.OK: "✓",
    FindingStatus.MISSING: "✗",
    FindingStatus.FORBIDDEN: "⚠",
    FindingStatus.DEPRECATED: "⇣",
}
#: The badge's mark for dismissed problems.
DISMISSED_MARK = "⊘"
STATUS_STYLE = {
    FindingStatus.OK: "$text-success",
    FindingStatus.MISSING: "bold $text-error",
    FindingStatus.FORBIDDEN: "bold $text-warning",
    FindingStatus.DEPRECATED: "$text-warning",
}


def badge_content(counts: Counts) -> Content:
    """A paragraph's badge, e.g. ``✓3 ✗1 ⚠0`` (zeros dimmed), then ``⇣1`` if deprecated terms were used and
    ``⊘2`` if problems were dismissed."""
    parts = (
        (FindingStatus.OK, counts.ok),
        (FindingStatus.MISSING, counts.missing),
        (FindingStatus.FORBIDDEN, counts.forbidden),
    )
    badge = Content(" ").join(
        Content.styled(f"{STATUS_MARK[status]}{n}", STATUS_STYLE[status] if n else "dim")
        for status, n in parts
    )
    if counts.deprecated:
        status = FindingStatus.DEPRECATED
        badge = badge + Content.styled(f" {STATUS_MARK[status]}{counts.deprecated}", STATUS_STYLE[status])
    if counts.dismissed:
        badge = badge + Content.styled(f" {DISMISSED_MARK}{counts.dismissed}", "dim")
    return badge


#: The mark of the other checks' problems (numbers, dates, names, units, form, checklist).
CHECKS_MARK = "!"


def checks_mark(problems: int) -> Content:
    """``!2``: how many problems the other checks found in a paragraph."""
    return Content.styled(f"{CHECKS_MARK}{problems}", "bold $text-warning")


def rule_content(finding: RuleFinding) -> Content:
    """One line for the findings panel: the check, the paragraph, what it found, and where."""
    style = (
        "dim" if finding.dismissed else "bold $text-error" if finding.severity == "error" else "$text-warning"
    )
    line = Content.assemble(
        (CHECKS_MARK, style),
        (f" ¶{finding.paragraph + 1} ", "dim"),
        (f"{finding.kind.value}: ", "bold"),
        finding.message,
    )
    where = finding.thai or finding.english
    if where is not None:
        line = line + Content.styled(f"  [{where.text}]", "dim")
    if finding.dismissed:
        line = line + Content.styled("  dismissed", "dim italic")
    return line


def used_text(finding: Finding) -> str:
    """What the translation used for the finding's term: the English, ``missing``, or the forbidden or
    deprecated term."""
    if finding.status is FindingStatus.MISSING:
        return "missing"
    used = finding.english.text if finding.english is not None else ""
    if finding.status is FindingStatus.FORBIDDEN:
        return f"forbidden term used: {used}"
    if finding.status is FindingStatus.DEPRECATED:
        return f"deprecated term used: {used}"
    return used


def finding_content(finding: Finding) -> Content:
    """One line for the findings panel: status mark, paragraph, Thai term, what was used, the suggestion."""
    status = finding.status
    line = Content.assemble(
        (STATUS_MARK[status], "dim" if finding.dismissed else STATUS_STYLE[status]),
        (f" ¶{finding.paragraph + 1} ", "dim"),
        (finding.thai.text, "bold"),
        (" → ", "dim"),
        used_text(finding),
    )
    if status is not FindingStatus.OK:
        line = line + Content.styled(f"  (use: {finding.suggestion})", "italic")
    if finding.dismissed:
        line = line + Content.styled("  dismissed", "dim italic")
    return line


def check_content(findings: Sequence[Finding]) -> Content:
    """The popup's block for a term of a translated paragraph: the approved rendering and what was used."""
    lines = [Content.styled("In this paragraph's English:", "dim")]
    for finding in findings:
        lines.append(Content.assemble(("Approved: ", "dim"), (finding.suggestion, "bold")))
        lines.append(
            Content.assemble(
                ("Used:     ", "dim"),
                (f"{STATUS_MARK[finding.status]} ", STATUS_STYLE[finding.status]),
                (
                    used_text(finding),
                    "" if finding.status is FindingStatus.OK else STATUS_STYLE[finding.status],
                ),
                (" (dismissed)" if finding.dismissed else "", "dim"),
            )
        )
    return Content("\n").join(lines)
