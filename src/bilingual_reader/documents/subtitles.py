"""SubRip (.srt) and WebVTT (.vtt) subtitles through webvtt-py: cues merged into readable paragraphs, each
paragraph keeping the start of its first cue and the end of its last for display.

Cues join while the next starts within :data:`CUE_GAP_MS` of the previous one's end, the previous one does
not end a sentence (``.``, ``!``, ``?``, ``…``) and the paragraph stays under :data:`CUE_PARAGRAPH_CHARS`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bilingual_reader.documents.articles import Article, format_time
from bilingual_reader.documents.blocks import Block, article_from_blocks
from bilingual_reader.documents.decoding import decode_text
from bilingual_reader.documents.errors import ArticleError

__all__ = ["CUE_GAP_MS", "CUE_PARAGRAPH_CHARS", "format_time", "read_subtitles"]

#: Longest pause between two cues of one paragraph, in milliseconds.
CUE_GAP_MS = 1500
#: A paragraph of cues stops growing at this many characters.
CUE_PARAGRAPH_CHARS = 240
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_SRT_MARKUP = re.compile(r"\{\\[^}]*\}|</?(?:i|b|u|font)\b[^>]*>", re.IGNORECASE)
_NAMES = {"srt": "SubRip", "vtt": "WebVTT"}
_TIMES = {
    "srt": r"(\d+):(\d{1,2}):(\d{1,2})[,.](\d{1,3})",
    "vtt": r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})",
}
_TIMING = {kind: re.compile(rf"^\s*{t}\s*-->\s*{t}(?:\s.*)?$") for kind, t in _TIMES.items()}


def read_subtitles(data: bytes, name: str, path: Path | None, kind: str) -> Article:
    """The article of subtitle bytes (``kind`` "srt" or "vtt"); one line naming the file when the cues
    or their timestamps cannot be read."""
    from webvtt import WebVTT
    from webvtt.errors import MalformedCaptionError, MalformedFileError

    text = decode_text(data, name).replace("\r\n", "\n").replace("\r", "\n")
    _check_timings(text, kind, name)
    try:
        captions = WebVTT.from_buffer(io.StringIO(text), format=kind).captions
    except (MalformedFileError, MalformedCaptionError, ValueError, AssertionError) as err:
        detail = str(err).splitlines()[0] if str(err) else "bad cue timing"
        raise ArticleError(f"{name}: not a usable {_NAMES[kind]} file ({detail})") from None
    if not captions:
        raise ArticleError(f"{name}: no cues in this {_NAMES[kind]} file")
    title = path.name if path is not None else ""
    return article_from_blocks(_merged(captions), kind=kind, name=name, path=path, title=title)


def _check_timings(text: str, kind: str, name: str) -> None:
    """Refuse a cue timing line that webvtt-py would skip in silence: bad numbers, or an end before the
    start."""
    for number, line in enumerate(text.split("\n"), 1):
        if "-->" not in line:
            continue
        match = _TIMING[kind].match(line)
        if match is None:
            raise ArticleError(f"{name}:{number}: broken cue timing {line.strip()[:60]!r}")
        values = [int(v or 0) for v in match.groups()]
        start = ((values[0] * 60 + values[1]) * 60 + values[2]) * 1000 + values[3]
        end = ((values[4] * 60 + values[5]) * 60 + values[6]) * 1000 + values[7]
        if end < start or values[2] > 59 or values[6] > 59 or values[1] > 59 or values[5] > 59:
            raise ArticleError(f"{name}:{number}: broken cue timing {line.strip()[:60]!r}")


def _merged(captions: list[Any]) -> Iterator[Block]:
    parts: list[str] = []
    start = end = 0
    for caption in captions:
        text = " ".join(_SRT_MARKUP.sub("", caption.text).split())
        if not text:
            continue
        begin, finish = caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds()
        joined = " ".join(parts)
        if parts and (
            begin - end > CUE_GAP_MS
            or _SENTENCE_END.search(joined)
            or len(joined) + len(text) >= CUE_PARAGRAPH_CHARS
        ):
            yield Block("cue", joined, time=(start, end))
            parts = []
        if not parts:
            start = begin
        parts.append(text)
        end = max(end, finish)
    if parts:
        yield Block("cue", " ".join(parts), time=(start, end))
