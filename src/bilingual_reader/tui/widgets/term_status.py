"""How a glossary term's status is styled wherever terms are shown (the popup, the glossary screen)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from bilingual_reader.glossary.models import Status, Term

#: The style of a term's text, by its status.
STATUS_STYLE = {
    Status.PREFERRED: "bold",
    Status.ADMITTED: "",
    Status.DEPRECATED: "dim",
    Status.FORBIDDEN: "strike $text-error",
}


def styled_term(term: Term, mark: str | None = None) -> Content:
    """The term styled by its status, followed (dimmed) by ``mark`` (default: its status in brackets)."""
    return Content.assemble(
        (term.text, STATUS_STYLE[term.status]), (mark or f" ({term.status.value})", "dim")
    )


def terms_content(terms: Sequence[Term]) -> Content:
    """Terms on one line, each with its status (forbidden ones struck through)."""
    return Content("; ").join(styled_term(t) for t in terms)
