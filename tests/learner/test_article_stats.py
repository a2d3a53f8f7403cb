"""Figures per article: words by status, words and paragraphs read, lookups, new words, the last day."""

from __future__ import annotations

import pytest

from bilingual_reader.learner.article_stats import ArticleActivity, article_activity, article_figures
from bilingual_reader.learner.counts import ArticleCounts
from bilingual_reader.learner.statuses import Status
from bilingual_reader.learner.store import LearnerStore, Place

from .conftest import FakeClock

NEWS = Place("a1", "ข่าวกลาโหม", 0, "ทหารได้รับเสื้อเกราะ")
NAVY = Place("a2", "กองทัพเรือ", 3, "เรือดำน้ำลำแรก")


def test_activity_per_article_across_days(store: LearnerStore, clock: FakeClock) -> None:
    store.record_read("a1", 0, 12)
    store.record_read("a1", 1, 30)
    store.set_status("ทหาร", Status.NEW, NEWS)
    store.record_lookup("เสื้อเกราะ", NEWS)
    clock.advance(days=1)
    store.record_read("a1", 0, 12)  # read again the next day: counted again
    store.set_status("ทหาร", Status.RECOGNIZED, NEWS)  # not a new word
    store.set_status("เรือดำน้ำ", Status.NEW, NAVY)
    assert article_activity(store) == [
        ArticleActivity("a1", "ข่าวกลาโหม", 54, 2, 1, 1, "2026-11-03"),
        ArticleActivity("a2", "กองทัพเรือ", 0, 0, 0, 1, "2026-11-03"),
    ]
    assert article_activity(store, "a2") == [ArticleActivity("a2", "กองทัพเรือ", 0, 0, 0, 1, "2026-11-03")]
    assert article_activity(store, "nothing") == []


def test_figures_count_the_articles_words_by_status(store: LearnerStore) -> None:
    store.set_status(["ทหาร", "เสื้อเกราะ"], Status.WELL_KNOWN, NEWS)
    store.set_status("หมวกเหล็ก", Status.FAMILIAR, NEWS)
    store.set_status("และ", Status.IGNORED, NEWS)
    store.record_read("a1", 0, 6)
    keys = {"ทหาร", "ได้รับ", "เสื้อเกราะ", "หมวกเหล็ก", "และ"}
    figures = article_figures(store, "a1", keys, title="unused: the database has one")
    assert figures.counts == ArticleCounts(words=4, known=2, learning=1, unknown=1, ignored=1)
    assert figures.to_dict() == {
        "article": "a1",
        "title": "ข่าวกลาโหม",
        "words_read": 6,
        "paragraphs_read": 1,
        "lookups": 0,
        "new_words": 4,
        "last_day": "2026-11-02",
        "words": 4,
        "known": 2,
        "learning": 1,
        "unknown": 1,
        "ignored": 1,
        "known_share": 0.5,
    }
    assert figures.lines() == [
        "50% known (2 of 4 words) · 1 unknown · 1 learning · 1 ignored",
        "6 words read in 1 paragraph(s), last 2026-11-02 · 4 new word(s) · 0 lookup(s)",
    ]


def test_an_article_never_read_has_counts_and_no_activity(store: LearnerStore) -> None:
    figures = article_figures(store, "new", {"ทหาร"}, title="เรื่องใหม่")
    assert figures.activity == ArticleActivity("new", "เรื่องใหม่")
    assert figures.counts.unknown == 1


@pytest.mark.parametrize(
    ("counts", "header"),
    [
        (ArticleCounts(4, 2, 1, 1, 1), "50% known · 1 unknown · 1 learning"),
        (ArticleCounts(1, 0, 0, 1, 0), "0% known · 1 unknown · 0 learning"),
        (ArticleCounts(0, 0, 0, 0, 0), "no Thai words counted"),
        (ArticleCounts(0, 0, 0, 0, 2), "no Thai words counted · 2 ignored"),
    ],
)
def test_the_header_never_says_all_known_when_nothing_was_counted(counts: ArticleCounts, header: str) -> None:
    """Before segmentation (or when it failed) no word is counted: "100% known" would be a false claim."""
    assert counts.header() == header
