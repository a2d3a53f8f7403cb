"""The memory and CAT tools: post-edited targets of an XLIFF/TMX file brought back as post-edits, and the
memory's machine translations written as TMX."""

from __future__ import annotations

from dataclasses import dataclass

from bilingual_reader.documents.articles import article_id_of
from bilingual_reader.documents.bilingual import Bilingual
from bilingual_reader.translation.memory import TranslationMemory

__all__ = ["ImportReport", "import_post_edits", "memory_tmx"]

_MACHINE_NOTES = {"engine", "memory", "machine"}


@dataclass(frozen=True)
class ImportReport:
    """What an import did: the article's id, post-edits saved, units already in the memory, units left
    alone (empty, or the untouched machine translation)."""

    article_id: str
    saved: int
    unchanged: int
    skipped: int


def import_post_edits(bilingual: Bilingual, memory: TranslationMemory) -> ImportReport:
    """Save every target a translator changed as the post-edit of its paragraph (units in file order are
    the article's paragraphs, as ``translate --format xliff`` writes them).

    A target is changed when it differs from the machine translation the file carries (our ``alt-trans``),
    or, without one, when it is no longer marked for review. Importing the same file twice saves nothing
    the second time.
    """
    thai = bilingual.thai
    article_id = article_id_of(thai)
    saved = unchanged = skipped = 0
    for index, unit in enumerate(bilingual.units):
        english = unit.english
        edited = english is not None and (
            english != unit.machine if unit.machine is not None else not unit.needs_review
        )
        if not edited or english is None:
            skipped += 1
        elif memory.get_post_edit(article_id, index, unit.thai) == english:
            unchanged += 1
        else:
            memory.save_post_edit(article_id, index, unit.thai, english)
            saved += 1
    return ImportReport(article_id, saved, unchanged, skipped)


def memory_tmx(memory: TranslationMemory) -> tuple[bytes, int]:
    """The memory as TMX 1.4: every post-edited paragraph (Thai → the translator's English, noted
    "post-edit"), then every machine-translated sentence (the newest of each, the model in a note); and
    the number of units. Post-edits saved before their Thai was kept are left out."""
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="th", targetlanguage="en")
    units = 0
    edits = memory.conn.execute(
        "select s.thai, e.english from post_edits e join post_edit_sources s using (source_hash)"
        " order by e.updated"
    )
    for thai, english in edits:
        store.addtranslation(str(thai), "th", str(english), "en", comment="post-edit")
        units += 1
    seen: set[str] = set()
    rows = memory.conn.execute("select source, best, model from sentences order by created desc")
    for source, best, model in rows:
        if source in seen or not best:
            continue
        seen.add(source)
        store.addtranslation(str(source), "th", str(best), "en", comment=f"machine translation: {model}")
    return bytes(store), units + len(seen)
