"""The English slot beside (or under) each Thai paragraph: a translation, or the paragraph's state."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

#: What the English column says while no translation model is installed, and how to get one.
NO_ENGINE = (
    "No Thai→English model installed: ctrl+p → “Install Thai→English model”, "
    "or run `bilingual-reader model install`"
)


class EnglishView(Widget):
    """One paragraph's English. Set ``translation`` when it arrives; until then ``status`` is shown dimmed."""

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

    def __init__(self, index: int, *, id: str | None = None, classes: str | None = None) -> None:
        """The English slot of paragraph number ``index``."""
        super().__init__(id=id, classes=classes)
        self.index = index
        self.add_class("-status")

    def watch_translation(self, translation: str) -> None:
        """Dim the text while it is a status rather than a translation."""
        self.set_class(not translation, "-status")

    def render(self) -> Content:
        """The translation, or the status."""
        return Content(self.translation or self.status)
