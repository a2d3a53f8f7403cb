"""The translation worker's messages and how a paragraph's English is shown (flags, edits, failures)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from bilingual_reader.tui.reader.english_view import NO_ENGINE

if TYPE_CHECKING:
    from bilingual_reader.translation.pipeline import ParagraphResult

#: What an English slot says while its paragraph waits for the engine.
WAITING = "Translating…"
#: The one banner the reader shows when no Thai→English model is installed (no paragraph repeats it).
NO_MODEL = NO_ENGINE
#: What ``r`` (or another request for English) says when no model is installed.
NO_MODEL_NOTICE = "No Thai→English model is installed: ctrl+p → “Install Thai→English model”."
#: What an English slot says while new machine translation waits for a valid settings file.
SETTINGS_WAIT = "⚠ Waiting for valid translation settings (see the header)"
#: The mark under a paragraph whose English was edited by the reader.
EDITED_MARK = "✎ edited"
#: The mark under a paragraph whose English is a teacher's, brought by a class pack.
TEACHER_MARK = "✎ teacher's translation"
#: The mark before the flags of a suspicious machine translation.
FLAG_MARK = "⚠"


class EnglishSlot(Protocol):
    """A paragraph's English slot (``EnglishView`` fits): ``translation`` once known, else ``status``."""

    translation: str
    status: str


@dataclass
class ParagraphTranslated(Message):
    """One paragraph's English arrived (from the memory, the engine, a post-edit, or it failed: ``error``)."""

    article_id: str
    result: ParagraphResult


@dataclass
class TranslationProgress(Message):
    """``done`` of ``total`` paragraphs of the article have their English."""

    article_id: str
    done: int
    total: int

    def can_replace(self, message: Message) -> bool:
        """A newer count replaces one not shown yet."""
        return isinstance(message, TranslationProgress) and message.article_id == self.article_id


@dataclass
class TranslationFailed(Message):
    """The article's translation job failed (``no_model``: none is installed); ``reason`` is one line.

    A single paragraph that cannot be translated comes as a ``ParagraphTranslated`` with ``result.error``.
    ``asked``: the user asked for it (a key), so say why it failed even when no model is installed.
    """

    article_id: str
    reason: str
    no_model: bool = False
    asked: bool = False


@dataclass
class SettingsProblem(Message):
    """The settings file is broken (``reason``: one line with its line and column): memory hits and
    post-edits were shown, new machine translation waits."""

    article_id: str
    reason: str


@dataclass
class PackagesSkipped(Message):
    """Package folders the model search skipped because they cannot be read: one line each (path and why)."""

    lines: list[str]


def progress_text(done: int, total: int) -> str:
    """The header's progress string, e.g. ``English 3/10 (30%)``."""
    percent = 100 if total == 0 else done * 100 // total
    return f"English {done}/{total} ({percent}%)"


def flag_text(flags: tuple[str, ...]) -> str:
    """One line describing the flags of a machine translation ("" when there are none)."""
    from bilingual_reader.translation.flags import DESCRIPTIONS

    if not flags:
        return ""
    return f"{FLAG_MARK} " + "; ".join(DESCRIPTIONS.get(flag, flag) for flag in flags)


def english_text(result: ParagraphResult) -> str:
    """What a slot shows: the English, then the edit mark (with the machine's) or the flags ("" if failed)."""
    if result.error is not None:
        return ""
    lines = [result.english or "(the model gave no English)"]
    if result.teacher:
        lines.append(TEACHER_MARK)
    elif result.source == "post-edit":
        differs = result.machine and result.machine != result.english
        lines.append(f"{EDITED_MARK} (machine: {result.machine})" if differs else EDITED_MARK)
    if result.flags:
        lines.append(flag_text(result.flags))
    return "\n".join(lines)


def status_text(result: ParagraphResult) -> str:
    """The slot's status for a result: the failure, said in one line ("" when it succeeded)."""
    if result.error is None:
        return ""
    reason = result.error.removeprefix("translation failed: ")
    return f"{FLAG_MARK} Translation failed: {reason}"


def show_result(slot: EnglishSlot, result: ParagraphResult) -> None:
    """Put a result into an English slot (status first, so a failure never flashes an empty slot)."""
    slot.status = status_text(result)
    slot.translation = english_text(result)


def one_line(what: str, error: BaseException | None) -> str:
    """``what``, then the error's type and first line (what a crashed worker's notice says)."""
    text = f"{what}: {type(error).__name__}: {error}" if error is not None else what
    return text.splitlines()[0] if text else what
