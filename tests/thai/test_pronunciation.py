"""Pronunciation: RTGS of defense and news terms, tones, sub-word fallback, digits and non-Thai input."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest
from pythainlp.tokenize import word_tokenize

from bilingual_reader.thai.pronunciation import Pronunciation, dictionary_split, pronounce


def newmm(text: str) -> list[str]:
    """The general word tokenizer the reader passes as ``split``."""
    return word_tokenize(text, engine="newmm")


# Each expected string was checked by hand against the RTGS rules (syllables of a word written together).
RTGS = [
    ("รถถัง", "rotthang"),
    ("เสื้อเกราะ", "sueakro"),
    ("ขีปนาวุธ", "khipanawut"),
    ("ทหาร", "thahan"),
    ("กองทัพ", "kongthap"),
    ("กองทัพบก", "kongthapbok"),
    ("กองทัพเรือ", "kongthapruea"),
    ("กองทัพอากาศ", "kongthapakat"),
    ("เครื่องบินขับไล่", "khrueangbinkhaplai"),
    ("เรือดำน้ำ", "rueadamnam"),
    ("เรือรบ", "ruearop"),
    ("กระสุน", "krasun"),
    ("ระเบิด", "raboet"),
    ("จรวด", "charuat"),
    ("ทุ่นระเบิด", "thunraboet"),
    ("ยุทโธปกรณ์", "yutthopakon"),
    ("อาวุธยุทโธปกรณ์", "awut yutthopakon"),  # the lexicon entry is truncated to "awut"
    ("กลาโหม", "kalahom"),
    ("รัฐมนตรี", "ratthamontri"),
    ("นายกรัฐมนตรี", "nayokratthamontri"),
    ("สงคราม", "songkhram"),
    ("สันติภาพ", "santiphap"),
    ("การเมือง", "kanmueang"),
    ("รุกราน", "rukran"),
    ("พันธมิตร", "phanthamit"),
    ("นาโต", "nato"),
    ("ยูเครน", "yukhren"),
    ("รัสเซีย", "ratsia"),
    ("ทหารราบ", "thahanrap"),
    ("ผู้บัญชาการ", "phubanchakan"),
    ("ความมั่นคง", "khwammankhong"),
    ("ชายแดน", "chaidaen"),
    ("เวชภัณฑ์", "wetchaphan"),
    ("รถหุ้มเกราะ", "rothumkro"),
    ("ปืนกล", "puenkon"),
    ("กองพัน", "kongphan"),
    ("ข่าวกรอง", "khaokhrong"),
    ("เฮลิคอปเตอร์", "helikhoptoe"),
    ("นาวิกโยธิน", "nawikkayothin"),
    ("ยุทธศาสตร์", "yutthasat"),
    ("ความขัดแย้ง", "khwamkhatyaeng"),
    ("หยุดยิง", "yutying"),
    ("ผู้ลี้ภัย", "phuliphai"),
    ("กองกำลัง", "kongkamlang"),
    # Not in the lexicon as a whole: read per newmm sub-word.
    ("ปืนใหญ่อัตตาจร", "puenyai atta chon"),
    ("อากาศยานไร้คนขับ", "akatsayan rai khonkhap"),
    ("อาวุธนิวเคลียร์", "awut niokhlia"),
    ("การซ้อมรบ", "kan somrop"),
    # In the lexicon but truncated there (one syllable): the split reading wins.
    ("ปืนไรเฟิล", "puen raifoen"),
    # One newmm token missing from the lexicon: covered by lexicon words when the syllable count changes.
    ("ทหารปืนใหญ่", "thahan puenyai"),
    ("ตะวันตกเฉียงเหนือ", "tawantok chiang nuea"),
    ("เรือหลวง", "ruea luang"),  # thaiphon reads the whole as nothing at all
    ("อยู่แล้ว", "yu laeo"),
    ("ส่งกลับ", "song klap"),
    # ... and keeps the derivation when a cover would not change it (ภูมิ|พล, เห|ล่าทัพ would be wrong).
    ("ภูมิพล", "phumiphon"),
    ("เหล่าทัพ", "laothap"),
    ("ต่าง ๆ", "tang tang"),
    ("ต่างๆ", "tang tang"),
]


@pytest.mark.parametrize(("word", "expected"), RTGS)
def test_rtgs_of_defense_and_news_terms(word: str, expected: str) -> None:
    assert pronounce(word, split=newmm).rtgs == expected


def test_tank_has_high_then_rising_tone() -> None:
    assert pronounce("รถถัง") == Pronunciation(
        rtgs="rotthang", tones="rót-tǎng", ipa="/rot̚˦˥.tʰaŋ˩˩˦/", from_lexicon=True
    )


@pytest.mark.parametrize(
    ("word", "split", "expected"),
    [
        (
            "ปืนใหญ่อัตตาจร",
            None,
            Pronunciation(
                "puenyaiattatra", "bpʉʉn-yài-àt-dtàat-rá", "/pɯːn˧.jaj˨˩.ʔat̚˨˩.taːt̚˨˩.raʔ˦˥/", False
            ),
        ),
        (
            "ปืนใหญ่อัตตาจร",
            newmm,
            Pronunciation(
                "puenyai atta chon", "bpʉʉn-yài àt-dtaa jɔɔn", "/pɯːn˧.jaj˨˩ at̚˨˩.taː˧ tɕɔːn˧/", True
            ),
        ),
        ("ปืนไรเฟิล", newmm, Pronunciation("puen raifoen", "bpʉʉn rai-fən", "/pɯːn˧ raj˧.fɤn˧/", False)),
    ],
)
def test_whole_word_and_sub_word_readings(
    word: str, split: Callable[[str], list[str]] | None, expected: Pronunciation
) -> None:
    assert pronounce(word, split=split) == expected


def test_split_that_changes_the_text_is_ignored() -> None:
    assert pronounce("ปืนใหญ่อัตตาจร", split=lambda text: ["ปืน", "x"]).rtgs == "puenyaiattatra"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("รถ\u200bถัง", Pronunciation("rotthang", "rót-tǎng", "/rot̚˦˥.tʰaŋ˩˩˦/", True)),
        ("๘๐", Pronunciation("paet sip", "bpɛ̀ɛt sìp", "/pɛːt̚˨˩ sip̚˨˩/", True)),
        (
            "๒๕๖๙",
            Pronunciation(
                "song phan ha roi hok sip kao",
                "sɔ̌ɔng pan hâa rɔ́ɔi hòk sìp gâao",
                "/sɔːŋ˩˩˦ pʰan˧ haː˥˩ rɔːj˦˥ hok̚˨˩ sip̚˨˩ kaːw˥˩/",
                True,
            ),
        ),
        ("ทหาร 5 นาย", Pronunciation("thahan 5 nai", "tá-hǎan 5 naai", "/tʰa˦˥.haːn˩˩˦ naːj˧/", True)),
        ("ทหาร ๆ", Pronunciation("thahan thahan", "tá-hǎan tá-hǎan", "/tʰa˦˥.haːn˩˩˦ tʰa˦˥.haːn˩˩˦/", True)),
        ("ๆ", Pronunciation("ๆ", "", "", False)),
        ("่", Pronunciation("่", "", "", False)),
        ("NATO", Pronunciation("NATO", "", "", False)),
        ("2026", Pronunciation("2026", "", "", False)),
        ("", Pronunciation("", "", "", False)),
        (" ", Pronunciation(" ", "", "", False)),
    ],
)
def test_invisible_characters_digits_and_non_thai(word: str, expected: Pronunciation) -> None:
    assert pronounce(word, split=newmm) == expected


def test_import_loads_no_lexicon() -> None:
    probe = (
        "import sys, bilingual_reader.thai.pronunciation\n"
        "print(sorted(m for m in sys.modules if m.startswith(('thaiphon', 'thaiphon_data'))))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    ("word", "rtgs", "tones", "ipa"),
    [
        # Issue 8 §7: the vowel of เ-าะ is short (the lexicon read it long: grɔ̀ɔ, /krɔː˨˩/); tones unchanged.
        ("เกราะ", "kro", "grɔ̀", "/krɔʔ˨˩/"),
        ("เพราะ", "phro", "prɔ́", "/pʰrɔʔ˦˥/"),
        ("เหมาะ", "mo", "mɔ̀", "/mɔʔ˨˩/"),
        ("เจาะ", "cho", "jɔ̀", "/tɕɔʔ˨˩/"),
        ("เกาะ", "ko", "gɔ̀", "/kɔʔ˨˩/"),
        ("ก็", "ko", "gɔ̂", "/kɔʔ˥˩/"),
        # ... inside compounds: short, and the glottal stop only where the word ends.
        ("เสื้อเกราะ", "sueakro", "sʉ̂a-grɔ̀", "/sɯə˥˩.krɔʔ˨˩/"),
        ("เหมาะสม", "mosom", "mɔ̀-sǒm", "/mɔ˨˩.som˩˩˦/"),
        # Their long partners stay long, with no glottal stop.
        ("กอ", "ko", "gɔɔ", "/kɔː˧/"),
        ("พอ", "pho", "pɔɔ", "/pʰɔː˧/"),
        ("หมอ", "mo", "mɔ̌ɔ", "/mɔː˩˩˦/"),
        # Short open syllables end in a glottal stop: word-final only.
        ("จะ", "cha", "jà", "/tɕaʔ˨˩/"),
        ("เตะ", "te", "dtè", "/teʔ˨˩/"),
        ("โต๊ะ", "to", "dtó", "/toʔ˦˥/"),
        ("ค่ะ", "kha", "kâ", "/kʰaʔ˥˩/"),
        ("สะพาน", "saphan", "sà-paan", "/sa˨˩.pʰaːn˧/"),
    ],
)
def test_short_and_long_vowels(word: str, rtgs: str, tones: str, ipa: str) -> None:
    found = pronounce(word, split=dictionary_split)
    assert (found.rtgs, found.tones, found.ipa) == (rtgs, tones, ipa)
