"""Which memory a session shows while the settings file is broken: the chosen engine's, never another's.

A broken settings file stops new machine translation but the reader still shows what the memory holds
(a :class:`~.engines.base.Recall`). Which engine's translations: the one ``--engine``/``--url`` name, else
the one the file's own ``engine``/``url`` entries name when they can still be read (the error may be in
another entry), else the installed model's. A LibreTranslate choice recalls that server's last key, so the
local model's English is not shown as the server's.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bilingual_reader.translation.engines.base import Recall


def _file_choice(path: Path) -> dict[str, Any]:
    """The ``engine`` and ``url`` entries of a settings file that may be broken elsewhere ({}: unreadable)."""
    from bilingual_reader.files import FileProblem, read_input
    from bilingual_reader.translation.settings import CONFIG_LIMIT

    try:
        table = tomllib.loads(read_input(path, CONFIG_LIMIT, "settings file").decode("utf-8"))["translation"]
    except (FileProblem, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return {}
    if not isinstance(table, dict):
        return {}
    return {k: table[k] for k in ("engine", "url") if isinstance(table.get(k), str)}


def remote_recall(overrides: Mapping[str, Any], path: Path | None = None) -> Recall | None:
    """The :class:`Recall` of the LibreTranslate server chosen by ``overrides`` or the file; None: local."""
    from bilingual_reader.translation.settings import config_path

    chosen = {k: v for k, v in overrides.items() if k in ("engine", "url") and v is not None}
    path = path or config_path()
    if "engine" not in chosen or ("url" not in chosen and chosen.get("engine") == "libretranslate"):
        chosen = {**(_file_choice(path) if path.is_file() else {}), **chosen}
    if chosen.get("engine") != "libretranslate" or not chosen.get("url"):
        return None
    prefix = f"libretranslate {str(chosen['url']).rstrip('/')} "
    return Recall(f"{prefix}(settings broken)", key_prefix=prefix)
