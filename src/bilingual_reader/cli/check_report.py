"""The report of ``bilingual-reader check``: a table, JSON, TSV or HTML, to standard output or a file,
written a piece at a time (a book's findings are read back from disk, never all held)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from bilingual_reader.qa.results import CheckedDocument, DocumentResult

__all__ = ["emit_report"]

# A list the JSON report writes item by item: its place in the skeleton is this string.
_PLACE = re.compile(r'"\\u0000(terms|checks) (\d+)\\u0000"')
_BATCH = 64 * 1024


def emit_report(results: Sequence[CheckedDocument], fmt: str, output: str | None, strict: bool) -> None:
    """Write the check's report in ``fmt`` to ``output`` (atomically) or standard output. HTML needs each
    document's text: ``results`` are then :class:`~bilingual_reader.qa.results.DocumentResult`."""
    from bilingual_reader.files import atomic_output

    pieces = _pieces(results, fmt, strict)
    if output is None:
        for text in _batched(pieces):
            click.echo(text, nl=False)
        return
    with atomic_output(output) as sink:
        for text in _batched(pieces):
            sink.write(text.encode("utf-8"))
    click.echo(f"wrote {output}", err=True)


def _pieces(results: Sequence[CheckedDocument], fmt: str, strict: bool) -> Iterator[str]:
    from bilingual_reader.qa.html_report import html_report
    from bilingual_reader.qa.tsv_report import tsv_lines

    if fmt == "html":
        documents: list[DocumentResult] = list(results)  # type: ignore[arg-type]
        yield html_report(documents, title="QA report: " + ", ".join(Path(r.path).name for r in results[:3]))
    elif fmt == "tsv":
        yield from tsv_lines(results)
    elif fmt == "json":
        yield from _json(results)
    elif fmt == "jsonl":
        from bilingual_reader.qa.jsonl_report import jsonl_lines

        for result in results:
            yield from jsonl_lines(result)
    else:
        yield from (line + "\n" for line in _table(results, strict))


def _batched(pieces: Iterable[str]) -> Iterator[str]:
    held: list[str] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= _BATCH:
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)


def _json(results: Sequence[CheckedDocument]) -> Iterator[str]:
    """The JSON report as ``json.dumps(…, indent=2)`` writes it, the findings' lists written item by item."""
    reports = [_skeleton(r, n) for n, r in enumerate(results)]
    text = json.dumps(
        reports[0] if len(reports) == 1 else {"documents": reports}, ensure_ascii=False, indent=2
    )
    for line in (text + "\n").splitlines(keepends=True):
        place = _PLACE.search(line)
        if place is None:
            yield line
            continue
        result = results[int(place[2])]
        items = result.terms if place[1] == "terms" else result.rules
        indent = len(line) - len(line.lstrip(" "))
        yield line[: place.start()]
        yield from _json_list(_finding_dicts(result, items), indent)
        yield line[place.end() :]


def _skeleton(result: CheckedDocument, number: int) -> dict[str, Any]:
    from bilingual_reader.qa.report import report_json, summary_json
    from bilingual_reader.qa.rule_report import rule_counts

    report = report_json(result.path, result.article_id, result.paragraph_count, result.untranslated, ())
    report["summary"] = summary_json(result.term_counts())
    report["findings"] = f"\0terms {number}\0"
    report["checks"] = {"summary": rule_counts(result.rules), "findings": f"\0checks {number}\0"}
    if result.roles:  # an article (not a bilingual file): each paragraph's role, the title's marked
        report["roles"] = list(result.roles)
    return report


def _finding_dicts(result: CheckedDocument, findings: Iterable[Any]) -> Iterator[dict[str, Any]]:
    for f in findings:
        item = f.to_dict()
        if result.roles:
            item["role"] = result.roles[item["paragraph"]]
        yield item


def _json_list(items: Iterator[dict[str, Any]], indent: int) -> Iterator[str]:
    """A list as ``json.dumps(…, indent=2)`` writes it ``indent`` spaces in (the ``[`` already placed)."""
    inner = "\n" + " " * (indent + 2)
    first = next(items, None)
    if first is None:
        yield "[]"
        return
    for item in chain([first], items):
        yield ("[" if item is first else ",") + inner
        yield json.dumps(item, ensure_ascii=False, indent=2).replace("\n", inner)
    yield "\n" + " " * indent + "]"


def _table(results: Sequence[CheckedDocument], strict: bool) -> Iterator[str]:
    from bilingual_reader.qa.report import table_lines
    from bilingual_reader.qa.rule_report import rule_lines, totals_line

    for result in results:
        tally = result.term_counts()
        yield from table_lines(result.path, result.paragraph_count, result.untranslated, result.terms, tally)
        yield from rule_lines(result.rules)
    if len(results) > 1:
        yield totals_line(results, strict)
