"""Which checks run: ``--checks`` on the command line, else every kind but those the settings file turns off
(``[check] off = ["form"]`` in translation.toml), plus the checklist (``--checklist``, ``[check] checklist``,
else the shipped one)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader.files import FileProblem, read_input
from bilingual_reader.qa.findings import Finding
from bilingual_reader.qa.results import DocumentResult
from bilingual_reader.qa.rules.checklist import SHIPPED, ChecklistError, ChecklistRule, load_checklist
from bilingual_reader.qa.rules.model import KINDS, Kind
from bilingual_reader.qa.rules.run import check_document, parse_kinds

__all__ = ["CheckPlan", "PlanError", "plan_checks", "run_plan"]

_MAX_CONFIG_BYTES = 1024 * 1024


class PlanError(Exception):
    """A bad ``--checks``, checklist or ``[check]`` table; ``str()`` is one line."""


@dataclass(frozen=True)
class CheckPlan:
    """The kinds to run, whether glossary terms are checked, and the checklist rules."""

    kinds: frozenset[Kind] = frozenset(KINDS)
    terms: bool = True
    rules: tuple[ChecklistRule, ...] = ()


def _config(path: Path | None) -> dict[str, object]:
    if path is None or not path.is_file():
        return {}
    try:
        data = tomllib.loads(read_input(path, _MAX_CONFIG_BYTES, "settings file").decode("utf-8"))
    except (FileProblem, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise PlanError(f"{path}: {err}" if not isinstance(err, FileProblem) else str(err)) from None
    table = data.get("check", {})
    if not isinstance(table, dict):
        raise PlanError(f"{path}: [check] must be a table")
    unknown = set(table) - {"off", "checklist"}
    if unknown:
        raise PlanError(
            f"{path}: [check]: unknown setting(s) {', '.join(sorted(unknown))} (known: off, checklist)"
        )
    return table


def plan_checks(
    spec: str | None = None, checklist: Path | None = None, config: Path | None = None
) -> CheckPlan:
    """The plan from ``--checks`` (``spec``), ``--checklist`` and the settings file ``config``."""
    table = _config(config)
    try:
        if spec is not None:
            kinds, terms = parse_kinds(spec)
        else:
            off = table.get("off", [])
            if not isinstance(off, list) or not all(isinstance(k, str) for k in off):
                raise PlanError(f"{config}: [check] off must be a list of check names")
            kinds, terms = parse_kinds("all")
            off_kinds, off_terms = parse_kinds(",".join(off)) if off else (set(), False)
            kinds, terms = kinds - off_kinds, terms and not off_terms
    except ValueError as err:
        raise PlanError(f"{config}: [check] off: {err}" if spec is None else f"--checks: {err}") from None
    rules: tuple[ChecklistRule, ...] = ()
    if Kind.CHECKLIST in kinds:
        configured = table.get("checklist")
        source = checklist or (Path(str(configured)).expanduser() if configured else SHIPPED)
        try:
            rules = tuple(load_checklist(source))
        except ChecklistError as err:
            raise PlanError(str(err)) from None
    return CheckPlan(frozenset(kinds), terms, rules)


def run_plan(
    path: str,
    thai: Sequence[str],
    english: Sequence[str | None],
    plan: CheckPlan,
    terms: Sequence[Finding] = (),
    dismissed: frozenset[tuple[int, str]] = frozenset(),
    roles: Sequence[str] = (),
) -> DocumentResult:
    """Run the plan's kinds over aligned paragraphs; ``terms`` are the term check's findings (when run)."""
    rules = check_document(thai, english, plan.kinds, plan.rules, terms, dismissed)
    return DocumentResult(path, thai, english, tuple(terms) if plan.terms else (), tuple(rules), tuple(roles))
