"""A widget drawing one Thai paragraph with our own word wrapping, the word cursor and glossary highlights."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Offset, Size
from textual.reactive import reactive
from textual.selection import Selection
from textual.strip import Strip
from textual.widget import Widget

from bilingual_reader.thai.wrapping import Line, token_at, wrap_tokens
from bilingual_reader.tui.learner.interlinear import Cell, interlinear_rows
from bilingual_reader.tui.messages import WordClicked
from bilingual_reader.tui.reader.words import TokenLike, is_navigable, plain_chunks


class ParagraphView(Widget):
    """One paragraph of Thai, wrapped between tokens by cell width and re-wrapped on resize."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "paragraph-view--term",
        "paragraph-view--cursor",
        "paragraph-view--ok",
        "paragraph-view--missing",
        "paragraph-view--forbidden",
        "paragraph-view--gloss",
    }
    DEFAULT_CSS = """
    ParagraphView {
        height: auto;
        & > .paragraph-view--term { color: $text-accent; text-style: underline; }
        & > .paragraph-view--ok { color: $text-success; text-style: underline; }
        & > .paragraph-view--missing { color: $text-error; text-style: bold underline; }
        & > .paragraph-view--forbidden { color: $text-warning; text-style: bold reverse; }
        & > .paragraph-view--cursor { background: $accent; color: $text; text-style: bold; }
        & > .paragraph-view--gloss { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int | None] = reactive(None)
    """Index of the token under the word cursor (None: the cursor is in another paragraph)."""

    def __init__(self, index: int, text: str, *, id: str | None = None, classes: str | None = None) -> None:
        """Show paragraph number ``index`` with plain whitespace chunks until tokens arrive."""
        super().__init__(id=id, classes=classes)
        self.index = index
        self.text = text
        self._tokens: tuple[TokenLike, ...] = tuple(plain_chunks(text))
        self._wrapped: tuple[int, list[Line]] | None = None
        self._checked: tuple[tuple[int, int, str], ...] = ()
        self._status: dict[int, str] | None = None
        self.token_styles: Callable[[int, Sequence[TokenLike]], dict[int, Style]] | None = None
        """Per-token styles drawn under the term and cursor styles (the article view's token stylers)."""
        self._styles: dict[int, Style] | None = None
        self.glosses: Callable[[int, int, TokenLike], str | None] | None = None
        """Interlinear glosses (paragraph, token index, token) -> gloss; None: the plain Thai."""
        self._interlinear: tuple[int, list[list[Cell]]] | None = None
        self.painted = False
        """True once a line of the paragraph has been drawn (the reader's first frame has its text)."""

    @property
    def tokens(self) -> tuple[TokenLike, ...]:
        """The paragraph's tokens (plain chunks until the segmenter has run)."""
        return self._tokens

    def set_tokens(self, tokens: Sequence[TokenLike]) -> None:
        """Replace the tokens (after segmentation or a glossary edit) and redraw."""
        self._tokens = tuple(tokens)
        self._wrapped = None
        self._status = None
        self._styles = None
        self.refresh(layout=True)

    def restyle(self) -> None:
        """The token stylers' or glosses' data changed: ask them again and redraw."""
        self._styles = None
        self._interlinear = None
        self.refresh(layout=True)

    def interlinear(self, width: int | None = None) -> list[list[Cell]]:
        """The rows of the interlinear layout (glosses on), cached per width."""
        width = max(1, width if width is not None else self.size.width)
        if self._interlinear is None or self._interlinear[0] != width:
            gloss = self.glosses
            glosses = [gloss(self.index, i, t) if gloss else None for i, t in enumerate(self._tokens)]
            self._interlinear = (width, interlinear_rows([t.text for t in self._tokens], glosses, width))
        return self._interlinear[1]

    def set_checked(self, spans: Sequence[tuple[int, int, str]]) -> None:
        """Mark checked glossary terms: (start, end, status) character spans, status ok/missing/forbidden."""
        self._checked = tuple(spans)
        self._status = None
        self.refresh()

    def term_status(self, token: int) -> str | None:
        """The check's status of a token (the worst of the checked terms it overlaps), if it was checked."""
        if self._status is None:
            rank = {"ok": 0, "dismissed": 1, "missing": 2, "forbidden": 3}
            self._status = {}
            for start, end, status in self._checked:
                for index, t in enumerate(self._tokens):
                    if t.end > start and t.start < end:
                        old = self._status.get(index)
                        if old is None or rank.get(status, 0) > rank.get(old, 0):
                            self._status[index] = status
        return self._status.get(token)

    def lines(self, width: int | None = None) -> list[Line]:
        """The paragraph wrapped to ``width`` cells (default: the content width), cached per width."""
        width = max(1, width if width is not None else self.size.width)
        if self._wrapped is None or self._wrapped[0] != width:
            self._wrapped = (width, wrap_tokens([t.text for t in self._tokens], width))
        return self._wrapped[1]

    def line_of(self, token: int) -> int:
        """The line (of the current wrapping) where ``token`` starts."""
        if self.glosses is not None:
            rows = self.interlinear()
            return next((2 * y for y, row in enumerate(rows) if any(c.token == token for c in row)), 0)
        for y, line in enumerate(self.lines()):
            if any(piece.token == token for piece in line.pieces):
                return y
        return 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as wrapped lines (two per line with interlinear glosses)."""
        if self.glosses is not None:
            return max(1, 2 * len(self.interlinear(width)))
        return max(1, len(self.lines(width)))

    def watch_cursor(self) -> None:
        """Redraw the cursor."""
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """Draw wrapped line ``y`` with term and cursor styles, and the text selection."""
        self.painted = True
        width = self.size.width
        lines = self.lines()
        base = self.rich_style
        if y >= len(lines) and self.glosses is None:
            return Strip.blank(width, base)
        term_style = self.get_component_rich_style("paragraph-view--term", partial=True)
        cursor_style = self.get_component_rich_style("paragraph-view--cursor", partial=True)
        checked = {
            status: self.get_component_rich_style(f"paragraph-view--{status}", partial=True)
            for status in ("ok", "missing", "forbidden")
        }
        if self._styles is None:
            self._styles = self.token_styles(self.index, self._tokens) if self.token_styles else {}
        if self.glosses is not None:
            return self._render_interlinear(y, width, base, term_style, cursor_style, checked)
        text = Text(style=base, no_wrap=True, end="")
        for piece in lines[y].pieces:
            token = self._tokens[piece.token]
            style = self._styles.get(piece.token, Style())
            status = self.term_status(piece.token)
            if status in checked:
                style += checked[status]
            elif token.is_term or status is not None:
                style += term_style
            if piece.token == self.cursor:
                style += cursor_style
            text.append(piece.text, style)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(y)) is not None:
            start, end = span
            end = len(text) if end == -1 else end
            text.stylize(self.screen.get_component_rich_style("screen--selection"), start, end)
        segments = [Segment(s.text, s.style) for s in text.render(self.app.console)]
        strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
        return strip.apply_offsets(0, y)

    def _render_interlinear(
        self, y: int, width: int, base: Style, term: Style, cursor: Style, checked: dict[str, Style]
    ) -> Strip:
        """Row ``y`` of the interlinear layout: Thai words (even rows) or their glosses (odd rows, dim)."""
        rows = self.interlinear()
        if y // 2 >= len(rows):
            return Strip.blank(width, base)
        text = Text(style=base, no_wrap=True, end="")
        gloss_style = self.get_component_rich_style("paragraph-view--gloss", partial=True)
        for cell in rows[y // 2]:
            if y % 2:
                text.append(cell.gloss, gloss_style)
                text.append(" " * (cell.width - cell_len(cell.gloss)))
                continue
            token = self._tokens[cell.token]
            style = self._styles.get(cell.token, Style()) if self._styles else Style()
            status = self.term_status(cell.token)
            if status in checked:
                style += checked[status]
            elif token.is_term or status is not None:
                style += term
            if cell.token == self.cursor:
                style += cursor
            text.append(cell.thai, style)
            text.append(" " * (cell.width - cell_len(cell.thai)))
        segments = [Segment(s.text, s.style) for s in text.render(self.app.console)]
        return Strip(segments).extend_cell_length(width, base).crop(0, width).apply_offsets(0, y)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected characters of the paragraph (no line breaks where it was only wrapped)."""
        start, end = self._char_offset(selection.start, 0), self._char_offset(selection.end, len(self.text))
        return self.text[start:end], "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        """Redraw the selection highlight."""
        self.refresh()

    def selected_text(self, selection: Selection) -> str:
        """The paragraph text of the whole tokens the selection touches (words are never cut)."""
        start, end = self._char_offset(selection.start, 0), self._char_offset(selection.end, len(self.text))
        touched = [t for t in self._tokens if t.end > start and t.start < end]
        if not touched:
            return ""
        return self.text[touched[0].start : touched[-1].end].strip()

    def _char_offset(self, offset: Offset | None, default: int) -> int:
        """The paragraph character index of a selection offset (a character index within a drawn line)."""
        if offset is None:
            return default
        x, y = offset
        taken: dict[
            int, int
        ] = {}  # characters of each token drawn on earlier lines (a token too wide is split)
        for row, line in enumerate(self.lines()):
            position = 0
            for piece in line.pieces:
                start = self._tokens[piece.token].start + taken.get(piece.token, 0)
                if row == y and x < position + len(piece.text):
                    return start + max(0, x - position)
                position += len(piece.text)
                taken[piece.token] = taken.get(piece.token, 0) + len(piece.text)
            if row == y:
                return self._tokens[line.pieces[-1].token].end if line.pieces else default
        return len(self.text)

    def on_click(self, event: events.Click) -> None:
        """Report a click on a word (ignored when the mouse selected text: that opens the selection)."""
        if self.text_selection is not None:
            return
        offset = event.get_content_offset(self)
        if offset is not None and self.glosses is not None:
            index = self._interlinear_token_at(offset.x, offset.y // 2)
        else:
            lines = self.lines()
            if offset is None or offset.y >= len(lines):
                return
            index = token_at(lines[offset.y], offset.x)
        if index is not None and is_navigable(self._tokens[index]):
            event.stop()
            self.post_message(WordClicked(self.index, index))

    def _interlinear_token_at(self, x: int, row: int) -> int | None:
        """The token whose column covers cell ``x`` of interlinear row ``row``."""
        rows = self.interlinear()
        position = 0
        for cell in rows[row] if 0 <= row < len(rows) else []:
            if position <= x < position + cell.width:
                return cell.token
            position += cell.width
        return None
