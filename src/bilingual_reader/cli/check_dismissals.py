"""``check --dismiss/--restore``: the edits named on the command line, applied to the review store."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bilingual_reader.cli.common import BadInput

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.documents.streamed_article import StreamedArticle

__all__ = ["parse_hit", "review_edits"]

_HIT = re.compile(r"(\d{1,9}):(\d+|[a-z]+:[\w-]+:.*)", re.DOTALL)


def parse_hit(value: str, paragraphs: int) -> tuple[int, int | str]:
    """Parse ``P:CONCEPT`` or ``P:KIND:CODE:TEXT`` (P counted from 1) into (paragraph index, concept id or
    finding key)."""
    match = _HIT.fullmatch(value.strip())
    if match is None:
        raise BadInput(
            f"--dismiss/--restore {value!r}: expected PARAGRAPH:CONCEPT (3:17) or PARAGRAPH:KEY "
            "(3:dates:be-year-kept:ปี 2565)"
        )
    number = int(match[1])
    if not 1 <= number <= paragraphs:
        raise BadInput(f"--dismiss/--restore {value!r}: the article has paragraphs 1 to {paragraphs}")
    target = match[2]
    if target.isdigit():
        if len(target) > 18:
            raise BadInput(f"--dismiss/--restore {value!r}: no such concept")
        return number - 1, int(target)
    return number - 1, target


def review_edits(
    article: Article | StreamedArticle, edits: list[tuple[bool, tuple[int, int | str]]]
) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, str]]]:
    """Apply dismiss/restore edits, then the article's dismissed term hits and check findings (review.db
    is created only to write). Dismissals stored before every line was a paragraph move to the new numbering
    first."""
    from bilingual_reader.qa.dismissals import ReviewError, ReviewStore, review_path

    if not edits and not review_path().exists():
        return frozenset(), frozenset()
    try:
        store = ReviewStore.open()
        article_id = article.article_id
        try:
            if article.legacy_id is not None:
                store.adopt_legacy(article.legacy_id, article_id)
            for dismiss, (paragraph, target) in edits:
                if isinstance(target, int):
                    (store.dismiss if dismiss else store.restore)(article_id, paragraph, target)
                else:
                    (store.dismiss_check if dismiss else store.restore_check)(article_id, paragraph, target)
            return store.dismissed(article_id), store.dismissed_checks(article_id)
        finally:
            store.close()
    except ReviewError as err:
        raise BadInput(str(err)) from None
