"""Where the learner database lives: ``--learner``, then ``$BILINGUAL_READER_LEARNER``, then the data folder
(next to the personal glossary)."""

from __future__ import annotations

import os
from pathlib import Path

from bilingual_reader import paths

__all__ = ["ENV_VAR", "FILE_NAME", "resolve_learner_path"]

ENV_VAR = "BILINGUAL_READER_LEARNER"
FILE_NAME = "learner.db"


def resolve_learner_path(option: str | os.PathLike[str] | None) -> Path:
    """The learner database to use: the option, else the env var, else ``data_dir()/learner.db``.

    Unlike the glossary, a named file that does not exist yet is created on first write: a learner starts
    with no marked words, so there is nothing a typo could hide.
    """
    chosen = option or os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return paths.data_dir() / FILE_NAME
