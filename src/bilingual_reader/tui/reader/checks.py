"""The reader's checks beyond terms (numbers, dates, names, units, form, checklist): the findings of each
translated paragraph, kept beside the terminology findings, with the user's dismissals.

Plain state the terminology controller owns (on the UI thread); the checks are the headless
``qa.rules`` ones, cheap per paragraph (regular expressions), so a paragraph is checked when its English
arrives. Consistency, which needs the whole document, is left to ``bilingual-reader check``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from bilingual_reader.qa.rules.model import Kind, RuleFinding

if TYPE_CHECKING:
    from bilingual_reader.qa.dismissals import ReviewStore
    from bilingual_reader.qa.plan import CheckPlan

#: Says what went wrong (one line) to the user.
Notify = Callable[[str], None]


class ParagraphChecks:
    """Findings of the paragraph-level kinds the settings allow, by paragraph."""

    def __init__(self, article_id: str, notify: Notify) -> None:
        """Nothing is checked until :meth:`load`."""
        self.article_id = article_id
        self.findings: dict[int, list[RuleFinding]] = {}
        self._notify = notify
        self._plan: CheckPlan | None = None
        self._dismissed: frozenset[tuple[int, str]] = frozenset()

    def load(self, store: ReviewStore | None) -> None:
        """Read the plan (``[check]`` of translation.toml, the checklist) and the article's dismissals."""
        from bilingual_reader.qa.plan import CheckPlan, PlanError, plan_checks
        from bilingual_reader.translation.settings import config_path

        try:
            plan = plan_checks(config=config_path())
        except PlanError as err:
            self._notify(f"Checks beyond terms are off: {err}")
            plan = CheckPlan(kinds=frozenset(), terms=True)
        self._plan = replace(plan, kinds=plan.kinds - {Kind.CONSISTENCY})
        self._dismissed = self._read_dismissed(store)

    def check(self, index: int, thai: str, english: str | None) -> None:
        """Check one paragraph's English (None: it has none, forget its findings)."""
        self.set(index, self.compute(index, thai, english))

    def compute(self, index: int, thai: str, english: str | None) -> list[RuleFinding] | None:
        """One paragraph's findings (None: nothing to check); changes nothing, so a thread may call it."""
        from bilingual_reader.qa.rules.run import check_paragraph

        plan, dismissed = self._plan, self._dismissed
        if plan is None or english is None:
            return None
        found = check_paragraph(index, thai, english, plan.kinds, plan.rules)
        return [replace(f, dismissed=(index, f.key) in dismissed) for f in found]

    def set(self, index: int, found: list[RuleFinding] | None) -> None:
        """Keep a paragraph's findings (None: forget them)."""
        if found is None:
            self.findings.pop(index, None)
        else:
            self.findings[index] = found

    def problems(self, index: int) -> int:
        """How many findings of a paragraph are not dismissed."""
        return sum(1 for f in self.findings.get(index, []) if f.is_problem)

    def all(self) -> list[RuleFinding]:
        """Every finding, in reading order."""
        return [f for index in sorted(self.findings) for f in self.findings[index]]

    def toggle(self, finding: RuleFinding, store: ReviewStore | None) -> None:
        """Dismiss a finding for its paragraph, or restore a dismissed one (kept in the review database)."""
        from bilingual_reader.qa.dismissals import ReviewError

        if store is None:
            return
        key = (self.article_id, finding.paragraph, finding.key)
        try:
            store.restore_check(*key) if finding.dismissed else store.dismiss_check(*key)
        except ReviewError as err:
            self._notify(str(err))
        self._dismissed = self._read_dismissed(store)

    def _read_dismissed(self, store: ReviewStore | None) -> frozenset[tuple[int, str]]:
        from bilingual_reader.qa.dismissals import ReviewError

        try:
            return store.dismissed_checks(self.article_id) if store is not None else frozenset()
        except ReviewError as err:
            self._notify(str(err))
            return frozenset()
