"""Where the glossary lives: ``--glossary``, then ``$BILINGUAL_READER_GLOSSARY``, then the data directory."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.store_files import backup_into

ENV_VAR = "BILINGUAL_READER_GLOSSARY"
FILE_NAME = "glossary.db"


def resolve_glossary_path(option: str | None) -> Path:
    """The glossary file to use: the option, else the env var, else the per-user one (seeded on first run).

    A glossary named by the option or the env var must exist (:class:`GlossaryError` otherwise: a typo
    must not open an empty glossary); :func:`create_glossary` makes a new one. The per-user
    ``data_dir()/glossary.db`` is created by copying the shipped ``glossary.db`` when it does not exist
    yet; an existing file is never overwritten. Without a shipped copy the path is returned as is, and
    opening it creates an empty glossary.
    """
    env = os.environ.get(ENV_VAR)
    if option or env:
        chosen = Path(option or env or "").expanduser()
        if not chosen.exists():
            source = f" (from ${ENV_VAR})" if str(option or env) == env else ""
            raise GlossaryError(
                f"{chosen}: no such glossary{source}; create an empty one with "
                f"`bilingual-reader glossary init {chosen}`"
            )
        return chosen
    target = paths.data_dir() / FILE_NAME
    if not target.exists():
        shipped = paths.shipped(FILE_NAME)
        if shipped.is_file():
            seed_copy(shipped, target)
    return target


def create_glossary(path: Path) -> Path:
    """Create a new, empty glossary database at ``path``; :class:`GlossaryError` if anything is there."""
    from bilingual_reader.glossary.store import Glossary

    target = path.expanduser()
    if target.exists() or target.is_symlink():
        raise GlossaryError(f"{target}: already exists; not touching it")
    if not target.parent.is_dir():
        raise GlossaryError(f"{target}: cannot create: the folder {target.parent} does not exist")
    Glossary.open(target).close()
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
