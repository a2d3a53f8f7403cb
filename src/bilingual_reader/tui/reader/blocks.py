"""How the text view lays out one paragraph's block for a width: the badge gutter, the wrapped Thai (with
interlinear glosses and extra lines), the English beside it (wide) or under it (narrow), the role's look
(title, heading, a cue's label) and the blank line after it. Pure drawing: the view decides when."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.strip import Strip
from textual.visual import Visual

from bilingual_reader.thai.wrapping import Line

if TYPE_CHECKING:
    from textual.widget import Widget

    from bilingual_reader.tui.reader.english_view import EnglishView
    from bilingual_reader.tui.reader.paragraph_view import ParagraphView, ThaiStyles
    from bilingual_reader.tui.reader.term_badge import TermBadge
    from bilingual_reader.tui.reader.words import TokenLike

#: Columns of the badge gutter (12 for the badge, 1 between it and the Thai).
BADGE_WIDTH = 13
#: Blank cells after the Thai (wide) and before the English (both layouts).
GAP = 2
#: Paragraph roles drawn as a heading row.
HEADING_ROLES = ("title", "heading")
#: Lines of text per paragraph in a selection offset: a Thai line's offset y is paragraph * this + line.
LINES_PER_PARAGRAPH = 1 << 20

#: What a hidden paragraph's English shows (the rest of its lines stay blank: revealing moves nothing).
HIDDEN_HINT = "… (v reveals)"

#: gloss(paragraph, token index, token) -> the gloss under that word, or None.
Gloss = Callable[[int, int, "TokenLike"], "str | None"]
#: lines(paragraph, width) -> whole lines drawn under the Thai.
ExtraLines = Callable[[int, int], Sequence["Content | str"]]


@dataclass(frozen=True)
class Frame:
    """The layout every block is drawn for: content width, stacked (narrow) or not, badge gutter, English."""

    width: int
    narrow: bool
    badges: bool
    english: bool

    @property
    def thai_width(self) -> int:
        """Cells the Thai wraps to."""
        if self.narrow:
            return max(1, self.width)
        rest = self.width - (BADGE_WIDTH if self.badges else 0)
        column = rest // 2 if self.english else rest
        return max(1, column - GAP)

    @property
    def thai_x(self) -> int:
        """The Thai column's first cell."""
        return BADGE_WIDTH if self.badges and not self.narrow else 0

    @property
    def english_x(self) -> int:
        """The English text's first cell (in its row)."""
        if self.narrow:
            return GAP
        rest = self.width - (BADGE_WIDTH if self.badges else 0)
        return self.thai_x + rest // 2 + GAP

    @property
    def english_width(self) -> int:
        """Cells the English wraps to."""
        return max(1, self.width - self.english_x)


@dataclass
class Row:
    """One line of a block: the Thai line drawn there (its wrapped line number), or a prepared strip."""

    thai: int | None = None
    left: Strip | None = None
    right: Strip | None = None
    gutter: Strip | None = None
    english: bool = False


@dataclass
class Block:
    """A paragraph's rows for one frame, and where its Thai and English lines are."""

    rows: list[Row]
    role: str

    @property
    def height(self) -> int:
        """Lines, including the blank line after it."""
        return len(self.rows)


class BlockPainter:
    """Lays out and draws blocks for ``widget`` (the view: its styles and app resolve theme variables)."""

    def __init__(self, widget: Widget) -> None:
        """Draw for ``widget``."""
        self.widget = widget
        self.gloss: Gloss | None = None
        self.extra_lines: dict[str, ExtraLines] = {}
        self.english_hidden: Callable[[int], bool] | None = None
        """``hidden(paragraph)``: draw that paragraph's English as one dim hint in the same space."""

    def _strips(self, content: Content, width: int) -> list[Strip]:
        widget = self.widget
        strips = Visual.to_strips(widget, content, width, None, widget.visual_style, apply_selection=False)
        return [strip.extend_cell_length(width) for strip in strips]

    def layout(
        self,
        frame: Frame,
        thai: ParagraphView,
        english: EnglishView,
        badge: TermBadge,
        role: str,
        label: str | None,
        first: bool,
    ) -> Block:
        """The rows of a paragraph's block for ``frame``."""
        rows: list[Row] = []
        if role == "heading" and not first:
            rows.append(Row())
        if label:
            rows.append(Row(left=self._strips(Content.styled(label, "dim"), frame.width)[0]))
        gloss = self.gloss
        thai.set_glosses(
            None if gloss is None else [gloss(thai.index, i, t) for i, t in enumerate(thai.tokens)]
        )
        lines = thai.lines(frame.thai_width)
        left: list[Row] = []
        glosses = self._gloss_lines(thai, lines, frame.thai_width) if self.gloss is not None else None
        for y in range(max(1, len(lines))):
            left.append(Row(thai=y))
            if glosses is not None and y < len(glosses):
                left.append(Row(left=glosses[y]))
        for name in sorted(self.extra_lines):
            for line in self.extra_lines[name](thai.index, frame.thai_width):
                content = line if isinstance(line, Content) else Content(line)
                left.extend(Row(left=s) for s in self._strips(content, frame.thai_width))
        right: list[Strip] = []
        if frame.english:
            content = english.render()
            if role in HEADING_ROLES and not english.is_status:
                content = content.stylize_before("bold")
            right = self._strips(content, frame.english_width) if content else []
            if right and self.english_hidden is not None and self.english_hidden(thai.index):
                hint = self._strips(Content.styled(HIDDEN_HINT, "dim"), frame.english_width)[:1]
                right = hint + [Strip.blank(frame.english_width)] * (len(right) - 1)
        gutter = self._strips(badge.render(), BADGE_WIDTH - 1) if frame.badges and not badge.empty else []
        if frame.narrow:
            if gutter:
                rows.append(Row(left=gutter[0]))
            rows.extend(left)
            rows.extend(Row(right=strip, english=True) for strip in right)
        else:
            for y in range(max(len(left), len(right))):
                row = left[y] if y < len(left) else Row()
                if y < len(right):
                    row.right, row.english = right[y], True
                if y == 0 and gutter:
                    row.gutter = gutter[0]
                rows.append(row)
        rows.append(Row())
        return Block(rows, role)

    def _gloss_lines(self, thai: ParagraphView, lines: list[Line], width: int) -> list[Strip]:
        """One strip per wrapped line: each word's gloss from the word's column (the wrapping gave every
        glossed word room for its gloss and a space, so only the line's end can cut one)."""
        style = self.widget.get_component_rich_style("article-view--gloss", partial=True)
        out = []
        for line in lines:
            placed = [(piece.col, text) for piece in line.pieces if (text := thai.gloss_of(piece.token))]
            segments, x = [], 0
            for number, (col, text) in enumerate(placed):
                if col < x:
                    continue
                end = placed[number + 1][0] - 1 if number + 1 < len(placed) else width
                segments.append(Segment(" " * (col - x)))
                cut = Strip([Segment(text, style)]).crop(0, max(0, end - col))
                segments.extend(cut)
                x = col + cut.cell_length
            out.append(Strip(segments).extend_cell_length(width).crop(0, width))
        return out

    def draw(
        self,
        frame: Frame,
        block: Block,
        row: int,
        thai: ParagraphView,
        styles: ThaiStyles,
        extra: Mapping[int, Style],
        selected: Callable[[int], tuple[int, int] | None],
        offsets: bool = True,
    ) -> Strip:
        """Line ``row`` of ``block``; ``selected(y)`` gives the selected span of a Thai line with offset y;
        ``offsets``: mark the Thai's characters with their offsets, which Textual's text selection reads (from
        ``render_line``: the screen's lines need not carry them)."""
        spec = block.rows[row]
        base = styles.plain
        width = frame.width
        if spec.thai is not None:
            y = thai.index * LINES_PER_PARAGRAPH + spec.thai
            line_styles = styles
            segments = thai.render_line(spec.thai, line_styles, self.widget.app.console, extra, selected(y))
            left = Strip(segments).extend_cell_length(frame.thai_width).crop(0, frame.thai_width)
            if offsets:
                left = left.apply_offsets(0, y)
        else:
            left = spec.left if spec.left is not None else Strip.blank(0)
        parts: list[Strip] = []
        if frame.badges and not frame.narrow:
            parts.append((spec.gutter or Strip.blank(0)).extend_cell_length(BADGE_WIDTH, base))
        if spec.english and frame.narrow:
            parts.append(Strip.blank(GAP, base))
        else:
            parts.append(left)
        if spec.right is not None:
            used = sum(p.cell_length for p in parts)
            parts.append(Strip.blank(max(0, (frame.english_x) - used), base))
            parts.append(spec.right)
        # under the base style, no segment is left without a style (NO_COLOR's filter needs one on each)
        return Strip.join(parts).extend_cell_length(width, base).crop(0, width).apply_style(base)


def estimate(text: str, frame: Frame) -> int:
    """A block's height before it is laid out: the Thai's lines from its length, and the blank line (cheap:
    it runs for every paragraph of a book when the width changes; about a fifth of Thai characters are marks
    drawn above or below another)."""
    cells = len(text) * 4 // 5
    lines = max(1, -(-cells // frame.thai_width))
    if frame.narrow and frame.english:
        lines += max(1, -(-len(text) // 2 // max(1, frame.english_width)))
    return lines + 1
