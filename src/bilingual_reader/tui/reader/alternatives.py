"""A dialog listing the n-best alternatives of a paragraph's sentences; the pick becomes the post-edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from bilingual_reader.translation.engines.base import SentenceTranslation
    from bilingual_reader.translation.pipeline import ParagraphResult


def paragraph_with(sentences: Sequence[SentenceTranslation], sentence: int, text: str) -> str:
    """The paragraph's machine English with sentence number ``sentence`` replaced by ``text``."""
    return " ".join(
        part for i, s in enumerate(sentences) if (part := text if i == sentence else s.best).strip()
    )


def alternative_options(sentences: Sequence[SentenceTranslation]) -> list[Option]:
    """One heading per sentence (its Thai), then its hypotheses with their scores, best first."""
    options: list[Option] = []
    for i, sentence in enumerate(sentences):
        options.append(Option(Text(f"Sentence {i + 1}: {sentence.source}", style="bold"), disabled=True))
        for j, hypothesis in enumerate(sentence.nbest):
            label = Text.assemble((f"{hypothesis.score:7.3f}  ", "dim"), hypothesis.text)
            options.append(Option(label, id=f"alt-{i}-{j}"))
    return options


class AlternativesScreen(ModalScreen[str | None]):
    """Pick one of the alternatives for a sentence; dismissed with the paragraph's new English or None."""

    DEFAULT_CSS = """
    AlternativesScreen { align: center middle; }
    AlternativesScreen > #alternatives-body {
        width: 80%; max-width: 110; height: auto; max-height: 80%;
        border: round $accent; padding: 0 1; background: $surface;
    }
    AlternativesScreen #alternatives-list { height: auto; max-height: 30; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, result: ParagraphResult) -> None:
        """The alternatives of ``result``'s sentences (with the scores the model gave them)."""
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        """A hint and the list."""
        with Vertical(id="alternatives-body"):
            yield Label("Alternatives (log-probability, higher is better): enter picks one, escape cancels")
            yield OptionList(*alternative_options(self.result.sentences), id="alternatives-list")

    def on_mount(self) -> None:
        """Focus the list on the first alternative."""
        options = self.query_one("#alternatives-list", OptionList)
        options.focus()
        options.highlighted = 1 if options.option_count > 1 else None

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        _, sentence, hypothesis = option_id.split("-")
        text = self.result.sentences[int(sentence)].nbest[int(hypothesis)].text
        self.dismiss(paragraph_with(self.result.sentences, int(sentence), text))

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
