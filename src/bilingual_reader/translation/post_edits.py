"""What the memory alone shows of an article when no model is installed: its post-edits (a student's own, or
a teacher's English brought by a class pack), and the machine English a class pack brought for the rest."""

from __future__ import annotations

from collections.abc import Sequence

from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory, source_hash
from bilingual_reader.translation.results import ArticleLike, ParagraphResult
from bilingual_reader.translation.teacher_english import mark_teacher_english

__all__ = ["PACK_MODEL", "pack_machine_english", "post_edited", "save_pack_machine_english"]

#: The memory's model key of the machine English a class pack brought: this prefix and the pack's name.
PACK_MODEL = "class pack: "


def save_pack_machine_english(memory: TranslationMemory, pack: str, thai: str, english: str) -> bool:
    """Keep the machine English a class pack brought for a paragraph (not the teacher's own: it stays
    "machine translation"); False when the memory has it already."""
    model = PACK_MODEL + pack
    if thai in memory.get_sentences(model, "", [thai]):
        return False
    memory.put_sentence(model, "", SentenceTranslation(thai, english, ()))
    return True


def pack_machine_english(memory: TranslationMemory, paragraphs: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Paragraph → (machine English a class pack brought for it, the memory key), the newest pack's."""
    found: dict[str, tuple[str, str]] = {}
    rows = memory.conn.execute(
        "select model from sentences where model like ? group by model order by max(created)",
        [PACK_MODEL.replace("%", "") + "%"],
    )
    for (model,) in rows.fetchall():
        for thai, translation in memory.get_sentences(str(model), "", paragraphs).items():
            found[thai] = (translation.best, str(model))
    return found


def post_edited(article: ArticleLike, memory: TranslationMemory) -> list[ParagraphResult]:
    """A result for each paragraph with a post-edit saved for its Thai (``teacher`` when it is still the
    English a class pack brought), else with a class pack's machine English, in paragraph order."""
    edits = memory.get_post_edits(article.article_id)
    machine = pack_machine_english(memory, article.paragraphs)
    results = []
    for index, thai in enumerate(article.paragraphs):
        english = edits.get((index, source_hash(thai)))
        if english is not None:
            results.append(ParagraphResult(index, thai, english, "post-edit"))
        elif thai in machine:
            text, model = machine[thai]
            results.append(ParagraphResult(index, thai, text, "memory", machine=text, model=model))
    return list(mark_teacher_english(results, memory, article.article_id))
