"""The LibreTranslate API key: from an environment variable or a private file, never printed or stored.

``BILINGUAL_READER_LIBRETRANSLATE_KEY`` wins; else ``libretranslate.key`` in the config directory, which must
be a regular file that only its owner can read or write (``chmod 600``). The key lives in memory only: the
engine sends it in the request body and leaves it out of every message, ``repr`` and memory key.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from bilingual_reader import paths
from bilingual_reader.files import FileProblem, not_utf8, read_input
from bilingual_reader.translation.errors import KeyFileError

KEY_VARIABLE = "BILINGUAL_READER_LIBRETRANSLATE_KEY"
KEY_FILE = "libretranslate.key"
KEY_LIMIT = 4096


def key_path() -> Path:
    """The key file: ``libretranslate.key`` in the config directory."""
    return paths.config_dir() / KEY_FILE


def read_api_key() -> str | None:
    """The API key (None: none configured). Raises :class:`KeyFileError` for a key file that others can
    read or write, or that is not a small text file (the message names the file, never the key)."""
    value = os.environ.get(KEY_VARIABLE, "").strip()
    if value:
        return value
    path = key_path()
    if not (path.exists() or path.is_symlink()):
        return None
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISREG(mode) and mode & 0o077:
            raise KeyFileError(
                f"{path}: the API key file is open to other users (mode {stat.S_IMODE(mode):o}); "
                f"run `chmod 600 {path}`"
            )
        data = read_input(path, KEY_LIMIT, "API key file")
    except FileProblem as err:
        raise KeyFileError(str(err)) from None
    except OSError as err:
        raise KeyFileError(f"{path}: cannot be read ({err.strerror or err})") from None
    try:
        key = data.decode("utf-8").strip()
    except UnicodeDecodeError as err:
        raise KeyFileError(str(not_utf8(path, data, err))) from None
    if any(c.isspace() or ord(c) < 32 for c in key):
        raise KeyFileError(f"{path}: the API key file must hold one key on one line")
    return key or None
