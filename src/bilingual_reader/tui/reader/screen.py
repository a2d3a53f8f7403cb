"""The reader screen: composes the text view and the components around it (controllers, marks, search,
start-up), owns the article, and passes on what one component announces to the others that need it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Static

from bilingual_reader.tui.command_screen import CommandScreen
from bilingual_reader.tui.commands import bindings
from bilingual_reader.tui.learner import hooks as learner_hooks
from bilingual_reader.tui.learner import keys as learner_keys
from bilingual_reader.tui.learner.controller import LearnerController
from bilingual_reader.tui.messages import (
    ArticleSegmented,
    ChecksSettled,
    CursorMoved,
    FindingsChanged,
    VisibleChanged,
    WordClicked,
)
from bilingual_reader.tui.reader.article_view import ArticleView
from bilingual_reader.tui.reader.commands import READER_COMMANDS
from bilingual_reader.tui.reader.header_title import fitted_title
from bilingual_reader.tui.reader.lookup import LookupController
from bilingual_reader.tui.reader.search_bar import SearchBar
from bilingual_reader.tui.reader.segmenting import SegmentingController
from bilingual_reader.tui.reader.starter import ServicesStarter
from bilingual_reader.tui.reader.term_marks import TermMarks
from bilingual_reader.tui.reader.terminology import TerminologyController
from bilingual_reader.tui.reader.translation import TranslationController
from bilingual_reader.tui.reader.translation_messages import (
    NO_MODEL,
    ParagraphTranslated,
    TranslationFailed,
    TranslationProgress,
)
from bilingual_reader.tui.widgets.key_bar import KeyBar
from bilingual_reader.tui.widgets.steady_header import SteadyHeader

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.tui.services import ReaderServices

#: What the translation announces that the screen passes on.
TranslationNews = ParagraphTranslated | TranslationProgress | TranslationFailed

#: Below this many columns the English goes under each Thai paragraph instead of beside it.
NARROW_WIDTH = 100


class ReaderScreen(CommandScreen):
    """Reads one article. The Thai shows at once; once that first frame is on the terminal (``start``), the
    glossary opens, a thread worker segments the article and the terms light up, and another streams the
    English in paragraph by paragraph (visible ones first)."""

    COMMANDS_LIST = READER_COMMANDS
    BINDINGS: ClassVar[list[BindingType]] = [*bindings(READER_COMMANDS, "command")]
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, minus its repaint of the whole screen on every focus change (the lookup popup takes the
    focus and gives it back): the widgets whose focus styles change are restyled and redrawn anyway."""

    # The header redraws itself when these change; Screen's own repaint the whole screen (every key that moves
    # into another chapter, every progress step).
    title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)

    def __init__(
        self, article: Article, services: ReaderServices, position: tuple[int, int] | None = None
    ) -> None:
        """Read ``article`` with the app's ``services``; the cursor starts at ``position`` (paragraph,
        character offset), else on the first word."""
        super().__init__()
        self.article = article
        self.services = services
        self.full_title = article.title
        self.started = False
        self._position = position
        self.text: ArticleView = ArticleView(article, id="article")
        self.text.add_class("-unchecked", update=False)  # no badges until some English is checked (``flag``)
        self.translation: TranslationController = TranslationController(
            slot=self.text.paragraphs.english,
            visible=self.text.layout_.visible_paragraphs,
            reset=self.text.paragraphs.reset_english,
            engine_factory=services.engine_factory,
            memory_path=services.memory_path,
            on_progress=lambda _: learner_keys.show_header(self),
            id="translation",
        )
        self.terminology: TerminologyController = TerminologyController(
            article, lambda: self.translation.results, id="terminology"
        )
        self.lookup: LookupController = LookupController(article, id="lookup")
        self.learner: LearnerController = LearnerController(article, id="learner")
        self.segmenting = SegmentingController(article, services, self.text, self.lookup, id="segmenting")
        self.segmenting.on_tokens = partial(learner_hooks.segmented, self)
        self.search: SearchBar = SearchBar(self, id="search")
        self.marks = TermMarks(
            self.text, self.terminology, self.translation, self.lookup, self.segmenting, self.flag
        )
        controllers = (self.segmenting, self.translation, self.terminology, self.lookup)
        opened = partial(learner_hooks.started, self)
        self.starter = ServicesStarter(article, services, controllers, opened, id="starter")
        self.footer = KeyBar()

    def compose(self) -> ComposeResult:
        """Header, the article, the (invisible) controllers, footer."""
        yield SteadyHeader()
        yield Static(NO_MODEL, id="no-model")
        yield self.text
        yield self.translation
        yield self.terminology
        yield self.lookup
        yield self.learner
        yield self.segmenting
        yield self.starter
        yield self.search
        yield self.footer

    def on_mount(self) -> None:
        """Title the screen and place the cursor: all the first frame needs."""
        self.show_title(self.article.title)
        self.sub_title = ""
        self.flag("-narrow", self.app.size.width < NARROW_WIDTH)
        if self._position is not None:
            self.go_to(*self._position)
        else:
            self.text.cursor.place(0, None)

    def go_to(self, paragraph: int, offset: int = 0) -> None:
        """Put the cursor on the word covering character ``offset`` of ``paragraph`` and show it (bookmarks,
        the table of contents, search, resume)."""
        self.text.cursor.place_at(max(0, min(paragraph, len(self.text) - 1)), offset)

    @property
    def drawn(self) -> bool:
        """True once a frame with the article's text has been drawn."""
        return not len(self.text) or self.text.painted

    def start(self) -> None:
        """After the first frame: open the services (``starter``), then segment, translate and check."""
        self.started = True
        self.starter.start()

    def resegment(self) -> None:
        """Segment, check and steer again with the glossary's current terms (after a glossary edit)."""
        self.starter.restart()

    def flag(self, name: str, on: bool) -> None:
        """Set one of the text view's layout classes (-narrow, -unchecked, -no-model): it lays out again when
        one changes. On the view, not the screen: a class on the screen restyles every widget under it. The
        layout reads them, no CSS does: the view's styles are not worked out again for them."""
        if self.text.has_class(name) != on:
            self.text.set_class(on, name, update=False)
            self.text.refresh()
            if name == "-no-model":
                self.query_one("#no-model").display = on

    @property
    def glossary(self) -> Glossary | None:
        """The glossary, once open."""
        return self.services.glossary

    def on_resize(self, event: events.Resize) -> None:
        """Stack the English under the Thai on narrow terminals; cut the title to the width."""
        self.flag("-narrow", event.size.width < NARROW_WIDTH)
        self.watch_sub_title(self.sub_title)
        self.call_after_refresh(self.text.cursor.scroll_into_view)

    def show_title(self, title: str) -> None:
        """Title the header (the article's, or with its chapter), cut to leave room for the subtitle."""
        self.full_title = title
        self.watch_sub_title(self.sub_title)

    def watch_sub_title(self, sub_title: str | None) -> None:
        """Keep the subtitle (known share, counts, progress) in view: the title gives way to it."""
        self.title = fitted_title(self.full_title, sub_title or "", self.app.size.width)

    # What one component announces to the others ---------------------------------------------------------

    @on(VisibleChanged)
    def _visible_changed(self, message: VisibleChanged) -> None:
        """Segment what came into view at once (the worker may not have got there yet); translate it next."""
        self.segmenting.came_into_view(message.first, message.last)
        self.translation.prefer(range(message.first, message.last + 1))

    @on(ArticleSegmented)
    @on(ChecksSettled)
    def _reopen(self) -> None:
        """Reopen the popup on a term just saved, once the article is segmented with it and its findings are
        checked (``marks.reopen`` waits for both)."""
        self.marks.reopen()

    @on(WordClicked)
    def _word_clicked(self) -> None:
        """The text view moved the cursor to the clicked word: look it up."""
        self.action_command("look_up")

    def on_text_selected(self) -> None:
        """Look up a mouse selection: the longest glossary term in it, else the selection."""
        text = self.text.selected_text()
        if text:
            self.lookup.look_up_selection(text)

    @on(CursorMoved)
    def _cursor_moved(self, message: CursorMoved) -> None:
        """Align the English with the Thai term under the cursor; tell the learner."""
        learner_hooks.moved(self, message.paragraph)
        self.marks.cursor_moved(message.paragraph)

    @on(ParagraphTranslated)
    @on(TranslationProgress)
    @on(TranslationFailed)
    def _translation_news(self, message: TranslationNews) -> None:
        """English arrived (a model is there: check the paragraph again), or the article is being translated
        again (drop the findings of paragraphs whose English is gone); without a model, the banner says so
        once (and the Thai gets the whole width)."""
        if isinstance(message, ParagraphTranslated):
            if message.article_id == self.article.article_id:
                self.flag("-no-model", False)
                self.terminology.recheck_later([message.result.index])
            return
        if isinstance(message, TranslationFailed) and message.no_model:
            self.flag("-no-model", True)
        self.terminology.drop_stale()

    @on(FindingsChanged)
    def _findings_changed(self, message: FindingsChanged) -> None:
        """Mark the paragraph's Thai terms, set its badge, and decorate its English."""
        self.marks.findings_changed(message.paragraph)
