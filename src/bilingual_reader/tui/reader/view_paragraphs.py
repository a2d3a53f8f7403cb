"""The text view's per-paragraph state: each paragraph's Thai, English slot and terminology badge, plain
objects made when first asked for; a change to one tells the view to lay that paragraph out (or restyle it)
again."""

from __future__ import annotations

from collections.abc import Callable, Container, Sequence
from typing import TYPE_CHECKING

from bilingual_reader.tui.reader.english_view import EnglishView
from bilingual_reader.tui.reader.paragraph_view import ParagraphView
from bilingual_reader.tui.reader.term_badge import TermBadge

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.qa.findings import Counts


class Paragraphs:
    """The state of ``article``'s paragraphs; ``changed(index)`` when one must be laid out again,
    ``restyled(index)`` when only its styles changed."""

    def __init__(
        self, article: Article, changed: Callable[[int], None], restyled: Callable[[int], None]
    ) -> None:
        """Nothing is made until asked for."""
        self.article = article
        self._changed = changed
        self._restyled = restyled
        self._thai: dict[int, ParagraphView] = {}
        self._english: dict[int, EnglishView] = {}
        self._english_status = ""
        self._badge: dict[int, TermBadge] = {}

    def __len__(self) -> int:
        return len(self.article.paragraphs)

    def thai(self, index: int) -> ParagraphView:
        """The Thai of paragraph ``index``."""
        view = self._thai.get(index)
        if view is None:
            text = self.article.paragraphs[index]
            view = self._thai[index] = ParagraphView(index, text, self._changed, self._restyled)
        return view

    def all_thai(self) -> list[ParagraphView]:
        """Every paragraph's Thai, in order (makes them all: for small articles and tests)."""
        return [self.thai(index) for index in range(len(self))]

    def english(self, index: int) -> EnglishView:
        """The English slot of paragraph ``index``."""
        view = self._english.get(index)
        if view is None:
            view = self._english[index] = EnglishView(index, self._changed)
            view.status = self._english_status
        return view

    def reset_english(self, status: str, keep: Container[int] = ()) -> None:
        """Every paragraph's English (but ``keep``'s) is blank and shows ``status``; O(paragraphs seen so
        far): those not made yet start so."""
        self._english_status = status
        for index, view in self._english.items():
            if index not in keep:
                view.status, view.translation = status, ""

    def badge(self, index: int) -> TermBadge:
        """The terminology badge of paragraph ``index``."""
        view = self._badge.get(index)
        if view is None:
            view = self._badge[index] = TermBadge(index, self._changed)
        return view

    def show_checked(
        self, index: int, spans: Sequence[tuple[int, int, str]], counts: Counts | None, checks: int = 0
    ) -> None:
        """Mark paragraph ``index``'s checked Thai terms (start, end, status) and set its badge (term
        counts, and the other checks' problems)."""
        if 0 <= index < len(self):
            self.thai(index).set_checked(spans)
            badge = self.badge(index)
            badge.counts, badge.checks = counts, checks
