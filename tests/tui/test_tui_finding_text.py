"""How the reader words findings: a deprecated term has its own status in the badge, panel and popup."""

from __future__ import annotations

import pytest

from bilingual_reader.qa.findings import Counts, Finding, FindingStatus, Span
from bilingual_reader.tui.reader.finding_text import badge_content, check_content, finding_content


@pytest.mark.parametrize(
    ("counts", "text"),
    [
        (Counts(ok=3, missing=1), "✓3 ✗1 ⚠0"),
        (Counts(ok=1, forbidden=1, deprecated=2), "✓1 ✗0 ⚠1 ⇣2"),
        (Counts(deprecated=1, dismissed=2), "✓0 ✗0 ⚠0 ⇣1 ⊘2"),
    ],
)
def test_badge(counts: Counts, text: str) -> None:
    assert badge_content(counts).plain == text


def _finding(status: FindingStatus, used: str | None) -> Finding:
    english = None if used is None else Span(4, 4 + len(used), used)
    return Finding(0, Span(0, 5, "รถถัง"), 1, status, "tank", english, used)


@pytest.mark.parametrize(
    ("status", "used", "line", "popup"),
    [
        (FindingStatus.OK, "tanks", "✓ ¶1 รถถัง → tanks", "Used:     ✓ tanks"),
        (FindingStatus.MISSING, None, "✗ ¶1 รถถัง → missing  (use: tank)", "Used:     ✗ missing"),
        (
            FindingStatus.FORBIDDEN,
            "panzer",
            "⚠ ¶1 รถถัง → forbidden term used: panzer  (use: tank)",
            "Used:     ⚠ forbidden term used: panzer",
        ),
        (
            FindingStatus.DEPRECATED,
            "tank car",
            "⇣ ¶1 รถถัง → deprecated term used: tank car  (use: tank)",
            "Used:     ⇣ deprecated term used: tank car",
        ),
    ],
)
def test_panel_line_and_popup(status: FindingStatus, used: str | None, line: str, popup: str) -> None:
    finding = _finding(status, used)
    assert finding_content(finding).plain == line
    assert check_content([finding]).plain.splitlines() == [
        "In this paragraph's English:",
        "Approved: tank",
        popup,
    ]
