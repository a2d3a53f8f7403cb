"""The reader's "Make a class handout" command: the handout is built and written in a thread worker (with
its own copy of the glossary), and a notification says where it went."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.tui.reader.screen import ReaderScreen


def make_handout(screen: ReaderScreen, folder: Path | None = None) -> None:
    """Write a handout of the open article with every section (``folder``: see ``handout_target``)."""
    from bilingual_reader.teaching.handout_file import glossary_copy

    glossary = screen.glossary
    if glossary is None:
        screen.notify("The glossary is still opening; try again in a moment.", severity="warning", timeout=3)
        return
    copy = glossary_copy(glossary)
    article, memory_file = screen.article, screen.services.memory_path
    screen.notify("Making the handout…", timeout=2)
    screen.run_worker(
        lambda: _write(screen, article, copy, folder, memory_file),
        thread=True,
        group="handout",
        exit_on_error=False,
    )


def _write(screen: ReaderScreen, article: Article, glossary: Glossary, folder: Path | None,
           memory_file: Path | None) -> None:  # fmt: skip
    from bilingual_reader.files import FileProblem
    from bilingual_reader.teaching.handout_file import handout_target, write_handout

    try:
        target = write_handout(article, glossary, handout_target(article, folder), memory_file=memory_file)
    except (FileProblem, OSError) as err:
        screen.app.call_from_thread(screen.notify, f"No handout: {err}", severity="error", timeout=10)
        return
    finally:
        glossary.close()
    screen.app.call_from_thread(screen.notify, f"Handout written to {target}", timeout=10)
