"""The progress screen: words read, new words, lookups per day as sparklines, statuses now, the streak."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Sparkline, Static

from bilingual_reader.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from bilingual_reader.learner.article_stats import ArticleFigures
    from bilingual_reader.learner.stats import Progress

__all__ = ["StatsScreen"]


class StatsScreen(ModalScreen[None]):
    """Shows a learner's ``Progress`` (computed by the caller from the learner database)."""

    DEFAULT_CSS = """
    StatsScreen { align: center middle; }
    StatsScreen > VerticalScroll { width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $accent; background: $panel; padding: 0 1; }
    StatsScreen Sparkline { height: 2; margin-bottom: 1; }
    StatsScreen .stats-label { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,S", "close", "Close")]

    def __init__(self, progress: Progress, article: ArticleFigures | None = None) -> None:
        """Show ``progress`` and, if given, the open ``article``'s figures."""
        super().__init__()
        self.progress = progress
        self.article = article

    def compose(self) -> ComposeResult:
        """The streak and statuses, then one sparkline per series (oldest day on the left)."""
        found = self.progress
        days = found.days
        with VerticalScroll(id="stats-body") as body:
            body.border_title = f"Progress: last {len(days)} days ({days[0].day} → {days[-1].day})"
            statuses = ", ".join(f"{label} {count}" for label, count in found.statuses.items())
            if self.article is not None:
                title = self.article.activity.title or "this text"
                lines = "\n".join(self.article.lines())
                yield Static(f"This text: {title}\n{lines}\n", id="stats-article", markup=False)
            yield Static(f"Streak: {found.streak} day(s)\nWords: {statuses}", id="stats-summary")
            for name, values in (
                ("Words read", [d.words_read for d in days]),
                ("New words", [d.new_words for d in days]),
                ("Lookups", [d.lookups for d in days]),
                ("Learning (1-5)", [d.learning for d in days]),
                ("Well known", [d.known for d in days]),
            ):
                yield Label(f"{name}: today {values[-1]}, most {max(values)}", classes="stats-label")
                yield Sparkline([float(v) for v in values], id=f"stats-{name.split()[0].lower()}")
        yield KeyBar()

    def action_close(self) -> None:
        """Close the screen."""
        self.dismiss(None)
