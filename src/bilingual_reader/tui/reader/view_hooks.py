"""What other components hook into the text view: token stylers (learner statuses), interlinear glosses,
hidden English, extra lines under the Thai. Each change lays the paragraphs out again."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.article_view import ArticleView
    from bilingual_reader.tui.reader.blocks import ExtraLines, Gloss
    from bilingual_reader.tui.reader.view_styles import TokenStyler


class ViewHooks:
    """The hooks of ``view`` (``view.hooks``); the glosses, hidden English and extra lines are the view's
    painter's, the token stylers are kept here."""

    def __init__(self, view: ArticleView) -> None:
        """No hooks yet."""
        self.view = view
        self.stylers: dict[str, TokenStyler] = {}
        """Other components' token stylers, by name (see :meth:`add_token_styler`)."""

    def add_token_styler(self, name: str, styler: TokenStyler) -> None:
        """Style tokens: ``styler(paragraph, tokens) -> {token index: style}`` (see reader-view notes)."""
        self.stylers[name] = styler
        self.view.refresh_paragraphs()

    def remove_token_styler(self, name: str) -> None:
        """Stop styling tokens with the styler ``name``."""
        if self.stylers.pop(name, None) is not None:
            self.view.refresh_paragraphs()

    def set_glosses(self, gloss: Gloss | None) -> None:
        """Draw ``gloss(paragraph, token index, token)`` under each word of each Thai line (None: off)."""
        self.view.painter.gloss = gloss
        self.view.refresh_paragraphs()

    def set_english_hidden(self, hidden: Callable[[int], bool] | None) -> None:
        """Draw the English of paragraphs where ``hidden(index)`` as a dim hint in its space (None: off)."""
        self.view.painter.english_hidden = hidden
        self.view.refresh_paragraphs()

    def add_extra_lines(self, name: str, lines: ExtraLines) -> None:
        """Draw ``lines(paragraph, width)`` under each paragraph's Thai."""
        self.view.painter.extra_lines[name] = lines
        self.view.refresh_paragraphs()

    def remove_extra_lines(self, name: str) -> None:
        """Stop drawing the extra lines ``name``."""
        if self.view.painter.extra_lines.pop(name, None) is not None:
            self.view.refresh_paragraphs()
