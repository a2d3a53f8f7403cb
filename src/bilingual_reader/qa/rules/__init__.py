"""QA beyond terms: numbers, dates and Buddhist-era years, carried-over text, units, consistency, form,
checklists.

Each rule module provides ``check(index, thai, english) -> list[RuleFinding]`` for one aligned paragraph
pair (consistency works on the whole document). :func:`bilingual_reader.qa.rules.run.check_document` runs
the kinds a user chose.
"""

from __future__ import annotations

from bilingual_reader.qa.rules.model import KINDS, Kind, RuleFinding, Severity

__all__ = ["KINDS", "Kind", "RuleFinding", "Severity"]
