"""Figures per article: how much of it you know (its distinct words by status) and what you did in it (words
read, paragraphs read, lookups, new words marked, the last day)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import Any

from bilingual_reader.learner.counts import ArticleCounts, count_statuses
from bilingual_reader.learner.store import LearnerStore

__all__ = ["ArticleActivity", "ArticleFigures", "article_activity", "article_figures"]


@dataclass(frozen=True)
class ArticleActivity:
    """What the learner did in one article (``article``: its id, the translation memory's)."""

    article: str
    title: str = ""
    words_read: int = 0
    paragraphs_read: int = 0
    lookups: int = 0
    new_words: int = 0
    last_day: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return asdict(self)


@dataclass(frozen=True)
class ArticleFigures:
    """One article's words by status and the learner's activity in it."""

    counts: ArticleCounts
    activity: ArticleActivity

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form: the activity, the counts and the known share (0..1, 4 decimals)."""
        counts = asdict(self.counts)
        return {**self.activity.to_dict(), **counts, "known_share": round(self.counts.known_share, 4)}

    def lines(self) -> list[str]:
        """Two lines for people: what you know of it, what you did in it."""
        c, a = self.counts, self.activity
        known = f"{c.known_share:.0%} known ({c.known} of {c.words} words)"
        first = f"{known} · {c.unknown} unknown · {c.learning} learning · {c.ignored} ignored"
        last = f", last {a.last_day}" if a.last_day else ""
        second = (
            f"{a.words_read:,} words read in {a.paragraphs_read} paragraph(s){last} · "
            f"{a.new_words} new word(s) · {a.lookups} lookup(s)"
        )
        return [first, second]


def article_activity(store: LearnerStore, article: str | None = None) -> list[ArticleActivity]:
    """The activity per article (``article``: only that one), the most recently active first."""
    where, params = ("WHERE article = ?", (article,)) if article is not None else ("WHERE article != ''", ())
    found: dict[str, dict[str, Any]] = {}

    def row(article_id: str) -> dict[str, Any]:
        return found.setdefault(article_id, {"article": article_id})

    for art, words, paragraphs, day in store.conn.execute(
        f"SELECT article, SUM(words), COUNT(DISTINCT paragraph), MAX(day) FROM reading {where}"
        " GROUP BY article",
        params,
    ):
        row(art).update(words_read=words, paragraphs_read=paragraphs, last_day=day)
    for art, count, title, day in store.conn.execute(
        f"SELECT article, COUNT(*), MAX(title), MAX(day) FROM lookups {where} GROUP BY article", params
    ):
        entry = row(art)
        entry.update(lookups=count, title=title, last_day=max(day, entry.get("last_day", "")))
    for art, count, title, day in store.conn.execute(
        f"SELECT article, COUNT(DISTINCT key) FILTER (WHERE old = 0), MAX(title), MAX(day) FROM history"
        f" {where} GROUP BY article",
        params,
    ):
        entry = row(art)
        entry.update(new_words=count, last_day=max(day, entry.get("last_day", "")))
        entry.setdefault("title", title)
    rows = [ArticleActivity(**values) for values in found.values()]
    return sorted(rows, key=lambda a: (a.last_day, a.title), reverse=True)


def article_figures(
    store: LearnerStore, article: str, keys: Collection[str], title: str = ""
) -> ArticleFigures:
    """The figures of the article with id ``article`` whose distinct word keys are ``keys`` (one status
    query); ``title`` is used when the database has none for it."""
    counts = count_statuses(keys, store.statuses(keys))
    found = article_activity(store, article)
    activity = found[0] if found else ArticleActivity(article)
    if not activity.title and title:
        activity = ArticleActivity(**{**activity.to_dict(), "title": title})
    return ArticleFigures(counts, activity)
