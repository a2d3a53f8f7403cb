"""What other components hook into the text view (a mixin of ``ArticleView``): token stylers (learner
statuses), interlinear glosses, hidden English, extra lines under the Thai. Each change lays out again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.blocks import BlockPainter, ExtraLines, Gloss
    from bilingual_reader.tui.reader.view_styles import TokenStyler


class ViewHooks:
    """The hooks; the view supplies ``stylers``, ``painter`` and ``refresh_paragraphs``."""

    stylers: dict[str, TokenStyler]
    painter: BlockPainter

    def refresh_paragraphs(self, indexes: Sequence[int] | None = None) -> None:
        raise NotImplementedError

    def add_token_styler(self, name: str, styler: TokenStyler) -> None:
        """Style tokens: ``styler(paragraph, tokens) -> {token index: style}`` (see reader-view notes)."""
        self.stylers[name] = styler
        self.refresh_paragraphs()

    def remove_token_styler(self, name: str) -> None:
        """Stop styling tokens with the styler ``name``."""
        if self.stylers.pop(name, None) is not None:
            self.refresh_paragraphs()

    def set_glosses(self, gloss: Gloss | None) -> None:
        """Draw ``gloss(paragraph, token index, token)`` under each word of each Thai line (None: off)."""
        self.painter.gloss = gloss
        self.refresh_paragraphs()

    def set_english_hidden(self, hidden: Callable[[int], bool] | None) -> None:
        """Draw the English of paragraphs where ``hidden(index)`` as a dim hint in its space (None: off)."""
        self.painter.english_hidden = hidden
        self.refresh_paragraphs()

    def add_extra_lines(self, name: str, lines: ExtraLines) -> None:
        """Draw ``lines(paragraph, width)`` under each paragraph's Thai."""
        self.painter.extra_lines[name] = lines
        self.refresh_paragraphs()

    def remove_extra_lines(self, name: str) -> None:
        """Stop drawing the extra lines ``name``."""
        if self.painter.extra_lines.pop(name, None) is not None:
            self.refresh_paragraphs()
