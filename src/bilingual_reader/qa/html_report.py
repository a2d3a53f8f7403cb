"""The QA report as one self-contained HTML page: a summary table, then each document's findings grouped by
kind and paragraph, with the Thai and the English in context and the problem highlighted. Inline CSS, no
scripts, nothing fetched from the network; readable on screen and in print.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bilingual_reader.html_page import SANS, html_page
from bilingual_reader.qa.findings import Span
from bilingual_reader.qa.results import DocumentResult
from bilingual_reader.qa.rules.model import KINDS

__all__ = ["html_report"]

_CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d0d4da; --error: #b3261e; --warn: #8a5a00;
        --ok: #1e7d32; }
body { font-family: FONTS; color: var(--ink); margin: 2rem auto; max-width: 62rem;
       padding: 0 1rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { margin-top: 2.2rem; border-bottom: 2px solid var(--line); }
h3 { margin-top: 1.4rem; color: var(--muted); text-transform: capitalize; }
.meta { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .95rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #f3f4f6; overflow-wrap: normal; white-space: nowrap; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.finding { border-left: 4px solid var(--error); padding: .4rem .8rem; margin: .8rem 0; background: #fbfbfc;
           break-inside: avoid; }
.finding.warning { border-color: var(--warn); } .finding.dismissed { border-color: var(--line); opacity: .7; }
.label { font-weight: 600; } .error .label { color: var(--error); } .warning .label { color: var(--warn); }
.thai, .english { margin: .3rem 0; overflow-wrap: anywhere; } .thai { font-size: 1.05rem; }
.thai::before { content: "TH "; } .english::before { content: "EN "; }
.thai::before, .english::before { color: var(--muted); font-size: .75rem; font-weight: 600; }
mark { background: #ffe08a; padding: 0 .1rem; border-radius: 2px; }
.clean { color: var(--ok); }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; }
               h2:first-of-type { break-before: auto; } }
""".replace("FONTS", SANS)


def _marked(text: str | None, span: Span | None) -> str:
    if text is None:
        return '<span class="meta">(no English)</span>'
    if span is None or not 0 <= span.start <= span.end <= len(text):
        return escape(text)
    return (
        escape(text[: span.start])
        + f"<mark>{escape(text[span.start : span.end])}</mark>"
        + escape(text[span.end :])
    )


def _block(result: DocumentResult, paragraph: int, css: str, label: str, message: str, thai: Span | None,
           english: Span | None) -> str:  # fmt: skip
    source = result.thai[paragraph] if paragraph < len(result.thai) else ""
    target = result.english[paragraph] if paragraph < len(result.english) else None
    return (
        f'<div class="finding {css}"><div><span class="label">{escape(label)}</span> · ¶{paragraph + 1} · '
        f"{escape(message)}</div>"
        f'<p class="thai" lang="th">{_marked(source, thai)}</p>'
        f'<p class="english" lang="en">{_marked(target, english)}</p></div>'
    )


def _sections(result: DocumentResult) -> list[str]:
    parts: list[str] = []
    terms = [f for f in result.terms if f.status.value != "ok"]
    if terms:
        parts.append("<h3>terms</h3>")
        for f in sorted(terms, key=lambda f: f.paragraph):
            css = "dismissed" if f.dismissed else "warning" if f.status.value == "deprecated" else "error"
            message = f"{f.thai.text}: use “{f.suggestion}”"
            parts.append(_block(result, f.paragraph, css, f.status.value, message, f.thai, f.english))
    for kind in KINDS:
        found = [r for r in result.rules if r.kind is kind]
        if not found:
            continue
        parts.append(f"<h3>{escape(kind.value)}</h3>")
        for r in sorted(found, key=lambda r: r.paragraph):
            css = "dismissed" if r.dismissed else r.severity.value
            parts.append(_block(result, r.paragraph, css, r.code, r.message, r.thai, r.english))
    return parts or ['<p class="clean">No problems found.</p>']


def _summary(results: Sequence[DocumentResult]) -> str:
    head = "<th>document</th><th>paragraphs</th><th>errors</th><th>warnings</th><th>by kind</th>"
    rows = []
    for result in results:
        counts = result.summary()
        terms = sum(v for k, v in counts.items() if k.startswith("terms:") and k != "terms:ok")
        kinds = [("terms", terms), *((k.value, counts.get(k.value, 0)) for k in KINDS)]
        kinds.append(("dismissed", counts.get("dismissed", 0)))
        by_kind = " · ".join(f"{name} {n}" for name, n in kinds if n) or "none"
        errors = result.errors()
        warnings = result.errors(strict=True) - errors
        rows.append(
            f"<tr><td>{escape(result.path)}</td><td class='n'>{len(result.thai)}</td>"
            f"<td class='n'>{errors}</td><td class='n'>{warnings}</td><td>{escape(by_kind)}</td></tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def html_report(results: Sequence[DocumentResult], title: str = "QA report") -> str:
    """The whole page for one or more checked documents."""
    body = [f"<h1>{escape(title)}</h1>", '<p class="meta">bilingual-reader check</p>', _summary(results)]
    for result in results:
        body.append(f"<h2>{escape(result.path)}</h2>")
        body.extend(_sections(result))
    return html_page(title, _CSS, body)
