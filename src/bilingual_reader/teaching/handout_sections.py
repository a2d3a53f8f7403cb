"""The handout's sections as HTML: the Thai with numbered glosses, the English, the vocabulary list, the
interlinear text and the cloze worksheet with its answer key. Every text is escaped (glossary data comes
from shared files and is untrusted)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from bilingual_reader.teaching.english import EnglishParagraph, Origin
from bilingual_reader.teaching.vocabulary import VocabularyEntry
from bilingual_reader.teaching.words import ArticleWords, english_of, short_gloss
from bilingual_reader.thai.text import normalize_key

__all__ = [
    "cloze_instructions",
    "cloze_section",
    "english_section",
    "interlinear_section",
    "thai_section",
    "vocabulary_section",
]


def _p(index: int, headline: bool, inner: str) -> str:
    css = ' class="headline"' if headline and index == 0 else ""
    return f"<p{css}>{inner}</p>"


def _section(css: str, title: str, parts: Sequence[str]) -> str:
    return f'<section class="part {css}"><h2>{escape(title)}</h2>\n' + "\n".join(parts) + "\n</section>"


def thai_section(words: ArticleWords, headline: bool) -> str:
    """The Thai text, each glossary term marked with its footnote number, then the numbered glosses."""
    paragraphs = []
    for index, tokens in enumerate(words.tokens):
        pieces = []
        for token in tokens:
            number = words.term_number(token)
            text = escape(token.text)
            pieces.append(f'<span class="term">{text}<sup>{number}</sup></span>' if number else text)
        paragraphs.append(_p(index, headline, "".join(pieces)))
    glosses = []
    for key, number in words.term_numbers.items():
        found = words.words[key].found
        rtgs = found.pronunciation.rtgs if found.pronunciation else ""
        english = "; ".join(e for e in (english_of(c) for c in found.concepts) if e)
        definition = " ".join(c.definition for c in found.concepts if c.definition)
        glosses.append(
            f'<li value="{number}"><span lang="th">{escape(key)}</span> '
            f'<span class="rtgs">{escape(rtgs)}</span>'
            f" — {escape(english)}" + (f". {escape(definition)}" if definition else "") + "</li>"
        )
    notes = [f'<h3>Glossary terms</h3><ol class="glosses">{"".join(glosses)}</ol>'] if glosses else []
    return _section("thai", "Thai text", [*paragraphs, *notes])


def english_section(english: Sequence[EnglishParagraph], headline: bool) -> str:
    """The English of each paragraph; machine translation and a teacher's translation (from a class pack) are
    labelled as such."""
    if all(p.origin is Origin.NONE for p in english):
        note = (
            '<p class="missing">No English for this article in the translation memory yet: translate it '
            "(bilingual-reader translate ARTICLE) or open it in the reader first.</p>"
        )
        return _section("english", "English", [note])
    parts = []
    for index, paragraph in enumerate(english):
        if paragraph.origin is Origin.NONE:
            inner = '<span class="missing">(no English yet)</span>'
        elif paragraph.origin in (Origin.MACHINE, Origin.TEACHER):
            inner = f'{escape(paragraph.text)} <span class="origin">{escape(paragraph.origin.value)}</span>'
        else:
            inner = escape(paragraph.text)
        parts.append(_p(index, headline, inner))
    return _section("english", "English", parts)


def vocabulary_section(entries: Sequence[VocabularyEntry], how: str) -> str:
    """The vocabulary table."""
    if not entries:
        return _section("vocabulary", "Vocabulary", ['<p class="missing">No words chosen.</p>'])
    cols = '<colgroup><col class="num"><col class="th"><col class="rtgs"><col class="tones"><col class="en">'
    cols += '<col class="def"><col class="count"></colgroup>'
    head = (
        '<tr><th class="n">#</th><th>Thai</th><th>RTGS</th><th>Tones</th><th>English</th><th>Definition</th>'
        '<th class="n">×</th></tr>'
    )
    rows = []
    for number, e in enumerate(entries, 1):
        mark = " ★" if e.in_glossary else ""
        rows.append(
            f'<tr><td class="n">{number}</td><td class="thai" lang="th">{escape(e.thai)}{mark}</td>'
            f'<td class="rtgs">{escape(e.rtgs)}</td><td class="tones">{escape(e.tones)}</td>'
            f"<td>{escape(e.english)}</td><td>{escape(e.definition)}</td><td class='n'>{e.count}</td></tr>"
        )
    intro = f'<p class="meta">{escape(how)} ★ glossary term; × occurrences in the article.</p>'
    table = f"<table>{cols}<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    return _section("vocabulary", "Vocabulary", [intro, table])


def interlinear_section(words: ArticleWords, headline: bool) -> str:
    """Every word with its RTGS and a short English gloss under it."""
    paragraphs = []
    for index, tokens in enumerate(words.tokens):
        pieces = []
        for token in tokens:
            if not token.text.strip():
                pieces.append(" ")
                continue
            word = words.word(token)
            rtgs = word.found.pronunciation.rtgs if word and word.found.pronunciation else ""
            gloss = short_gloss(word) if word else ""
            pieces.append(
                f'<span class="w"><span class="t">{escape(token.text)}</span>'
                f'<span class="r">{escape(rtgs) or "&nbsp;"}</span>'
                f'<span class="g">{escape(gloss) or "&nbsp;"}</span></span>'
            )
        paragraphs.append(_p(index, headline, "".join(pieces)))
    return _section("interlinear thai", "Interlinear", paragraphs)


def _spread(items: list[int], count: int) -> list[int]:
    """``count`` of the items, evenly spread over them."""
    return [items[(2 * i + 1) * len(items) // (2 * count)] for i in range(count)] if count > 0 else []


def _blanked(words: ArticleWords, limit: int | None) -> set[tuple[int, int]]:
    """The (paragraph, token) places to blank: every glossary term's occurrence, or, beyond ``limit``, the
    first occurrence of as many distinct terms as fit, then more occurrences, spread over the article."""
    places = [
        (p, t)
        for p, tokens in enumerate(words.tokens)
        for t, token in enumerate(tokens)
        if words.term_number(token)
    ]
    if limit is None or len(places) <= limit:
        return set(places)
    seen: set[str] = set()
    firsts: list[int] = []
    for index, (p, t) in enumerate(places):
        key = normalize_key(words.tokens[p][t].text)
        if key not in seen:
            seen.add(key)
            firsts.append(index)
    chosen = _spread(firsts, min(limit, len(firsts)))
    others = [index for index in range(len(places)) if index not in set(firsts)]
    chosen += _spread(others, limit - len(chosen))
    return {places[index] for index in chosen}


def cloze_instructions(blanks: int, words: int, occurrences: int) -> str:
    """What the worksheet asks, as it is: ``blanks`` numbered blanks, a bank of ``words`` distinct words
    (each used at least once), and how many of the text's ``occurrences`` of glossary terms are blanked."""
    if blanks == 1:
        lines = ["Fill the numbered blank with the word in the bank."]
    elif words == 1:
        lines = [f"Fill each of the {blanks} numbered blanks with the word in the bank (it fills every one)."]
    else:
        lines = [f"Fill each of the {blanks} numbered blanks with a word from the bank ({words} words)."]
        if words == blanks:
            lines.append("Each word fills exactly one blank.")
        else:
            lines.append("Each word fills at least one blank; some fill more than one.")
    if occurrences > blanks:
        lines.append(
            f"Only {blanks} of the {occurrences} places where a glossary term occurs are blanked;"
            " the others are printed as usual."
        )
    return " ".join(lines)


def cloze_section(words: ArticleWords, headline: bool, limit: int | None = None) -> str:
    """The text with glossary terms blanked and numbered (every occurrence, or at most ``limit`` blanks
    spread over the article, each distinct term first), a word bank, and the answer key on a page of its
    own."""
    blanked = _blanked(words, limit)
    total = sum(1 for tokens in words.tokens for token in tokens if words.term_number(token) is not None)
    answers: list[str] = []
    paragraphs = []
    for index, tokens in enumerate(words.tokens):
        pieces = []
        for place, token in enumerate(tokens):
            if (index, place) not in blanked:
                pieces.append(escape(token.text))
                continue
            answers.append(normalize_key(token.text))
            pieces.append(f'<span class="blank">({len(answers)})</span>')
        paragraphs.append(_p(index, headline, "".join(pieces)))
    if not answers:
        empty = '<p class="missing">No glossary terms in this article: nothing to blank.</p>'
        return _section("cloze", "Cloze worksheet", [empty])
    bank = "".join(f'<span lang="th">{escape(term)}</span>' for term in sorted(set(answers)))
    intro = f'<p class="meta">{escape(cloze_instructions(len(answers), len(set(answers)), total))}</p>'
    key = "".join(f'<li lang="th">{escape(term)}</li>' for term in answers)
    answer_key = f'<div class="answer-key"><h2>Answer key</h2><ol class="answers">{key}</ol></div>'
    parts = [intro, f'<div class="bank thai">{bank}</div>', *paragraphs, answer_key]
    return _section("cloze thai", "Cloze worksheet", parts)
