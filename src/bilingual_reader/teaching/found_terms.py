"""The glossary concepts an article uses: every term the segmenter keeps whole, and the terms inside it
(ปืนใหญ่ inside ปืนใหญ่อัตตาจร), in order of first occurrence."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bilingual_reader.thai.segmenter import Segmenter
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.models import Concept
    from bilingual_reader.glossary.store import Glossary

__all__ = ["concepts_in"]


def concepts_in(
    articles: Iterable[Sequence[str]], glossary: Glossary, segmenter: Segmenter | None = None
) -> list[Concept]:
    """The concepts whose Thai terms occur in the paragraphs of ``articles``, each once, in order."""
    segmenter = segmenter or Segmenter(glossary.thai_terms())
    found: dict[int, Concept] = {}
    seen: set[str] = set()
    for paragraphs in articles:
        for paragraph in paragraphs:
            for token in segmenter.tokenize(paragraph):
                if not token.is_term:
                    continue
                key = normalize_key(token.text)
                if key in seen:
                    continue
                seen.add(key)
                for term in (key, *segmenter.subterms(key)):
                    for concept in glossary.lookup(term):
                        if concept.id is not None:
                            found.setdefault(concept.id, concept)
    return list(found.values())
