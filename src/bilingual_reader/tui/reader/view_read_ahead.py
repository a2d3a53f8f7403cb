"""Reading ahead in the text view: while the reader idles after a frame, the two screens below the visible
one are laid out and drawn, a block a step, so that the next page down (or ``j`` over the bottom edge) finds
its lines ready instead of laying out and drawing a whole screen inside the key."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.tui.reader.article_view import ArticleView

#: How far to read ahead below the visible lines, in screens.
SCREENS = 2


class ReadAhead:
    """Lays out and draws ``view``'s next lines, one block per message, after each frame."""

    def __init__(self, view: ArticleView) -> None:
        """Nothing to do until the view has drawn."""
        self.view = view
        self._scheduled = False

    def schedule(self) -> None:
        """Read ahead after the messages already waiting (a key press comes first)."""
        if not self._scheduled:
            self._scheduled = True
            self.view.call_later(self._step)

    def _step(self) -> None:
        self._scheduled = False
        view = self.view
        layout = view.layout_
        if not layout.ready or not len(view) or view.text_selection is not None:
            return
        height = view.scrollable_content_region.height
        line = round(view.scroll_offset.y) + height
        end = min(layout.total, line + int(height * SCREENS))
        while line < end:
            index, row = layout.line_at(line)
            first = layout.start(index)
            block, _, drawn = layout.block(index)
            rows = [r for r in range(row, block.height) if drawn[r] is None and first + r < end]
            if rows:
                for r in rows:
                    view.finisher.finish(view, layout.draw(first + r))
                self.schedule()
                return
            line = first + block.height
