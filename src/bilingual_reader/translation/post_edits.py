"""What the memory alone shows of an article when no model is installed: its post-edits (a student's own, or
a teacher's English brought by a class pack)."""

from __future__ import annotations

from bilingual_reader.translation.memory import TranslationMemory, source_hash
from bilingual_reader.translation.results import ArticleLike, ParagraphResult
from bilingual_reader.translation.teacher_english import mark_teacher_english

__all__ = ["post_edited"]


def post_edited(article: ArticleLike, memory: TranslationMemory) -> list[ParagraphResult]:
    """A result for each paragraph with a post-edit saved for its Thai, in paragraph order (``teacher`` when
    it is still the English a class pack brought)."""
    edits = memory.get_post_edits(article.article_id)
    results = []
    for index, thai in enumerate(article.paragraphs):
        english = edits.get((index, source_hash(thai)))
        if english is not None:
            results.append(ParagraphResult(index, thai, english, "post-edit"))
    return list(mark_teacher_english(results, memory, article.article_id))
