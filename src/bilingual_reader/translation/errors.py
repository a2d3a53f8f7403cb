"""Why translation cannot start: one-line errors naming the file at fault (the CLI exits 2 on them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.translation.engines.base import Recall


class TranslationSetupError(Exception):
    """The model, the settings or the memory is missing or unusable; ``str(err)`` is one line."""


class NoModelError(TranslationSetupError):
    """No Thai→English model is installed."""

    def __init__(self) -> None:
        super().__init__("no Thai→English model installed: run `bilingual-reader model install`")


class SettingsError(TranslationSetupError):
    """A bad settings file or value; the message names the file (with line and column) or the option.

    ``recall``: set by the reader's engine factory to the LibreTranslate server chosen all the same
    (a :class:`~.engines.base.Recall`; None: the local model), whose memory is shown meanwhile.
    """

    recall: Recall | None = None


class MemoryFileError(TranslationSetupError):
    """The translation memory file cannot be used (corrupt, foreign, unreadable); it was left untouched."""


class KeyFileError(TranslationSetupError):
    """The LibreTranslate API key file is unusable (open to other users, not one line of text)."""
