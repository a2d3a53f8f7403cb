"""The English slot beside (or under) each Thai paragraph: a translation, or the paragraph's state."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.style import Style
from textual.widget import Widget

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


@dataclass(frozen=True)
class EnglishMark:
    """A glossary term's span in the translation (character offsets), its finding's status, the Thai
    offset of its term (a click moves the cursor there) and whether it is aligned with the cursor."""

    start: int
    end: int
    status: str
    thai: int
    aligned: bool = False


class EnglishView(Widget):
    """One paragraph's English. Set ``translation`` when it arrives; until then ``status`` is shown dimmed.

    ``marks`` light glossary terms in the translation (clickable); ``notes`` are lines shown under it.
    """

    DEFAULT_CSS = """
    EnglishView {
        height: auto;
        &.-status { color: $text-muted; text-style: italic; }
    }
    """

    translation: reactive[str] = reactive("", layout=True)
    """The English translation of the paragraph ("" until there is one)."""
    status: reactive[str] = reactive("", layout=True)
    """What to show while there is no translation: no model, translating, an error."""
    marks: reactive[tuple[EnglishMark, ...]] = reactive((), layout=True)
    """Glossary terms found in the translation (offsets into ``translation``)."""
    notes: reactive[tuple[tuple[str, str], ...]] = reactive((), layout=True)
    """(text, style) lines shown under the translation: a missing term, the steering mark."""

    class TermClicked(Message):
        """A glossary term of the English was clicked: ``thai`` is the offset of its Thai term."""

        def __init__(self, paragraph: int, thai: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.thai = thai

    def __init__(self, index: int, *, id: str | None = None, classes: str | None = None) -> None:
        """The English slot of paragraph number ``index``."""
        super().__init__(id=id, classes=classes)
        self.index = index
        self.add_class("-status")

    def watch_translation(self, translation: str) -> None:
        """Dim the text while it is a status rather than a translation."""
        self.set_class(not translation, "-status")

    @property
    def highlighted(self) -> str | None:
        """The English text aligned with the Thai term under the cursor (None: nothing is)."""
        for mark in self.marks:
            if mark.aligned:
                return self.translation[mark.start : mark.end]
        return None

    def render(self) -> Content:
        """The translation with its glossary terms marked, or the status; then the notes."""
        content = Content(self.translation or self.status)
        if self.translation:
            for mark in self.marks:
                if mark.end <= len(self.translation):
                    style = ALIGNED_STYLE if mark.aligned else MARK_STYLES.get(mark.status, "")
                    content = content.stylize(style, mark.start, mark.end)
                    content = content.stylize(
                        Style.from_meta({"@click": f"align({mark.thai})"}), mark.start, mark.end
                    )
        if self.notes:
            content = Content("\n").join(
                [content, *(Content.styled(text, style) for text, style in self.notes)]
            )
        return content

    def action_align(self, thai: int) -> None:
        """A click on a marked term: ask the screen to put the cursor on its Thai term."""
        self.post_message(self.TermClicked(self.index, thai))
