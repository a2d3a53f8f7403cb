"""Where the glossary lives: ``--glossary``, then ``$BILINGUAL_READER_GLOSSARY``, then the data directory."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.opening import backup_into

ENV_VAR = "BILINGUAL_READER_GLOSSARY"
FILE_NAME = "glossary.db"


def resolve_glossary_path(option: str | None) -> Path:
    """The glossary file to use: the option, else the env var, else the per-user one (seeded on first run).

    The per-user ``data_dir()/glossary.db`` is created by copying the shipped ``glossary.db`` when it does
    not exist yet; an existing file is never overwritten. Without a shipped copy the path is returned
    as is, and opening it creates an empty glossary.
    """
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    target = paths.data_dir() / FILE_NAME
    if not target.exists():
        shipped = paths.shipped(FILE_NAME)
        if shipped.is_file():
            seed_copy(shipped, target)
    return target


def seed_copy(source: Path, target: Path) -> None:
    """Copy the database ``source`` to ``target`` unless ``target`` exists (atomic; never overwrites)."""
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        paths.private_folder(target.parent)
        paths.private_file(partial)
        _copy_database(source, partial)
        try:
            os.link(partial, target)  # fails if target appeared meanwhile: keep that one
        except FileExistsError:
            pass
        except OSError:
            if not target.exists():
                os.replace(partial, target)
    except OSError as err:
        raise GlossaryError(f"{target}: cannot create the glossary from {source} ({err.strerror})") from err
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def _copy_database(source: Path, target: Path) -> None:
    """Copy with the SQLite backup API (includes a WAL's content); fall back to a byte copy."""
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            backup_into(src, target)
        finally:
            src.close()
    except sqlite3.Error:
        shutil.copyfile(source, target)
