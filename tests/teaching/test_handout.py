"""The handout page: each section by flag, glossary terms numbered as glosses, the English by origin, the
vocabulary list's choice and order, the cloze worksheet, and no way for glossary data to inject HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.learner.statuses import LEARNING, Status
from bilingual_reader.teaching.english import EnglishParagraph, Origin, article_english
from bilingual_reader.teaching.handout import HandoutOptions, Section, handout_html
from bilingual_reader.teaching.handout_sections import cloze_instructions
from bilingual_reader.teaching.vocabulary import Order, vocabulary
from bilingual_reader.teaching.words import article_words
from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory
from teaching.handout_data import small_article, small_glossary

S = Section


def _page(
    tmp_path: Path, *sections: Section, memory: TranslationMemory | None = None, **options: object
) -> str:
    with small_glossary() as glossary:
        chosen = HandoutOptions(sections=frozenset(sections), **options)  # type: ignore[arg-type]
        return handout_html(small_article(tmp_path), glossary, memory, chosen)


@pytest.mark.parametrize(
    ("sections", "headings"),
    [
        ((S.THAI,), ["Thai text"]),
        ((S.ENGLISH,), ["English"]),
        ((S.VOCABULARY,), ["Vocabulary"]),
        ((S.INTERLINEAR,), ["Interlinear"]),
        ((S.CLOZE,), ["Cloze worksheet", "Answer key"]),
        ((S.CLOZE, S.THAI), ["Thai text", "Cloze worksheet", "Answer key"]),
        (tuple(S), ["Thai text", "English", "Vocabulary", "Interlinear", "Cloze worksheet", "Answer key"]),
    ],
)
def test_each_section_flag_gives_its_section_and_no_other(
    tmp_path: Path, sections: tuple[Section, ...], headings: list[str]
) -> None:
    assert re.findall(r"<h2>([^<]+)</h2>", _page(tmp_path, *sections)) == headings


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    page = _page(tmp_path, *Section)
    assert not re.search(r"(?:src|href)\s*=|@import|url\(|<script|<link", page, re.IGNORECASE)
    assert "Loma" in page and "Garuda" in page and "Noto Sans Thai" in page and "Leelawadee UI" in page
    assert 'counter(page) " of " counter(pages)' in page
    assert "size:" not in page.split("@page", 1)[1].split("}", 1)[0]  # the printer's paper by default


@pytest.mark.parametrize(("paper", "size"), [("a4", "size: A4;"), ("letter", "size: letter;")])
def test_paper_size_fixes_the_page(tmp_path: Path, paper: str, size: str) -> None:
    assert size in _page(tmp_path, S.THAI, paper=paper)


def test_thai_terms_are_marked_and_numbered_in_order_with_their_glosses(tmp_path: Path) -> None:
    page = _page(tmp_path, S.THAI)
    navy = '<span class="term">กองทัพเรือ<sup>1</sup></span>'
    sub = '<span class="term">เรือดำน้ำ<sup>2</sup></span>'
    assert f"{navy}ซื้อ{sub}</p>" in page
    assert f"<p>{navy}จะได้รับ{sub}ลำใหม่ในปีหน้า</p>" in page
    glosses = re.findall(
        r'<li value="(\d)"><span lang="th">([^<]+)</span> <span class="rtgs">([^<]*)</span> — ([^<]+)</li>',
        page,
    )
    assert glosses == [
        ("1", "กองทัพเรือ", "kongthapruea", "navy, Royal Thai Navy. The sea arm of the armed forces."),
        ("2", "เรือดำน้ำ", "rueadamnam", "submarine"),
    ]


def test_english_takes_post_edits_first_then_the_memory_and_marks_machine_translation(tmp_path: Path) -> None:
    article = small_article(tmp_path)
    with TranslationMemory(tmp_path / "memory.db") as memory:
        assert [p.origin for p in article_english(article.article_id, article.paragraphs, memory)] == [
            Origin.NONE,
            Origin.NONE,
        ]
        for model, text in (("old", "The navy buys a sub."), ("new", "The navy buys a submarine.")):
            memory.put_sentence(model, "s", SentenceTranslation(article.paragraphs[0], text, ()))
        memory.put_sentence("new", "s", SentenceTranslation(article.paragraphs[1], "Machine two.", ()))
        memory.save_post_edit(article.article_id, 1, article.paragraphs[1], "The navy gets it next year.")
        assert article_english(article.article_id, article.paragraphs, memory) == [
            EnglishParagraph("The navy buys a submarine.", Origin.MACHINE),
            EnglishParagraph("The navy gets it next year.", Origin.POST_EDIT),
        ]
        page = _page(tmp_path, S.ENGLISH, memory=memory)
    assert 'The navy buys a submarine. <span class="origin">machine translation</span>' in page
    assert "<p>The navy gets it next year.</p>" in page


def test_english_without_a_memory_says_how_to_get_it(tmp_path: Path) -> None:
    assert "No English for this article in the translation memory yet" in _page(tmp_path, S.ENGLISH)


@pytest.mark.parametrize(
    ("band", "order", "expected"),
    [
        (None, Order.FIRST, [("กองทัพเรือ", 2), ("เรือดำน้ำ", 2)]),
        ("less common", Order.FIRST, [("กองทัพเรือ", 2), ("เรือดำน้ำ", 2)]),
        ("common", Order.FIRST, [("กองทัพเรือ", 2), ("เรือดำน้ำ", 2), ("ลำ", 1)]),
        ("very common", Order.FIRST, [
            ("กองทัพเรือ", 2), ("ซื้อ", 1), ("เรือดำน้ำ", 2), ("จะ", 1), ("ได้รับ", 1), ("ลำ", 1),
            ("ใหม่", 1), ("ใน", 1),
        ]),
        ("common", Order.FREQUENCY, [("กองทัพเรือ", 2), ("เรือดำน้ำ", 2), ("ลำ", 1)]),
    ],
)  # fmt: skip
def test_vocabulary_has_glossary_terms_and_words_at_or_beyond_the_band(
    tmp_path: Path, band: str | None, order: Order, expected: list[tuple[str, int]]
) -> None:
    with small_glossary() as glossary:
        words = article_words(small_article(tmp_path).paragraphs, glossary)
        entries = vocabulary(words, band=band, order=order)
    assert [(e.thai, e.count) for e in entries] == expected


def test_vocabulary_rows_say_pronunciation_english_and_definition(tmp_path: Path) -> None:
    with small_glossary() as glossary:
        words = article_words(small_article(tmp_path).paragraphs, glossary)
        first, _, lam = vocabulary(words, band="common")
    assert (first.rtgs, first.tones, first.english, first.definition, first.in_glossary) == (
        "kongthapruea",
        "gɔɔng-táp-rʉa",
        "navy, Royal Thai Navy",
        "The sea arm of the armed forces.",
        True,
    )
    assert (lam.thai, lam.band, lam.in_glossary) == ("ลำ", "common", False)
    assert lam.english.startswith("")  # whatever the dictionary knows; never the forbidden English
    assert "sea army" not in first.english


def test_vocabulary_by_learner_status(tmp_path: Path) -> None:
    with small_glossary() as glossary:
        words = article_words(small_article(tmp_path).paragraphs, glossary)
        statuses = {"ซื้อ": Status.NEW, "ใหม่": Status.WELL_KNOWN}
        entries = vocabulary(words, band=None, statuses=set(LEARNING), status_of=statuses.get)
    assert [e.thai for e in entries] == ["กองทัพเรือ", "ซื้อ", "เรือดำน้ำ"]


def test_interlinear_puts_rtgs_and_a_gloss_under_each_word(tmp_path: Path) -> None:
    page = _page(tmp_path, S.INTERLINEAR)
    words = re.findall(
        r'<span class="w"><span class="t">([^<]+)</span><span class="r">([^<]+)</span>'
        r'<span class="g">([^<]+)</span></span>',
        page,
    )
    assert words[:3] == [("กองทัพเรือ", "kongthapruea", "navy"), ("ซื้อ", "sue", "buy"),
                         ("เรือดำน้ำ", "rueadamnam", "submarine")]  # fmt: skip
    assert ("ใน", "nai", "&nbsp;") in words  # grammar words get no dictionary gloss


def test_cloze_blanks_every_term_with_a_bank_and_an_answer_key(tmp_path: Path) -> None:
    page = _page(tmp_path, S.CLOZE)
    blanks = re.findall(r'<span class="blank">\((\d)\)</span>', page)
    assert blanks == ["1", "2", "3", "4"]
    assert (
        "กองทัพเรือ" not in page.split('<div class="bank thai">')[1].split("</div>")[1].split("Answer key")[0]
    )
    bank = re.findall(r'<div class="bank thai">(.*?)</div>', page)[0]
    assert re.findall(r'<span lang="th">([^<]+)</span>', bank) == ["กองทัพเรือ", "เรือดำน้ำ"]
    key = page.split('<div class="answer-key">')[1]
    assert re.findall(r'<li lang="th">([^<]+)</li>', key) == ["กองทัพเรือ", "เรือดำน้ำ", "กองทัพเรือ", "เรือดำน้ำ"]


@pytest.mark.parametrize(
    ("limit", "answers", "note"),
    [
        (None, ["กองทัพเรือ", "เรือดำน้ำ", "กองทัพเรือ", "เรือดำน้ำ"], False),
        (4, ["กองทัพเรือ", "เรือดำน้ำ", "กองทัพเรือ", "เรือดำน้ำ"], False),
        (3, ["กองทัพเรือ", "เรือดำน้ำ", "เรือดำน้ำ"], True),  # each term once, then the later occurrence
        (2, ["กองทัพเรือ", "เรือดำน้ำ"], True),
        (1, ["เรือดำน้ำ"], True),  # more terms than blanks: spread over the text
    ],
)
def test_the_cloze_limit_blanks_each_term_first_then_spreads(
    tmp_path: Path, limit: int | None, answers: list[str], note: bool
) -> None:
    page = _page(tmp_path, S.CLOZE, cloze_limit=limit)
    assert len(re.findall(r'<span class="blank">', page)) == len(answers)
    key = page.split('<div class="answer-key">')[1]
    assert re.findall(r'<li lang="th">([^<]+)</li>', key) == answers
    only = f"Only {len(answers)} of the 4 places where a glossary term occurs are blanked; the others are"
    assert (only in page) is note


def test_the_sample_articles_cloze_has_twenty_blanks_by_default() -> None:
    from bilingual_reader.documents.articles import load_article
    from bilingual_reader.glossary.store import Glossary
    from support import ROOT

    article = load_article(ROOT / "articles" / "01-nato-stoltenberg-visits-seoul-and-tokyo.txt")
    only_cloze = frozenset({S.CLOZE})
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        default = handout_html(article, glossary, None, HandoutOptions(sections=only_cloze))
        every = handout_html(article, glossary, None, HandoutOptions(sections=only_cloze, cloze_limit=None))
    assert default.count('<span class="blank">') == 20
    assert every.count('<span class="blank">') == 89
    bank = re.findall(r'<div class="bank thai">(.*?)</div>', default)[0].count('<span lang="th">')
    assert bank == 20  # the first occurrence of twenty distinct terms
    assert (
        '<p class="meta">Fill each of the 20 numbered blanks with a word from the bank (20 words). Each word'
        " fills exactly one blank. Only 20 of the 89 places where a glossary term occurs are blanked; the"
        " others are printed as usual.</p>"
    ) in default
    assert "more than once" not in default + every


@pytest.mark.parametrize(
    ("blanks", "words", "occurrences", "said"),
    [
        (1, 1, 1, "Fill the numbered blank with the word in the bank."),
        (1, 1, 3, "Fill the numbered blank with the word in the bank. Only 1 of the 3 places where a glossary"
                  " term occurs are blanked; the others are printed as usual."),
        (2, 1, 2, "Fill each of the 2 numbered blanks with the word in the bank (it fills every one)."),
        (4, 4, 4, "Fill each of the 4 numbered blanks with a word from the bank (4 words). Each word fills"
                  " exactly one blank."),
        (4, 2, 4, "Fill each of the 4 numbered blanks with a word from the bank (2 words). Each word fills at"
                  " least one blank; some fill more than one."),
        (3, 2, 4, "Fill each of the 3 numbered blanks with a word from the bank (2 words). Each word fills at"
                  " least one blank; some fill more than one. Only 3 of the 4 places where a glossary term"
                  " occurs are blanked; the others are printed as usual."),
    ],
)  # fmt: skip
def test_the_cloze_instructions_say_what_the_sheet_does(
    blanks: int, words: int, occurrences: int, said: str
) -> None:
    assert cloze_instructions(blanks, words, occurrences) == said


@pytest.mark.parametrize(
    ("limit", "said"),
    [
        (None, "Fill each of the 4 numbered blanks with a word from the bank (2 words). Each word fills at"
               " least one blank; some fill more than one."),
        (2, "Fill each of the 2 numbered blanks with a word from the bank (2 words). Each word fills exactly"
            " one blank. Only 2 of the 4 places where a glossary term occurs are blanked; the others are"
            " printed as usual."),
    ],
)  # fmt: skip
def test_the_worksheet_prints_its_instructions(tmp_path: Path, limit: int | None, said: str) -> None:
    page = _page(tmp_path, S.CLOZE, cloze_limit=limit)
    assert f'<p class="meta">{said}</p>' in page


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</style><style>body{display:none}",
    "<a href='javascript:alert(1)'>x</a>",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_glossary_data_cannot_inject_html(tmp_path: Path, payload: str) -> None:
    with small_glossary() as glossary:
        concept = Concept(
            "naval", (Term("เรือดำน้ำ", "th"), Term(payload, "en")), definition=payload, note=payload
        )
        old = glossary.lookup("เรือดำน้ำ")[0]
        glossary.update(Concept(concept.subject, concept.terms, concept.definition, concept.note, id=old.id))
        page = handout_html(small_article(tmp_path), glossary, None, HandoutOptions(title=payload))
    body = page.split("</style>", 1)[1]
    assert "<script" not in page and "<img" not in page and "<a " not in page
    assert body.count("<style") == 0
    assert (
        payload.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
        in page
    )


def test_a_marked_term_is_never_broken_across_lines(tmp_path: Path) -> None:
    """Browsers break Thai inside words (ความร่วมมือด้านความ|มั่นคง was split at a line's end): a term's
    span keeps together."""
    page = _page(tmp_path, S.THAI)
    rule = re.search(r"\.term \{([^}]*)\}", page)
    assert rule is not None and "white-space: nowrap" in rule.group(1)
    assert '<span class="term">กองทัพเรือ<sup>1</sup></span>' in page
