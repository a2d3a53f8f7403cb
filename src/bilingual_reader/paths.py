"""Where bilingual-reader keeps its files: per-user data, config, and the files it ships."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "bilingual-reader"
_PACKAGE_DIR = Path(__file__).resolve().parent
# A wheel carries the shipped files inside the package; a source checkout has them at the project root.
_SHIPPED_CANDIDATES = (_PACKAGE_DIR / "_shipped", _PACKAGE_DIR.parent.parent)


def data_dir() -> Path:
    """The per-user data directory (``BILINGUAL_READER_DATA_DIR`` overrides the platform default)."""
    override = os.environ.get("BILINGUAL_READER_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when needed: a one-shot command with a named glossary does without

    return platformdirs.user_data_path(APP_NAME)


#: The databases the program keeps in the data folder. No command writes an output file over one of them (or
#: its -wal/-shm/-journal), whether it exists yet or not: a CSV named memory.db there broke every translation.
OWN_DATABASES = ("glossary.db", "memory.db", "review.db", "learner.db")


def own_databases() -> list[Path]:
    """The program's own databases in the data folder (see :data:`OWN_DATABASES`)."""
    return [data_dir() / name for name in OWN_DATABASES]


def private_folder(path: Path) -> None:
    """Create the folder ``path`` (with its missing parents) for its owner only (0700); an existing one is
    left as it is. The data folder holds a person's reading, edits and, later, keys. Missing parents are
    made 0700 too (``mkdir(parents=True)`` gives them the umask's 0755), as the XDG base directory
    specification asks of a missing ``~/.local/share``."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)


def private_file(path: Path) -> None:
    """Create ``path`` empty and for its owner only (0600) unless it exists, before SQLite opens it (SQLite
    creates a missing database, and then its -wal/-shm/-journal, with the umask's 0644)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600))


def config_dir() -> Path:
    """The per-user config directory (``BILINGUAL_READER_CONFIG_DIR`` overrides the platform default)."""
    override = os.environ.get("BILINGUAL_READER_CONFIG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_config_path(APP_NAME)


def cache_dir() -> Path:
    """The per-user cache directory (``BILINGUAL_READER_CACHE_DIR`` overrides the platform default): files
    made from others (prebuilt word tries) that may be deleted at any time."""
    override = os.environ.get("BILINGUAL_READER_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME)


def shipped(name: str) -> Path:
    """A file or directory shipped with the program: ``articles``, ``glossary.db``, ``glossary.tsv``."""
    for base in _SHIPPED_CANDIDATES:
        candidate = base / name
        if candidate.exists():
            return candidate
    return _SHIPPED_CANDIDATES[-1] / name


def articles_dir() -> Path:
    """The directory of articles shipped with the program."""
    return shipped("articles")
