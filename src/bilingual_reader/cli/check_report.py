"""The report of ``bilingual-reader check``: a table, JSON, TSV or HTML, to standard output or a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from bilingual_reader.qa.results import DocumentResult

__all__ = ["emit_report"]


def emit_report(results: list[DocumentResult], fmt: str, output: str | None, strict: bool) -> None:
    """Write the check's report in ``fmt`` to ``output`` (atomically) or standard output."""
    from bilingual_reader.files import write_output
    from bilingual_reader.qa.html_report import html_report
    from bilingual_reader.qa.tsv_report import tsv_report

    if fmt == "html":
        text = html_report(results, title="QA report: " + ", ".join(Path(r.path).name for r in results[:3]))
    elif fmt == "tsv":
        text = tsv_report(results)
    elif fmt == "json":
        reports = [_json(r) for r in results]
        text = json.dumps(
            reports[0] if len(reports) == 1 else {"documents": reports}, ensure_ascii=False, indent=2
        )
        text += "\n"
    else:
        text = "\n".join(_table(results, strict)) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_output(output, text)
        click.echo(f"wrote {output}", err=True)


def _json(result: DocumentResult) -> dict[str, object]:
    from bilingual_reader.documents.articles import article_id_of
    from bilingual_reader.qa.report import report_json
    from bilingual_reader.qa.rule_report import rules_json

    untranslated = [i for i, text in enumerate(result.english) if text is None]
    article_id = article_id_of(result.thai)
    report = report_json(result.path, article_id, len(result.thai), untranslated, list(result.terms))
    report["checks"] = rules_json(result.rules)
    if result.roles:  # an article (not a bilingual file): each paragraph's role, the title's marked
        report["roles"] = list(result.roles)
        for finding in (*report["findings"], *report["checks"]["findings"]):
            finding["role"] = result.roles[finding["paragraph"]]
    return report


def _table(results: list[DocumentResult], strict: bool) -> list[str]:
    from bilingual_reader.qa.report import report_table
    from bilingual_reader.qa.rule_report import rule_lines, totals_line

    lines: list[str] = []
    for result in results:
        untranslated = [i for i, text in enumerate(result.english) if text is None]
        lines.extend(report_table(result.path, len(result.thai), untranslated, list(result.terms)))
        lines.extend(rule_lines(result.rules))
    if len(results) > 1:
        lines.append(totals_line(results, strict))
    return lines
