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
    _fitting = False

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        sizes = (size, virtual_size, container_size, self.virtual_size)
        if sizes == self._sizes:
            return False
        self._sizes = sizes
        return super()._size_updated(size, virtual_size, container_size, layout)

    def set_virtual_size(self, size: Size) -> None:
        """Set the virtual (scrollable) size: redraw, and fit the scroll bars to it. Textual's reactive also
        lays the whole screen out for every change, which moves nothing when the view's own size does not
        depend on its virtual size (no ``auto`` dimension) and no scroll bar is shown or hidden (that still
        lays the screen out); a text view's virtual size grows in steps as its paragraphs are laid out."""
        if size == self.virtual_size:
            return
        if not self.is_mounted or not self.container_size or self.styles.auto_dimensions:
            self.virtual_size = size
            return
        self.set_reactive(ScrollView.virtual_size, size)
        self.refresh()
        if not self._fitting:  # once the size has settled (it may shrink and grow again while drawing)
            self._fitting = True
            self.call_later(self._fit_scrollbars)

    def _fit_scrollbars(self) -> None:
        self._fitting = False
        self._scroll_update(self.virtual_size)
