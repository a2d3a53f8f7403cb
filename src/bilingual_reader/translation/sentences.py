"""Thai sentence splitting for machine translation: crfcut, then merge fragments, then cap segment length."""

from __future__ import annotations

import re

SPLITTER_VERSION = "1"  # bump when the rules below change: the memory keeps splits under this version
WHOLE_LIMIT = 300  # paragraphs up to this many characters go to the model whole
CAP = 300  # no segment longer than this (split at the nearest space before it)
MIN_FRAGMENT = 25  # shorter segments join a neighbour
CONTINUATIONS = ("ว่า", "ที่", "ซึ่ง", "เช่น", "ของ")
_LATIN = re.compile(r"[A-Za-z][\x21-\x7e]*")


def _is_latin(token: str) -> bool:
    return bool(_LATIN.fullmatch(token))


def _latin_join(left: str, right: str) -> bool:
    """True when ``left`` ends and ``right`` starts with a Latin token (a name or a model number)."""
    return (
        bool(left.split() and right.split()) and _is_latin(left.split()[-1]) and _is_latin(right.split()[0])
    )


def _should_merge(previous: str, current: str) -> bool:
    return (
        len(previous) < MIN_FRAGMENT
        or len(current) < MIN_FRAGMENT
        or _latin_join(previous, current)
        or current.startswith(CONTINUATIONS)
    )


def merge_fragments(segments: list[str]) -> list[str]:
    """Join short fragments, Latin names split in two, and segments opening with a continuation word."""
    merged: list[str] = []
    for segment in segments:
        if merged and _should_merge(merged[-1], segment):
            merged[-1] = f"{merged[-1]} {segment}"
        else:
            merged.append(segment)
    return merged


def cap_segment(segment: str, cap: int = CAP) -> list[str]:
    """Split a segment longer than ``cap`` at the space nearest before the cap (never inside a Latin name)."""
    pieces: list[str] = []
    rest = segment
    while len(rest) > cap:
        spaces = [i for i, ch in enumerate(rest) if ch == " "]
        safe = [i for i in spaces if not _latin_join(rest[:i], rest[i + 1 :])] or spaces
        before = [i for i in safe if i <= cap]
        cut = before[-1] if before else next(iter(safe), None)
        if cut is None:
            break
        pieces.append(rest[:cut].strip())
        rest = rest[cut + 1 :].strip()
    pieces.append(rest)
    return [p for p in pieces if p]


def split_sentences(paragraph: str) -> list[str]:
    """The segments of a paragraph to translate one by one; joined by spaces they give the paragraph back."""
    text = " ".join(paragraph.split())
    if not text:
        return []
    if len(text) <= WHOLE_LIMIT:
        return [text]
    from bilingual_reader.thai.crfcut import crfcut_split

    raw = [s.strip() for s in crfcut_split(text)]
    segments = merge_fragments([s for s in raw if s])
    return [piece for segment in segments for piece in cap_segment(segment)]
