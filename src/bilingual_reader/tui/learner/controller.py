"""The learner's side of the reader: a non-visual controller that uses the learner database (on the UI
thread), knows the article's word statuses (one query per batch of newly segmented words), styles the Thai by
status, marks words, counts paragraphs read, records lookups and gives the header's counts."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widget import Widget

from bilingual_reader.learner.counts import ArticleCounts, count_statuses, text_key, token_key
from bilingual_reader.learner.opening import LearnerError
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore, Place
from bilingual_reader.tui.learner.machine_worker import MachineGlossed, MachineGlosses
from bilingual_reader.tui.learner.status_styles import status_style

if TYPE_CHECKING:
    from bilingual_reader.documents.articles import Article
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.tui.reader.words import TokenLike

__all__ = ["FLUSH_SECONDS", "LearnerController"]

#: Paragraphs read and lookups are queued and written together, at most this long after (a key stays cheap).
FLUSH_SECONDS = 1.0


class LearnerController(Widget):
    """Word statuses for one article. ``open`` it once the first frame is drawn; until then (and for words
    not segmented yet) the text is drawn without status styles."""

    DEFAULT_CSS = "LearnerController { display: none; }"

    def __init__(self, article: Article, *, id: str | None = None) -> None:
        """The learner side of reading ``article``."""
        super().__init__(id=id)
        self.article = article
        self.store: LearnerStore | None = None
        self.problem: str | None = None
        self.statuses: dict[str, Status] = {}
        self.loaded: set[str] = set()
        self.last_paragraph: int | None = None
        self.mode = "beside"
        """How the English shows: beside, hidden (until revealed) or interlinear."""
        self.revealed: set[int] = set()
        self.gloss_level = 2
        self._glosses: dict[str, str | None] = {}
        self.machine: MachineGlosses | None = None
        """Machine glosses for words nothing else glosses (None: not asked for)."""
        self.on_machine: Callable[[dict[str, str]], None] | None = None
        """Told of the machine glosses that arrived (the screen redraws the glosses, fills the popup)."""
        self._pending: list[Callable[[LearnerStore], object]] = []
        self._flush_timer: Timer | None = None

    def open(self, store: LearnerStore, problem: str | None = None) -> None:
        """Use ``store`` (owned by the app's services, on the UI thread); ``problem``: why it is an empty
        read-only stand-in or read-only (said once)."""
        self.store, self.problem = store, problem
        if problem:
            self.notify(problem, severity="warning", timeout=12)
        mode = store.setting("english_mode", "beside")
        self.mode = mode if mode in ("beside", "hidden", "interlinear") else "beside"
        level = store.setting("gloss_level", "2")
        self.gloss_level = int(level) if level.isdigit() else 2

    def remember(self, name: str, value: str) -> None:
        """Keep a personal setting (silently not, when the database is read-only)."""
        if self.store is not None and not self.store.read_only:
            with contextlib.suppress(LearnerError):
                self.store.set_setting(name, value)

    def gloss(self, word: str, glossary: Glossary | None) -> str | None:
        """The short interlinear gloss of ``word`` (glossary, curated, else dictionary), cached; else its
        machine gloss marked with ``*`` once it has arrived (asked for now, when there is a model)."""
        key = text_key(word)
        if key is None:
            return None
        if key not in self._glosses:
            from bilingual_reader.learner.glosses import gloss_for

            found = gloss_for(key, glossary)
            self._glosses[key] = found.display() if found is not None else None
        return self._glosses[key] or self.machine_gloss(key)

    def machine_gloss(self, key: str) -> str | None:
        """The machine gloss of a normalized word, marked (None: not here yet, asked for; or no model)."""
        if self.machine is None:
            return None
        text = self.machine.glosses.get(key)
        if text is None:
            self.machine.ask(key)
            return None
        from bilingual_reader.learner.glosses import Gloss

        return Gloss(text, "machine").display()

    def on_machine_glossed(self, message: MachineGlossed) -> None:
        """Machine glosses arrived from the worker."""
        message.stop()
        if self.machine is not None:
            self.machine.received(message)
            if message.glosses and self.on_machine is not None:
                self.on_machine(message.glosses)

    @property
    def place_id(self) -> str:
        """The article's id in the learner database (the same as the translation memory's)."""
        return self.article.article_id

    # Statuses ---------------------------------------------------------------------------------------------

    def tokens_ready(self, paragraphs: Sequence[Sequence[TokenLike]]) -> bool:
        """Fetch the statuses of the words of newly segmented ``paragraphs`` (one query); True if any new."""
        if self.store is None:
            return False
        keys = {k for tokens in paragraphs for t in tokens if (k := token_key(t)) is not None} - self.loaded
        if not keys:
            return False
        try:
            self.statuses.update(self.store.statuses(keys))
        except LearnerError as err:
            self.notify(str(err), severity="error", timeout=12)
            return False
        self.loaded |= keys
        return True

    def status_of(self, token: TokenLike) -> Status | None:
        """A token's status (None: no status — not a Thai word, or not loaded yet)."""
        key = token_key(token)
        if key is None or key not in self.loaded:
            return None
        return self.statuses.get(key, Status.UNKNOWN)

    def token_styles(self, paragraph: int, tokens: Sequence[TokenLike]) -> dict[int, str]:
        """Per-token style strings of a paragraph, by status (the text view's token styler)."""
        no_color = bool(getattr(self.app, "no_color", False))
        found: dict[int, str] = {}
        for index, token in enumerate(tokens):
            status = self.status_of(token)
            if status is not None and (style := status_style(status, no_color=no_color)) is not None:
                found[index] = style
        return found

    def counts(self) -> ArticleCounts:
        """The article's words by status (those segmented so far)."""
        return count_statuses(self.loaded, self.statuses)

    def header(self) -> str:
        """The header's summary of the counts (and read-only, when it is)."""
        text = self.counts().header()
        return text + (" · not saved" if self.problem else "")

    def set_status(self, words: Sequence[str], status: Status, place: Place) -> int:
        """Give ``words`` ``status``; returns how many changed (0 and a notice when it cannot be saved)."""
        if self.store is None or not words:
            return 0
        try:
            changed = self.store.set_status(words, status, place)
        except LearnerError as err:
            self.notify(str(err), severity="warning")
            return 0
        except ValueError:
            return 0
        for word in words:
            key = text_key(word)
            if key is not None:
                self.statuses[key] = status
                self.loaded.add(key)
        return changed

    # Reading and lookups ----------------------------------------------------------------------------------

    def moved_to(self, paragraph: int, words_in: int | None) -> None:
        """The cursor is in ``paragraph`` now; leaving a paragraph counts it as read (``words_in``: the
        number of words of the paragraph left). Queued: see :meth:`flush`."""
        previous, self.last_paragraph = self.last_paragraph, paragraph
        if previous is None or previous == paragraph or self.store is None or self.store.read_only:
            return
        if words_in:
            place_id = self.place_id
            self._queue(lambda store: store.record_read(place_id, previous, words_in))

    def looked_up(self, word: str, place: Callable[[], Place]) -> None:
        """Remember a lookup (for flashcards and stats) at ``place()``, asked when it is written. Queued: see
        :meth:`flush`."""
        if self.store is not None and not self.store.read_only:
            self._queue(lambda store: store.record_lookup(word, place()))

    @property
    def pending(self) -> int:
        """How many records wait to be written."""
        return len(self._pending)

    def _queue(self, record: Callable[[LearnerStore], object]) -> None:
        self._pending.append(record)
        if self._flush_timer is None:
            self._flush_timer = self.set_timer(FLUSH_SECONDS, self.flush, name="learner-flush")

    def flush(self) -> None:
        """Write the queued paragraphs read and lookups in one transaction (on a timer, when the reader
        closes, before the statistics or cards are made from them)."""
        if self._flush_timer is not None:
            self._flush_timer.stop()
            self._flush_timer = None
        pending, self._pending = self._pending, []
        store = self.store
        if pending and store is not None:
            with contextlib.suppress(LearnerError), store.batch():
                for record in pending:
                    record(store)

    def on_unmount(self) -> None:
        """The reader closes: nothing queued is lost."""
        self.flush()
