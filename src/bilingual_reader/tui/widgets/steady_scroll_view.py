"""A scroll view whose scrollbars are left alone when a layout of its screen changed none of its sizes."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class SteadyScrollView(ScrollView):
    """Textual's ``ScrollView`` minus a redraw of its scrollbar on every layout of the screen (a popup shown
    over it, a footer's keys listed again). Textual's compares the size the screen's layout gives (the
    view's region) with the view's own virtual size (the whole text), which always differ, so each layout
    updated the scrollbars, redrew the vertical one (42 lines: 2-13 ms) and restyled the view. Here the
    update runs only when one of the sizes changed since the last one."""

    _sizes: tuple[Size, Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, virtual_size, container_size, self.virtual_size)
        if sizes == self._sizes:
            return False
        self._sizes = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)
