"""The handout's stylesheet: for screens (a centred column) and for print (A4 or Letter, a new page for
every section and for the answer key, page numbers at the foot of each page)."""

from __future__ import annotations

from bilingual_reader.html_page import SANS, SERIF_THAI

__all__ = ["PAPERS", "handout_css"]

#: Paper sizes a handout can be fixed to; "auto" leaves it to the printer's settings.
PAPERS = {"auto": "", "a4": "A4", "letter": "letter"}

_CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #c9ced6; --term: #0b57d0; --mark: #e8f0fe; }
* { box-sizing: border-box; }
body { font-family: SANS; color: var(--ink); margin: 2rem auto; max-width: 50rem; padding: 0 1.2rem;
       line-height: 1.55; overflow-wrap: anywhere; }
[lang="th"], .thai { font-family: THAI; }
header { border-bottom: 2px solid var(--line); margin-bottom: 1.2rem; }
header .meta { color: var(--muted); font-size: .9rem; margin: 0 0 .4rem; }
h1 { font-size: 1.55rem; margin: .2rem 0 .5rem; line-height: 1.4; }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; color: var(--muted); }
p { margin: 0 0 .8rem; }
.thai p { font-size: 1.15rem; line-height: 1.9; }
.thai p.headline, .cloze p.headline { font-weight: 700; }
.term { color: var(--term); background: var(--mark); border-radius: 2px; padding: 0 .05em;
  white-space: nowrap; }
.term sup, .blank { font-family: SANS; }
sup { font-size: .65em; font-weight: 700; color: var(--term); }
ol.glosses { padding-left: 2.2rem; font-size: .95rem; }
ol.glosses li { margin-bottom: .3rem; break-inside: avoid; }
.rtgs, .tones { color: var(--muted); font-style: italic; }
.origin { display: inline-block; font-size: .72rem; font-weight: 600; color: var(--muted); border: 1px solid
          var(--line); border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; white-space: nowrap; }
.missing { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: .88rem; }
th, td { border: 1px solid var(--line); padding: .25rem .35rem; text-align: left; vertical-align: top; }
th { background: #f1f3f4; font-weight: 600; }
tr { break-inside: avoid; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
col.num { width: 2.2rem; } col.th { width: 17%; } col.rtgs { width: 14%; } col.tones { width: 14%; }
col.en { width: 20%; } col.count { width: 3.2rem; }
td.thai { font-size: 1.05rem; }
.interlinear p { line-height: 1.2; margin-bottom: 1rem; }
.w { display: inline-block; vertical-align: top; text-align: center; margin: 0 .12rem .45rem 0;
     max-width: 100%; }
.w .t { display: block; font-size: 1.1rem; }
.w .r { display: block; font-size: .68rem; color: var(--muted); font-style: italic; }
.w .g { display: block; font-size: .7rem; color: var(--term); max-width: 9rem; }
.cloze p { font-size: 1.12rem; line-height: 2.1; }
.blank { display: inline-block; min-width: 5.5rem; border-bottom: 1px solid var(--ink); font-size: .75rem;
         color: var(--muted); line-height: 1.2; padding: 0 .2rem; }
.bank { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .8rem; margin: 0 0 1rem; }
.bank span { display: inline-block; margin: .1rem .9rem .1rem 0; font-size: 1.1rem; }
ol.answers { columns: 2; column-gap: 2rem; font-size: 1rem; }
.answer-key { margin-top: 2rem; }
@page { SIZE margin: 16mm 14mm 18mm;
        @bottom-center { content: "page " counter(page) " of " counter(pages); font: 9pt SANS;
                         color: #5f6368; } }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  section.part { break-before: page; }
  section.part:first-of-type { break-before: auto; }
  .answer-key { break-before: page; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  .term { background: none; text-decoration: underline; text-decoration-color: var(--term); }
}
"""


def handout_css(paper: str = "auto") -> str:
    """The stylesheet, with the page fixed to ``paper`` (a key of :data:`PAPERS`)."""
    size = PAPERS[paper]
    return (
        _CSS.replace("SANS", SANS)
        .replace("THAI", SERIF_THAI)
        .replace("SIZE", f"size: {size};" if size else "")
    )
