"""Opening a checked class pack on a student's machine: its articles join the student's articles, its concepts
merge into the student's glossary (the conflict policy of ``glossary merge``), and the teacher's English
becomes the English of paragraphs the student has not edited. Opening the same pack again changes nothing.

Order keeps it all-or-nothing for what can fail: the glossary import is tried first as a dry run (a bad
concept stops everything), articles that would overwrite a different file stop everything, and only then
are the articles written, the memory filled and the concepts imported for real.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual_reader import paths
from bilingual_reader.files import write_output
from bilingual_reader.glossary.importing import ImportFailed, ImportReport, OnConflict, import_concepts
from bilingual_reader.teaching.pack_format import PackError
from bilingual_reader.thai.text import normalize_key
from bilingual_reader.translation.post_edits import save_pack_machine_english
from bilingual_reader.translation.teacher_english import record_teacher_english

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.teaching.pack_read import ClassPack
    from bilingual_reader.translation.memory import TranslationMemory

__all__ = ["OpenReport", "cards_file", "open_pack", "pack_folder"]


@dataclass(frozen=True)
class OpenReport:
    """What opening a pack did."""

    folder: Path
    articles_added: int
    articles_present: int
    glossary: ImportReport
    english_saved: int
    english_present: int
    cards: Path | None = None  # where the pack's flashcards were put (import them into Anki)
    machine_saved: int = 0  # of english_saved: the teacher's machine English, kept as machine translation


def pack_folder(name: str) -> Path:
    """Where a pack's articles go: ``class-packs/NAME`` in the data folder."""
    return paths.data_dir() / "class-packs" / name


def cards_file(name: str) -> Path:
    """Where a pack's flashcards go: ``NAME-cards.apkg`` in its folder (a name Anki shows as the file)."""
    return pack_folder(name) / f"{name}-cards.apkg"


def _article_bytes(pack: ClassPack) -> dict[Path, bytes]:
    folder = pack_folder(pack.name)
    files = {
        folder / file: ("\n".join(a.paragraphs) + "\n").encode("utf-8") for file, a in pack.articles.items()
    }
    if pack.cards is not None:
        files[cards_file(pack.name)] = pack.cards
    return files


def _save_english(pack: ClassPack, memory: TranslationMemory) -> tuple[int, int, int]:
    """The teacher's English becomes the post-edit of each paragraph the student has not edited; the
    teacher's machine English (unreviewed) is kept as the pack's machine translation."""
    english = {normalize_key(u.thai): (u.english, u.needs_review) for u in pack.memory if u.english}
    saved = present = machine_saved = 0
    for article in pack.articles.values():
        for index, thai in enumerate(article.paragraphs):
            teacher, machine = english.get(normalize_key(thai), (None, False))
            if teacher is None:
                continue
            if machine:
                if save_pack_machine_english(memory, pack.name, thai, teacher):
                    saved += 1
                    machine_saved += 1
                else:
                    present += 1
                continue
            if memory.get_post_edit(article.article_id, index, thai) is not None:
                present += 1  # the student's own edit, or this pack's from an earlier opening: kept
                continue
            memory.save_post_edit(article.article_id, index, thai, teacher)
            record_teacher_english(memory, article.article_id, index, thai, teacher, pack.name)
            saved += 1
    return saved, present, machine_saved


def open_pack(
    pack: ClassPack, glossary: Glossary, memory: TranslationMemory, on_conflict: OnConflict | str = "skip"
) -> OpenReport:
    """Bring ``pack`` into the student's glossary, memory and articles; raises :class:`PackError`."""
    source = f"class pack {pack.name}"
    try:
        import_concepts(glossary, pack.glossary, source=source, on_conflict=on_conflict, dry_run=True)
    except ImportFailed as err:
        first = err.errors[0]
        raise PackError(f"{pack.path}: glossary.json:{first.line}: {first.reason}; nothing opened") from None
    files = _article_bytes(pack)
    present = 0
    cards = cards_file(pack.name) if pack.cards is not None else None
    for file, body in files.items():
        if file.exists():
            if file.read_bytes() != body:
                raise PackError(f"{file}: exists with other text; move it aside to open {pack.path}")
            present += file != cards
    paths.private_folder(pack_folder(pack.name))
    for file, body in files.items():
        if not file.exists():
            write_output(file, body)
    saved, kept, machine = _save_english(pack, memory)
    report = import_concepts(glossary, pack.glossary, source=source, on_conflict=on_conflict, origin=source)
    added = len(pack.articles) - present
    return OpenReport(pack_folder(pack.name), added, present, report, saved, kept, cards, machine)
