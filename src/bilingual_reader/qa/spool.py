"""Records kept on disk while a long document is checked, read back in the order they were written: what a
streamed check holds in memory stays bounded however many findings the book has."""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, Generic, TypeVar, overload

__all__ = ["Spool"]

T = TypeVar("T")


class Spool(Sequence[T], Generic[T]):
    """Objects appended to a temporary file (gone when closed or collected) and iterated again as often as
    needed, in order, by one loop at a time. Indexing reads from the start: it is there to be a
    ``Sequence``, not to be fast."""

    def __init__(
        self, encode: Callable[[T], Any] | None = None, decode: Callable[[Any], T] | None = None
    ) -> None:
        """``encode``: what is written of an item (plain values pickle fast), ``decode``: the item again."""
        self._encode, self._decode = encode, decode
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="bilingual-reader-check-")  # noqa: SIM115
        self._count = 0
        self._reading = False

    def append(self, item: T) -> None:
        """Write ``item`` at the end."""
        self.extend([item])

    def extend(self, items: Sequence[T]) -> None:
        """Write ``items`` at the end, in order (as one record: a paragraph's findings at a time)."""
        if self._reading:
            raise RuntimeError("a spool is not written while it is read")
        if items:
            records = list(items) if self._encode is None else list(map(self._encode, items))
            pickle.dump(records, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._count += len(items)

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[T]:
        if self._reading:
            raise RuntimeError("a spool is read by one loop at a time")
        self._reading = True
        end = self._file.tell()
        try:
            self._file.seek(0)
            while self._file.tell() < end:
                records = pickle.load(self._file)
                yield from records if self._decode is None else map(self._decode, records)
        finally:
            self._file.seek(end)
            self._reading = False

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...
    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return list(self)[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        for position, item in enumerate(self):
            if position == index:
                return item
        raise IndexError(index)  # pragma: no cover - the count says it is there
