"""The text view's layout: the frame every block is drawn for, the blocks laid out so far (a bounded cache),
their heights (estimates until laid out) and where each block starts, visible paragraphs and regions."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.style import Style
from textual.geometry import Region, Size
from textual.strip import Strip

from bilingual_reader.tui.reader.blocks import HEADING_ROLES, Block, Frame, estimate
from bilingual_reader.tui.reader.heights import Heights
from bilingual_reader.tui.reader.paragraph_view import ThaiStyles
from bilingual_reader.tui.reader.view_styles import resolve_style

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.article_view import ArticleView

#: Blocks kept laid out (the visible ones and those recently seen).
CACHE_BLOCKS = 512

#: A laid-out block, the extra token styles of its paragraph, and its lines as drawn so far.
Laid = tuple[Block, dict[int, Style], list[Strip | None]]


class ViewLayout:
    """Lays out ``view``'s blocks lazily and knows which text line belongs to which paragraph."""

    def __init__(self, view: ArticleView) -> None:
        """Nothing is laid out until the view is drawn."""
        self.view = view
        self._frame: Frame | None = None
        self._frame_checked = False
        self._styles: dict[str, ThaiStyles] = {}
        self._blank: Strip | None = None
        self._heights = Heights([])
        self._blocks: OrderedDict[int, Laid] = OrderedDict()

    @property
    def ready(self) -> bool:
        """True once a frame has been set up (the view has a size)."""
        return self._frame is not None

    def clear(self) -> None:
        """Lay everything out again (the frame is checked afresh)."""
        self._blocks.clear()
        self._frame = None
        self._frame_checked = False

    def check_frame(self) -> None:
        """The size, the view's layout classes or the theme may have changed: check the frame and the
        styles when next needed."""
        self._frame_checked = False
        self._styles.clear()
        self._blank = None

    def forget(self, index: int) -> bool:
        """Paragraph ``index`` changed: drop its block (True if it was laid out)."""
        if self._blocks.pop(index, None) is None:
            return False
        self._heights.measured[index] = 0
        return True

    @property
    def total(self) -> int:
        """Text lines of all blocks (estimates for those not laid out)."""
        return self._heights.total

    def start(self, index: int) -> int:
        """The first text line of block ``index`` as things stand."""
        return self._heights.start(index)

    def restyle(self, index: int) -> tuple[int, int] | None:
        """Paragraph ``index``'s styles changed but not its layout (the cursor, matches, term statuses):
        draw its lines again; (first line, lines) of the block, None when it is not laid out."""
        cached = self._blocks.get(index)
        if cached is None:
            return None
        drawn = cached[2]
        drawn[:] = [None] * len(drawn)
        return self._heights.start(index), len(drawn)

    def frame(self) -> Frame:
        """The layout for the current size and the view's classes (narrow, badges, English)."""
        if self._frame_checked and self._frame is not None:
            return self._frame
        view = self.view
        frame = Frame(
            width=max(1, view.scrollable_content_region.width),
            narrow=view.has_class("-narrow"),
            badges=not view.has_class("-unchecked"),
            english=not view.has_class("-no-model"),
        )
        self._frame_checked = True
        if frame != self._frame:
            self._frame = frame
            self._blocks.clear()
            self._heights = Heights([estimate(text, frame) for text in self.view.article.paragraphs])
            self._sync_size()
        return frame

    def block(self, index: int) -> tuple[Block, dict[int, Style], list[Strip | None]]:
        """Paragraph ``index``'s laid-out block (cached), its extra token styles and drawn lines."""
        frame = self.frame()
        cached = self._blocks.get(index)
        if cached is not None:
            self._blocks.move_to_end(index)
            return cached
        view = self.view
        paragraphs = view.paragraphs
        thai = paragraphs.thai(index)
        block = view.painter.layout(
            frame,
            thai,
            paragraphs.english(index),
            paragraphs.badge(index),
            str(view.article.role(index)),
            view.article.label(index),
            index == 0,
        )
        extra: dict[int, Style] = {}
        stylers = view.hooks.stylers
        background = view.background_colors[1] if stylers else None
        for styler in stylers.values():
            for token, style in styler(index, thai.tokens).items():
                extra[token] = extra.get(token, Style()) + resolve_style(self.view.app, style, background)
        cached = self._blocks[index] = (block, extra, [None] * block.height)
        while len(self._blocks) > CACHE_BLOCKS:
            self._blocks.popitem(last=False)
        if self._heights.height(index) != block.height or not self._heights.measured[index]:
            self._heights.set(index, block.height)
            self._sync_size()
        return cached

    def _sync_size(self) -> None:
        total = self._heights.total
        if self.view.virtual_size.height != total:
            self.view.set_virtual_size(Size(self.view.scrollable_content_region.width, total))

    def block_start(self, index: int) -> int:
        """The first text line of paragraph ``index``'s block (laying it out)."""
        self.block(index)
        return self._heights.start(index)

    def line_at(self, y: int) -> tuple[int, int]:
        """(paragraph, row in its block) of text line ``y``, laying out the block found there."""
        while True:
            index, row = self._heights.find(y)
            block = self.block(index)[0]
            if row < block.height or index >= len(self.view) - 1:
                return index, min(row, block.height - 1)

    def visible_paragraphs(self) -> list[int]:
        """Indexes of the paragraphs with a line on screen now."""
        if not len(self.view) or self._frame is None:
            return []
        top = round(self.view.scroll_offset.y)
        first = self.line_at(top)[0]
        last = self.line_at(top + max(0, self.view.scrollable_content_region.height - 1))[0]
        return list(range(first, last + 1))

    def thai_region(self, index: int, line: int = 0) -> Region | None:
        """The screen region of Thai line ``line`` of paragraph ``index`` (None: not on screen)."""
        return self.region(index, lambda spec: spec.thai == line, english=False)

    def english_region(self, index: int) -> Region | None:
        """The screen region of the first line of paragraph ``index``'s English (None: not on screen)."""
        return self.region(index, lambda spec: spec.english, english=True)

    def region(self, index: int, wanted: Callable[..., bool], english: bool) -> Region | None:
        frame = self.frame()
        block = self.block(index)[0]
        for row, spec in enumerate(block.rows):
            if wanted(spec):
                y = self._heights.start(index) + row - round(self.view.scroll_offset.y)
                if not 0 <= y < self.view.scrollable_content_region.height:
                    return None
                content = self.view.scrollable_content_region
                if not english:
                    x, width = frame.thai_x, frame.thai_width
                else:
                    x, width = frame.english_x, frame.english_width
                return Region(content.x + x, content.y + y, width, 1)
        return None

    def styles(self, role: str) -> ThaiStyles:
        """The styles of a Thai line of a paragraph with ``role``, from the view's component classes."""
        styles = self._styles.get(role)
        if styles is None:
            styles = self._styles[role] = self._resolve_styles(role)
        return styles

    def _resolve_styles(self, role: str) -> ThaiStyles:
        view = self.view
        part = view.get_component_rich_style
        base = view.rich_style
        if role in HEADING_ROLES:
            base = base + part(f"article-view--{role}", partial=True)
        return ThaiStyles(
            base=base,
            term=part("article-view--term", partial=True),
            cursor=part("article-view--cursor", partial=True),
            match=part("article-view--match", partial=True),
            selection=view.screen.get_component_rich_style("screen--selection"),
            plain=view.rich_style,
            status={s: part(f"article-view--{s}", partial=True) for s in ("ok", "missing", "forbidden")},
        )

    def blank(self, width: int) -> Strip:
        """A line below the text, the same strip while the styles stand (a short text's screen is mostly
        these; the view's style is worked out through its ancestors, and the view keeps finished lines by
        strip)."""
        blank = self._blank
        if blank is None or blank.cell_length != width:
            blank = self._blank = Strip.blank(width, self.view.rich_style)
        return blank

    def draw(self, line: int, offsets: bool = False) -> Strip:
        """Text line ``line``: one line of some paragraph's block (cached unless there is a selection or
        ``offsets``, the character offsets Textual's selection reads, are asked for)."""
        view = self.view
        frame = self.frame()
        if not len(view) or line >= self.total:
            return self.blank(frame.width)
        index, row = self.line_at(line)
        block, extra, drawn = self.block(index)
        selection = view.text_selection
        kept = selection is None and not offsets
        strip = drawn[row] if kept else None
        if strip is None:
            strip = view.painter.draw(
                frame,
                block,
                row,
                view.paragraphs.thai(index),
                self.styles(block.role),
                extra,
                (lambda y: selection.get_span(y)) if selection is not None else (lambda y: None),
                offsets,
            )
            if kept:
                drawn[row] = strip
        return strip
