"""Fixtures for the document tests: EPUBs zipped from the team-written files in tests/fixtures/documents."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "documents"


def zip_folder(folder: Path, extra: dict[str, bytes] | None = None) -> bytes:
    """An EPUB of ``folder``: ``mimetype`` first and stored, the rest deflated; ``extra`` members added."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.write(folder / "mimetype", "mimetype", compress_type=zipfile.ZIP_STORED)
        for file in sorted(folder.rglob("*")):
            if file.is_file() and file.name != "mimetype":
                archive.write(file, file.relative_to(folder).as_posix(), compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.fixture
def book_epub(tmp_path: Path) -> Path:
    """The team-written two-chapter EPUB (tests/fixtures/documents/book-epub), zipped."""
    path = tmp_path / "book.epub"
    path.write_bytes(zip_folder(FIXTURES / "book-epub"))
    return path


@pytest.fixture
def epub_with(tmp_path: Path) -> Callable[[dict[str, bytes]], Path]:
    """Makes the fixture EPUB with extra members (hostile ones)."""

    def make(extra: dict[str, bytes]) -> Path:
        path = tmp_path / "hostile.epub"
        path.write_bytes(zip_folder(FIXTURES / "book-epub", extra))
        return path

    return make
