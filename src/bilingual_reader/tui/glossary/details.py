"""The glossary screen's details panel: a concept's terms, subject, texts and origin, then where its terms
occur in the open article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from textual.content import Content

from bilingual_reader.glossary.browse import concept_occurrences, short_title
from bilingual_reader.tui.widgets.term_status import terms_content

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.thai.segmenter import Token

__all__ = ["OpenArticle", "concept_details", "origin_label"]


class OpenArticle(Protocol):
    """What the screen reads of the article being read (the reader screen fits): its text and tokens."""

    @property
    def article(self) -> Article:
        """The open article."""

    @property
    def tokens(self) -> Sequence[Sequence[Token]] | None:
        """Its tokens per paragraph, once segmented."""


def origin_label(origin: str) -> str:
    """How an origin is shown ("" was stored before origins were kept)."""
    return origin or "not recorded"


def concept_details(concept: Concept, article: OpenArticle | None) -> Content:
    """The panel's text: the concept, then its occurrences in the article (paragraph numbers from 1)."""
    fields = [("Thai", terms_content(concept.thai)), ("English", terms_content(concept.english))]
    fields += [("Subject", Content(concept.subject))]
    fields += [
        (name, Content(value))
        for name, value in (("Definition", concept.definition), ("Note", concept.note))
        if value
    ]
    fields += [("From", Content(origin_label(concept.origin)))]
    lines = [Content.styled(concept.headword, "bold $text-accent")]
    lines += [Content.assemble((f"{name:<11}", "dim"), value) for name, value in fields]
    if article is None:
        lines.append(Content.styled("No article is open.", "dim"))
        return Content("\n").join(lines)
    found = concept_occurrences(concept, article.article.paragraphs, article.tokens)
    title = short_title(article.article.title)
    lines.append(Content.styled(f"\n{len(found)} in “{title}”" if found else f"\nNot in “{title}”.", "bold"))
    for hit in found:
        lines.append(
            Content.assemble(
                (f"¶{hit.paragraph + 1:<3} ", "dim"), hit.before, (hit.text, "reverse"), hit.after
            )
        )
    return Content("\n").join(lines)
