"""The English slot beside (or under) each Thai paragraph: a translation, or the paragraph's state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.content import Content
from textual.style import Style

#: What the reader says (once, in a banner) while no translation model is installed, and how to get one.
NO_ENGINE = (
    "No Thai→English model installed, so no English: press ctrl+p, choose “Install Thai→English model”."
)

#: How a glossary term found in the English is styled, by the status of its finding.
MARK_STYLES = {
    "ok": "underline $text-success",
    "forbidden": "underline $text-error",
    "dismissed": "underline",
}
#: The style of the English term aligned with the Thai term under the cursor.
ALIGNED_STYLE = "bold $text on $accent"
#: How a search match is shown (in the English and the Thai).
MATCH_STYLE = "bold $text on $warning-muted"
#: How a status (no translation yet) is shown.
STATUS_STYLE = "italic $text-muted"


@dataclass(frozen=True)
class EnglishMark:
    """A glossary term's span in the translation (character offsets), its finding's status, the Thai
    offset of its term (a click moves the cursor there) and whether it is aligned with the cursor."""

    start: int
    end: int
    status: str
    thai: int
    aligned: bool = False


class EnglishView:
    """One paragraph's English. Set ``translation`` when it arrives; until then ``status`` is shown dimmed.

    ``marks`` light glossary terms in the translation (clickable); ``notes`` are lines shown under it.
    Not a widget: the text view owns one per paragraph and draws it; setting a field redraws the paragraph.
    """

    def __init__(self, index: int, changed: Callable[[int], None] = lambda _: None) -> None:
        """The English slot of paragraph number ``index``."""
        self.index = index
        self._changed = changed
        self._translation = ""
        self._status = ""
        self._marks: tuple[EnglishMark, ...] = ()
        self._notes: tuple[tuple[str, str], ...] = ()
        self._matches: tuple[tuple[int, int], ...] = ()

    def _set(self, name: str, value: object) -> None:
        if getattr(self, name) != value:
            setattr(self, name, value)
            self._changed(self.index)

    @property
    def translation(self) -> str:
        """The English translation of the paragraph ("" until there is one)."""
        return self._translation

    @translation.setter
    def translation(self, value: str) -> None:
        self._set("_translation", value)

    @property
    def status(self) -> str:
        """What to show while there is no translation: no model, translating, an error."""
        return self._status

    @status.setter
    def status(self, value: str) -> None:
        self._set("_status", value)

    @property
    def marks(self) -> tuple[EnglishMark, ...]:
        """Glossary terms found in the translation (offsets into ``translation``)."""
        return self._marks

    @marks.setter
    def marks(self, value: tuple[EnglishMark, ...]) -> None:
        self._set("_marks", value)

    @property
    def notes(self) -> tuple[tuple[str, str], ...]:
        """(text, style) lines shown under the translation: a missing term, the steering mark."""
        return self._notes

    @notes.setter
    def notes(self, value: tuple[tuple[str, str], ...]) -> None:
        self._set("_notes", value)

    @property
    def matches(self) -> tuple[tuple[int, int], ...]:
        """Search matches in the translation: (start, end) character spans."""
        return self._matches

    @matches.setter
    def matches(self, value: tuple[tuple[int, int], ...]) -> None:
        self._set("_matches", value)

    @property
    def is_status(self) -> bool:
        """True while a status (dimmed) is shown rather than a translation."""
        return not self._translation

    @property
    def highlighted(self) -> str | None:
        """The English text aligned with the Thai term under the cursor (None: nothing is)."""
        for mark in self.marks:
            if mark.aligned:
                return self.translation[mark.start : mark.end]
        return None

    def render(self) -> Content:
        """The translation with its glossary terms marked (clickable), or the status; then the notes."""
        if not self.translation:
            content = Content.styled(self.status, STATUS_STYLE) if self.status else Content("")
        else:
            content = Content(self.translation)
            for mark in self.marks:
                if mark.end <= len(self.translation):
                    style = ALIGNED_STYLE if mark.aligned else MARK_STYLES.get(mark.status, "")
                    content = content.stylize(style, mark.start, mark.end)
                    content = content.stylize(
                        Style.from_meta({"@click": f"align({self.index}, {mark.thai})"}), mark.start, mark.end
                    )
            for start, end in self.matches:
                content = content.stylize(MATCH_STYLE, start, end)
        if self.notes:
            content = Content("\n").join(
                [content, *(Content.styled(text, style) for text, style in self.notes)]
            )
        return content
