"""How a Thai word sounds: RTGS, tone-marked (Paiboon) and IPA readings from thaiphon + Volubilis."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilingual_reader.thai.corpora import is_thai_word, tcc_clusters
from bilingual_reader.thai.pronunciation_table import reading
from bilingual_reader.thai.short_vowels import ends_short_open, shorten, with_glottal_stop
from bilingual_reader.thai.text import clean_text

if TYPE_CHECKING:
    from thaiphon.model.word import PhonologicalWord

__all__ = ["Pronunciation", "compute", "dictionary_split", "pronounce"]

# Thai letters, vowels, tone marks, mai yamok and paiyannoi; not digits, baht sign or punctuation.
_THAI_RUN = re.compile(r"[\u0e01-\u0e3a\u0e40-\u0e4e]+")
_THAI_DIGITS = re.compile(r"[\u0e50-\u0e59]+")
_RUNS = re.compile(r"ๆ|[\u0e01-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+|[\u0e50-\u0e59]+|\S+")
_NUMBER_WORD = re.compile("ศูนย์|หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่|เอ็ด|ร้อย|พัน|หมื่น|แสน|ล้าน")
_MAI_YAMOK = "ๆ"
_MAX_PIECE_CLUSTERS = 12  # the longest sub-word (in Thai character clusters) tried when covering a word


@dataclass(frozen=True)
class Pronunciation:
    """A reading of a word: RTGS, tone-marked Paiboon (``tones``), IPA, and whether the lexicon knew it."""

    rtgs: str
    tones: str
    ipa: str
    from_lexicon: bool


@dataclass(frozen=True)
class _Part:
    rtgs: str
    tones: str
    ipa: str
    from_lexicon: bool
    syllables: int


_EMPTY = _Part("", "", "", False, 0)


@functools.cache
def _renderers() -> tuple[Callable[[PhonologicalWord], str], ...]:
    """The three renderers, built once (importing thaiphon's renderers is the heavy part)."""
    from thaiphon import renderers  # noqa: F401  (registers the built-in schemes)
    from thaiphon.registry import RENDERERS
    from thaiphon.renderers.base import RenderContext

    ctx = RenderContext(format="text", profile="everyday")

    def make(scheme: str) -> Callable[[PhonologicalWord], str]:
        renderer = RENDERERS.get(scheme)
        return lambda word: renderer.render_word(word, ctx)

    return make("rtgs"), make("paiboon"), make("ipa")


@functools.lru_cache(maxsize=8192)
def _analyze(word: str, final: bool = True) -> _Part:
    """Transcribe one Thai-letter word as a whole (thaiphon rejects some strings, such as a leading mark)."""
    from thaiphon import analyze
    from thaiphon.errors import ThaiphonError

    try:
        result = analyze(word, is_final_in_compound=final)
    except ThaiphonError:
        return _EMPTY
    best = shorten(result.best, word)
    rtgs, tones, ipa = (render(best) for render in _renderers())
    if final and ends_short_open(best):
        ipa = with_glottal_stop(ipa)
    return _Part(rtgs, tones, ipa.strip("/"), result.source == "lexicon", len(best.syllables))


def _join(parts: Sequence[_Part]) -> _Part:
    parts = [p for p in parts if p.syllables]
    return _Part(
        " ".join(p.rtgs for p in parts),
        " ".join(p.tones for p in parts),
        " ".join(p.ipa for p in parts),
        bool(parts) and all(p.from_lexicon for p in parts),
        sum(p.syllables for p in parts),
    )


def _in_lexicon(piece: str) -> bool:
    """A sub-word fit to cover a word with: in both Volubilis and pythainlp's word list, not a lone letter."""
    from thaiphon.lexicons.exact import entries

    return len(piece) > 1 and is_thai_word(piece) and piece in entries()


def _lexicon_cover(word: str) -> list[str] | None:
    """Split ``word`` into two or more Volubilis words at cluster boundaries: fewest pieces first."""
    ends = [0]
    for cluster in tcc_clusters(word):
        ends.append(ends[-1] + len(cluster))
    best: list[tuple[int, int, list[str]] | None] = [(0, 0, [])] + [None] * (len(ends) - 1)
    for i in range(1, len(ends)):
        for j in range(max(0, i - _MAX_PIECE_CLUSTERS), i):
            before, piece = best[j], word[ends[j] : ends[i]]
            if before is None or piece == word or not _in_lexicon(piece):
                continue
            candidate = (before[0] + 1, before[1] + _analyze(piece).syllables, [*before[2], piece])
            current = best[i]
            if current is None or candidate[:2] < current[:2]:
                best[i] = candidate
    found = best[-1]
    return found[2] if found is not None and found[0] > 1 else None


def _piece(piece: str, final: bool) -> _Part:
    """A sub-word: the lexicon's reading, else a cover by lexicon words when its syllable count differs."""
    part = _analyze(piece, final)
    cover = _lexicon_cover(piece)
    if cover is None:
        return part
    covered = _join([_analyze(p, final and i == len(cover) - 1) for i, p in enumerate(cover)])
    if part.from_lexicon:
        # Trust the lexicon unless its entry is truncated (อาวุธยุทโธปกรณ์ reads as just "awut"): then its
        # words together have more syllables. Compounds with a linking vowel have fewer, and stay whole.
        return covered if covered.syllables > part.syllables else part
    return covered if covered.syllables != part.syllables else part


def _thai_word(word: str, split: Callable[[str], list[str]] | None) -> _Part:
    """A Thai-letter run: the whole word from the lexicon, else its sub-words (when ``split`` is given)."""
    whole = _analyze(word)
    if split is None:
        return whole
    pieces = [p for p in split(word) if p.strip()]
    if "".join(pieces) != word:  # the splitter dropped or changed characters: do not trust it
        pieces = [word]
    joined = _join([_piece(p, i == len(pieces) - 1) for i, p in enumerate(pieces)])
    # Some lexicon entries are truncated (ปืนไรเฟิล reads as one syllable): then the split reading wins.
    if whole.from_lexicon and whole.syllables >= joined.syllables:
        return whole
    return joined


def _repeat(parts: list[_Part], texts: Sequence[str]) -> list[_Part]:
    """Read a separate mai yamok (ๆ) as the part before it again."""
    out: list[_Part] = []
    for part, text in zip(parts, texts, strict=True):
        out.append(out[-1] if text == _MAI_YAMOK and out else part)
    return out


def _thai_number(digits: str) -> _Part:
    """Thai digits read as a Thai number, one number word at a time (๘๐ → paet sip)."""
    from pythainlp.util import num_to_thaiword, thai_digit_to_arabic_digit

    spelled = num_to_thaiword(int(thai_digit_to_arabic_digit(digits)))
    return _join([_analyze(w) for w in _NUMBER_WORD.findall(spelled)])


def pronounce(word: str, split: Callable[[str], list[str]] | None = None) -> Pronunciation:
    """Read ``word`` aloud in RTGS, tone-marked Paiboon and IPA (see :func:`compute`).

    With ``split=dictionary_split`` (as ``lookup`` asks) a term of the shipped glossary is answered from the
    readings computed ahead (``thai.pronunciation_table``) without loading thaiphon; the same reading.
    """
    if split is dictionary_split:
        known = reading(word)
        if known is not None:
            return Pronunciation(*known)
    return compute(word, split)


def compute(word: str, split: Callable[[str], list[str]] | None = None) -> Pronunciation:
    """Read ``word`` aloud in RTGS, tone-marked Paiboon and IPA with thaiphon.

    A word missing from the Volubilis lexicon is transcribed per sub-word when ``split`` (a word tokenizer
    such as pythainlp's ``word_tokenize``; not one that keeps glossary terms whole) is given, the parts joined
    with spaces; a sub-word still missing is covered by lexicon words when that changes its syllable count.
    Thai digits are read as a Thai number. Text without Thai comes back unchanged in ``rtgs`` with empty
    ``tones``/``ipa``; in mixed text, non-Thai runs pass through in ``rtgs`` and ``tones`` only.
    ``from_lexicon`` is true when every Thai part came from the lexicon.
    """
    text = clean_text(word)
    if not (_THAI_RUN.search(text) or _THAI_DIGITS.search(text)):
        return Pronunciation(rtgs=word, tones="", ipa="", from_lexicon=False)
    runs = _RUNS.findall(text)
    parts: list[_Part] = []
    for run in runs:
        if run == _MAI_YAMOK:
            parts.append(_EMPTY)  # replaced by the part before it, if any
        elif _THAI_RUN.fullmatch(run):
            parts.append(_thai_word(run, split))
        elif _THAI_DIGITS.fullmatch(run):
            parts.append(_thai_number(run))
        else:
            parts.append(_Part(run, run, "", True, 0))
    parts = _repeat(parts, runs)
    thai = [p for p in parts if p.syllables]
    if not thai:
        return Pronunciation(rtgs=word, tones="", ipa="", from_lexicon=False)
    return Pronunciation(
        rtgs=" ".join(p.rtgs for p in parts if p.rtgs),
        tones=" ".join(p.tones for p in parts if p.tones),
        ipa=f"/{' '.join(p.ipa for p in thai)}/",
        from_lexicon=all(p.from_lexicon for p in thai),
    )


def dictionary_split(word: str) -> list[str]:
    """Split a compound into dictionary words (pythainlp's word list, no glossary) for pronunciation."""
    from bilingual_reader.thai.splitting import split_words

    return split_words(word)
