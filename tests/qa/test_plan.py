"""Which checks run: --checks, the settings file's [check] table, the checklist; bad values in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.qa.plan import PlanError, plan_checks, run_plan
from bilingual_reader.qa.rules.model import KINDS, Kind


def test_everything_by_default_with_the_shipped_checklist() -> None:
    plan = plan_checks()
    assert plan.kinds == frozenset(KINDS) and plan.terms and len(plan.rules) >= 8


def test_checks_choose(tmp_path: Path) -> None:
    plan = plan_checks("terms,dates")
    assert plan.kinds == {Kind.DATES} and plan.terms and plan.rules == ()


def test_the_settings_file_turns_kinds_off(tmp_path: Path) -> None:
    config = tmp_path / "translation.toml"
    config.write_text('[translation]\nbeam_size = 2\n[check]\noff = ["form", "terms"]\n', encoding="utf-8")
    plan = plan_checks(config=config)
    assert Kind.FORM not in plan.kinds and not plan.terms and Kind.NUMBERS in plan.kinds
    assert plan_checks("form", config=config).kinds == {Kind.FORM}  # the command line wins


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[check]\noff = ["nope"]\n', "[check] off: unknown check(s) nope"),
        ('[check]\noff = "form"\n', "off must be a list"),
        ("[check]\nloud = true\n", "unknown setting(s) loud"),
        ("check = 3\n", "[check] must be a table"),
    ],
)
def test_bad_settings_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "translation.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError, match=r"translation\.toml") as error:
        plan_checks(config=config)
    assert message in str(error.value)


def test_a_user_checklist_replaces_the_shipped_one(tmp_path: Path) -> None:
    checklist = tmp_path / "mine.toml"
    checklist.write_text('[[rule]]\nname = "no-tanks"\nthai = "รถถัง"\nforbids = "bucket"\n', encoding="utf-8")
    plan = plan_checks("checklist", checklist=checklist)
    result = run_plan("a.txt", ["รถถังหนึ่งคัน"], ["a bucket"], plan)
    assert [(r.code, r.thai.text if r.thai else None) for r in result.rules] == [("no-tanks", "รถถัง")]
    with pytest.raises(PlanError, match="--checks: unknown"):
        plan_checks("bogus")
