"""Where each paragraph's block starts in the text view: block heights in a Fenwick tree, so that finding the
block at a line and the line of a block take O(log n) however long the text is, and one block's new height
is an O(log n) update."""

from __future__ import annotations

from collections.abc import Sequence


class Heights:
    """Heights of ``n`` blocks (estimates until measured), their prefix sums and the block at a line."""

    def __init__(self, heights: Sequence[int]) -> None:
        """Blocks with these (estimated) heights, none measured yet."""
        self._heights = list(heights)
        self.measured = bytearray(len(heights))
        """1 for the blocks whose height was measured for the current layout."""
        size = len(self._heights)
        tree = [0, *self._heights]
        for index in range(1, size + 1):
            parent = index + (index & -index)
            if parent <= size:
                tree[parent] += tree[index]
        self._tree = tree
        self._top = 1 << max(0, size.bit_length() - 1) if size else 0

    def __len__(self) -> int:
        return len(self._heights)

    def height(self, index: int) -> int:
        """The height of block ``index``."""
        return self._heights[index]

    def set(self, index: int, height: int) -> None:
        """Block ``index`` is ``height`` lines tall (measured)."""
        self.measured[index] = 1
        delta = height - self._heights[index]
        if not delta:
            return
        self._heights[index] = height
        position = index + 1
        while position < len(self._tree):
            self._tree[position] += delta
            position += position & -position

    def start(self, index: int) -> int:
        """The first line of block ``index`` (the sum of the heights before it)."""
        total, position = 0, index
        while position > 0:
            total += self._tree[position]
            position -= position & -position
        return total

    @property
    def total(self) -> int:
        """All blocks' lines."""
        return self.start(len(self._heights))

    def find(self, line: int) -> tuple[int, int]:
        """(block, line within it) of text line ``line`` (clamped to the last block)."""
        if not self._heights:
            return 0, 0
        position, remaining, step = 0, line, self._top
        while step:
            following = position + step
            if following < len(self._tree) and self._tree[following] <= remaining:
                position = following
                remaining -= self._tree[following]
            step >>= 1
        if position >= len(self._heights):
            last = len(self._heights) - 1
            return last, max(0, line - self.start(last))
        return position, remaining
