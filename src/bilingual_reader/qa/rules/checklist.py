"""User checklists, as Xbench has them: rules in a TOML file, each a Thai pattern and the English it requires
or forbids, with a message. The project ships one for the defense glossary's common traps.

```toml
[[rule]]
name = "fighter, not driver"
thai = "เครื่องบินขับไล่"
forbids = "\\bdriv(?:e|er|ing)\\b"
message = "ขับไล่ in เครื่องบินขับไล่ is 'fighter', not 'drive'"
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from bilingual_reader.files import FileProblem, read_text_input
from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.rules.model import Kind, RuleFinding, Severity

__all__ = ["MAX_CHECKLIST_BYTES", "SHIPPED", "ChecklistError", "ChecklistRule", "check", "load_checklist"]

MAX_CHECKLIST_BYTES = 1024 * 1024
SHIPPED = Path(__file__).resolve().parent.parent.parent / "data" / "checklists" / "defense.toml"


class ChecklistError(Exception):
    """A checklist that cannot be used; ``str()`` is one line naming the file and the rule."""


@dataclass(frozen=True)
class ChecklistRule:
    """One rule: where ``thai`` matches the Thai, the English must match ``requires``, not ``forbids``."""

    name: str
    thai: re.Pattern[str]
    requires: re.Pattern[str] | None
    forbids: re.Pattern[str] | None
    message: str
    severity: Severity = Severity.ERROR


def load_checklist(path: Path) -> list[ChecklistRule]:
    """The rules of a checklist file, or :class:`ChecklistError` naming the file and the bad rule."""
    try:
        data = tomllib.loads(read_text_input(path, MAX_CHECKLIST_BYTES, "checklist"))
    except FileProblem as error:
        raise ChecklistError(str(error)) from None
    except tomllib.TOMLDecodeError as error:
        raise ChecklistError(f"{path}: not valid TOML ({error})") from None
    rules = data.get("rule", [])
    if not isinstance(rules, list):
        raise ChecklistError(f"{path}: 'rule' must be an array of tables ([[rule]])")
    return [_rule(path, n, raw) for n, raw in enumerate(rules, 1)]


def _rule(path: Path, number: int, raw: object) -> ChecklistRule:
    if not isinstance(raw, dict):
        raise ChecklistError(f"{path}: rule {number} is not a table")
    name = str(raw.get("name") or f"rule {number}")

    def fail(problem: str) -> ChecklistError:
        return ChecklistError(f"{path}: rule “{name}”: {problem}")

    unknown = set(raw) - {"name", "thai", "requires", "forbids", "message", "severity"}
    if unknown:
        raise fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    if not isinstance(raw.get("thai"), str) or not raw["thai"]:
        raise fail("needs a 'thai' pattern")
    if not raw.get("requires") and not raw.get("forbids"):
        raise fail("needs 'requires' or 'forbids'")
    severity = raw.get("severity", "error")
    if severity not in ("error", "warning"):
        raise fail(f"severity must be 'error' or 'warning', not {severity!r}")

    def compile_(field: str) -> re.Pattern[str] | None:
        value = raw.get(field)
        if value is None:
            return None
        if not isinstance(value, str):
            raise fail(f"'{field}' must be a string")
        try:
            return re.compile(value, 0 if field == "thai" else re.IGNORECASE)
        except re.error as error:
            raise fail(f"bad regular expression in '{field}': {error}") from None

    thai = compile_("thai")
    assert thai is not None
    message = str(raw.get("message") or name)
    return ChecklistRule(name, thai, compile_("requires"), compile_("forbids"), message, Severity(severity))


def check(index: int, thai: str, english: str, rules: list[ChecklistRule]) -> list[RuleFinding]:
    """Findings of the checklist rules for one paragraph."""
    findings = []
    for rule in rules:
        hit = rule.thai.search(thai)
        if hit is None:
            continue
        span = Span(hit.start(), hit.end(), hit.group())
        if rule.requires is not None and not rule.requires.search(english):
            findings.append(
                RuleFinding(Kind.CHECKLIST, rule.name, index, rule.message, span, None, rule.severity)
            )
        if rule.forbids is not None and (bad := rule.forbids.search(english)):
            where = Span(bad.start(), bad.end(), bad.group())
            findings.append(
                RuleFinding(Kind.CHECKLIST, rule.name, index, rule.message, span, where, rule.severity)
            )
    return findings
