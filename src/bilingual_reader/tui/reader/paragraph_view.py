"""One Thai paragraph of the text view: its tokens, our own word wrapping (cached per width), the check's
term statuses, and how one of its wrapped lines is drawn (term, status, cursor and match styles)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from bilingual_reader.thai.wrapping import Line, wrap_tokens
from bilingual_reader.tui.reader.words import TokenLike, plain_chunks

_RANK = {"ok": 0, "dismissed": 1, "missing": 2, "forbidden": 3}


@dataclass
class ThaiStyles:
    """The rich styles a Thai line is drawn with (resolved from the view's component classes)."""

    base: Style
    term: Style
    cursor: Style
    match: Style
    selection: Style
    plain: Style
    """The view's own style (the parts of a line around the Thai)."""
    status: dict[str, Style] = field(default_factory=dict)
    combined: dict[tuple[object, ...], Style] = field(default_factory=dict, compare=False)
    """A token's style for each mix of parts met so far (adding rich styles is the cost of a line)."""


class ParagraphView:
    """The Thai of paragraph ``index``: plain whitespace chunks until the segmenter's tokens arrive.

    Not a widget: the text view owns one per paragraph (made when first needed) and draws its lines;
    ``changed`` tells the view to redraw this paragraph.
    """

    def __init__(
        self,
        index: int,
        text: str,
        changed: Callable[[int], None] = lambda _: None,
        restyled: Callable[[int], None] | None = None,
    ) -> None:
        """Paragraph number ``index`` with text ``text``; ``changed(index)`` when it must be laid out again,
        ``restyled(index)`` when only its styles changed (default: ``changed``)."""
        self.index = index
        self.text = text
        self._changed = changed
        self._restyled = restyled or changed
        self._tokens: tuple[TokenLike, ...] | None = None
        self.segmented = False
        """True once the segmenter's tokens replaced the plain chunks."""
        self._wrapped: tuple[int, list[Line]] | None = None
        self._checked: tuple[tuple[int, int, str], ...] = ()
        self._status: dict[int, str] | None = None
        self._cursor: int | None = None
        self.matches: tuple[tuple[int, int], ...] = ()
        """Search matches in this paragraph: (start, end) character spans."""
        self._glosses: tuple[str | None, ...] | None = None

    @property
    def tokens(self) -> tuple[TokenLike, ...]:
        """The paragraph's tokens (plain chunks until the segmenter has run)."""
        if self._tokens is None:
            self._tokens = tuple(plain_chunks(self.text, syllables=True))
        return self._tokens

    def set_tokens(self, tokens: Sequence[TokenLike]) -> None:
        """Replace the tokens (after segmentation or a glossary edit) and redraw."""
        self._tokens = tuple(tokens)
        self.segmented = True
        self._wrapped = None
        self._status = None
        self._changed(self.index)

    def set_checked(self, spans: Sequence[tuple[int, int, str]]) -> None:
        """Mark checked glossary terms: (start, end, status) character spans, status ok/missing/forbidden."""
        self._checked = tuple(spans)
        self._status = None
        self._restyled(self.index)

    def set_matches(self, spans: Sequence[tuple[int, int]]) -> None:
        """Highlight search matches: (start, end) character spans."""
        if tuple(spans) != self.matches:
            self.matches = tuple(spans)
            self._restyled(self.index)

    def set_glosses(self, glosses: Sequence[str | None] | None) -> None:
        """Interlinear glosses by token (None: off): each glossed word is wrapped as wide as the wider of its
        Thai and its gloss plus one cell, so the gloss under it is never cut by the next word."""
        glosses = None if glosses is None else tuple(glosses)
        if glosses != self._glosses:
            self._glosses = glosses
            self._wrapped = None

    def gloss_of(self, token: int) -> str | None:
        """The interlinear gloss of token ``token`` (None: none, or glosses are off)."""
        glosses = self._glosses
        return glosses[token] if glosses is not None and token < len(glosses) else None

    def _cells(self, index: int, token: TokenLike, width: int) -> str:
        """The token's text, padded to its interlinear column (the gloss's cells + 1) within ``width``."""
        gloss = self.gloss_of(index)
        if not gloss or token.text.isspace():
            return token.text
        size = cell_len(token.text)
        return token.text + " " * max(0, min(cell_len(gloss) + 1, width) - size)

    @property
    def cursor(self) -> int | None:
        """Index of the token under the word cursor (None: the cursor is in another paragraph)."""
        return self._cursor

    @cursor.setter
    def cursor(self, token: int | None) -> None:
        if token != self._cursor:
            self._cursor = token
            self._restyled(self.index)

    def term_status(self, token: int) -> str | None:
        """The check's status of a token (the worst of the checked terms it overlaps), if it was checked."""
        if self._status is None:
            self._status = {}
            for start, end, status in self._checked:
                for index, t in enumerate(self.tokens):
                    if t.end > start and t.start < end:
                        old = self._status.get(index)
                        if old is None or _RANK.get(status, 0) > _RANK.get(old, 0):
                            self._status[index] = status
        return self._status.get(token)

    def lines(self, width: int | None = None) -> list[Line]:
        """The paragraph wrapped to ``width`` cells (default: the last width drawn), cached per width."""
        if width is None:
            width = self._wrapped[0] if self._wrapped is not None else 80
        width = max(1, width)
        if self._wrapped is None or self._wrapped[0] != width:
            texts = [self._cells(i, t, width) for i, t in enumerate(self.tokens)]
            self._wrapped = (width, wrap_tokens(texts, width))
        return self._wrapped[1]

    def line_of(self, token: int) -> int:
        """The line (of the current wrapping) where ``token`` starts."""
        for y, line in enumerate(self.lines()):
            if any(piece.token == token for piece in line.pieces):
                return y
        return 0

    @staticmethod
    def _style(key: tuple[object, ...], styles: ThaiStyles) -> Style:
        extra, status, matched, cursor = key
        style = extra if isinstance(extra, Style) else Style()
        if isinstance(status, str):
            style += styles.status[status]
        elif status:
            style += styles.term
        if matched:
            style += styles.match
        if cursor:
            style += styles.cursor
        return style

    def render_line(
        self,
        y: int,
        styles: ThaiStyles,
        console: Console,
        extra: Mapping[int, Style],
        selected: tuple[int, int] | None = None,
    ) -> list[Segment]:
        """Segments of wrapped line ``y`` (of the last wrapping) with term, status, match and cursor styles;
        ``extra``: other components' styles by token; ``selected``: the line's selected characters."""
        lines = self.lines()
        if y >= len(lines):
            return []
        segments: list[Segment] = []
        base = styles.base
        combined = styles.combined
        for piece in lines[y].pieces:
            token = self.tokens[piece.token]
            status = self.term_status(piece.token)
            key = (
                extra.get(piece.token),
                status if status in styles.status else bool(token.is_term or status is not None),
                bool(self.matches)
                and any(start < token.end and end > token.start for start, end in self.matches),
                piece.token == self._cursor,
            )
            full = combined.get(key)
            if full is None:
                full = combined[key] = base + self._style(key, styles)
            padded = self._glosses is not None and not token.text.isspace()
            body = piece.text.rstrip(" ") if padded else piece.text
            segments.append(Segment(body, full))
            if len(body) < len(piece.text):
                segments.append(Segment(piece.text[len(body) :], base))
        if selected is None:
            return segments
        text = Text(style=base, no_wrap=True, end="")
        for segment in segments:
            text.append(segment.text, segment.style)
        start, end = selected
        text.stylize(styles.selection, start, len(text) if end == -1 else end)
        return [Segment(s.text, s.style) for s in text.render(console)]

    def char_offset(self, x: int, y: int) -> int:
        """The paragraph character index of character ``x`` of wrapped line ``y`` (a selection offset)."""
        taken: dict[int, int] = {}  # characters of each token drawn on earlier lines (a wide token is split)
        for row, line in enumerate(self.lines()):
            position = 0
            for piece in line.pieces:
                token = self.tokens[piece.token]
                start = token.start + taken.get(piece.token, 0)
                real = max(0, min(len(piece.text), token.end - start))  # an interlinear word's padding: none
                if row == y and x < position + len(piece.text):
                    return start + min(max(0, x - position), real)
                position += len(piece.text)
                taken[piece.token] = taken.get(piece.token, 0) + real
            if row == y:
                return self.tokens[line.pieces[-1].token].end if line.pieces else 0
        return len(self.text)

    def tokens_between(self, start: int, end: int) -> str:
        """The paragraph text of the whole tokens overlapping characters ``start``..``end`` (never cut)."""
        touched = [t for t in self.tokens if t.end > start and t.start < end]
        if not touched:
            return ""
        return self.text[touched[0].start : touched[-1].end].strip()
