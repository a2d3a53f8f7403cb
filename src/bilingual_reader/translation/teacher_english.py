"""Which post-edits are a teacher's English from a class pack: a post-edit still equal to the English a pack
brought for its paragraph is the teacher's translation; once the student edits it, it is the student's."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from bilingual_reader.translation.memory import TranslationMemory, source_hash

if TYPE_CHECKING:
    from bilingual_reader.translation.results import ParagraphResult

__all__ = ["mark_teacher_english", "record_teacher_english", "teacher_english"]


def record_teacher_english(
    memory: TranslationMemory, article_id: str, paragraph: int, thai: str, english: str, pack: str
) -> None:
    """Remember that ``english`` for this paragraph came from the class pack ``pack``."""
    with memory.conn:
        memory.conn.execute(
            "insert or replace into teacher_english (article_id, paragraph, source_hash, english, pack)"
            " values (?, ?, ?, ?, ?)",
            (article_id, paragraph, source_hash(thai), english, pack),
        )


def teacher_english(memory: TranslationMemory, article_id: str) -> dict[tuple[int, str], str]:
    """(paragraph, source hash) → the teacher's English a pack brought for the article's paragraphs."""
    rows = memory.conn.execute(
        "select paragraph, source_hash, english from teacher_english where article_id = ?", (article_id,)
    )
    return {(int(paragraph), str(key)): str(english) for paragraph, key, english in rows}


def mark_teacher_english(
    results: Iterable[ParagraphResult], memory: TranslationMemory, article_id: str
) -> Iterator[ParagraphResult]:
    """``results`` with ``teacher`` set on each post-edit that is still the English a class pack brought
    (what a model translates around them is left as it is); the pack's English is read at the first
    post-edit met."""
    teachers: dict[tuple[int, str], str] | None = None
    for result in results:
        if result.source == "post-edit" and not result.teacher:
            if teachers is None:
                teachers = teacher_english(memory, article_id)
            if teachers and teachers.get((result.index, source_hash(result.thai))) == result.english:
                result = dataclasses.replace(result, teacher=True)
        yield result
