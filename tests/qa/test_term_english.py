"""Reading a supplied English translation: plain text aligned by paragraph, or TMX."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.qa.english import EnglishError, align_plain, read_english

PARAGRAPHS = ("รถถังสามคัน", "โดรนสองลำ")


def _tmx(*units: tuple[str, str]) -> str:
    body = "".join(
        f'<tu><tuv xml:lang="th-TH"><seg>{th}</seg></tuv><tuv xml:lang="en"><seg>{en}</seg></tuv></tu>'
        for th, en in units
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><tmx version="1.4"><header srclang="th" datatype="plaintext" '
        f'segtype="paragraph" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/>'
        f"<body>{body}</body></tmx>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three tanks\nTwo drones\n", ["Three tanks", "Two drones"]),
        ("\nThree tanks\n\n\nTwo drones\n\n", ["Three tanks", "Two drones"]),
        ("Three\ntanks\n\nTwo\ndrones\n", ["Three tanks", "Two drones"]),
        ("\ufeffThree\u200b tanks\r\nTwo drones", ["Three tanks", "Two drones"]),
    ],
)
def test_plain_text_alignment(text: str, expected: list[str]) -> None:
    assert align_plain(text, 2) == expected


def test_plain_text_with_the_wrong_paragraph_count(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("one\ntwo\nthree\nfour\n", encoding="utf-8")
    with pytest.raises(EnglishError) as caught:
        read_english(path, PARAGRAPHS)
    assert str(caught.value) == (
        f"{path}: 4 non-empty English lines for 2 Thai lines: give one English line per Thai line, the title "
        "included"
    )


def test_a_title_line_more_is_no_longer_dropped() -> None:
    with pytest.raises(EnglishError, match="3 non-empty English lines for 2 Thai lines"):
        align_plain("Title\nThree tanks\nTwo drones\n", 2)


def test_plain_text_file(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("Three tanks\nTwo drones\n", encoding="utf-8")
    assert read_english(path, PARAGRAPHS) == ["Three tanks", "Two drones"]


def test_tmx_by_paragraph_and_by_sentence(tmp_path: Path) -> None:
    path = tmp_path / "en.tmx"
    path.write_text(
        _tmx(("รถถังสามคัน", "Three tanks"), ("สองลำ", "two of them"), ("โดรน", "Drones:")), "utf-8"
    )
    assert read_english(path, (*PARAGRAPHS, "ไม่มี")) == ["Three tanks", "Drones: two of them", None]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.txt", b"Three tanks\n\xff\xfe bad", ":2: not UTF-8 (byte 0xff at offset 12)"),
        ("bad.tmx", b"<tmx><body><tu>", "bad XML"),
        (
            "other.tmx",
            _tmx(("abc", "def")).replace('"th-TH"', '"de"').encode(),
            "no translation unit with a Thai source",
        ),
        ("far.tmx", _tmx(("ไม่เกี่ยว", "unrelated")).encode(), "no translation unit matches a paragraph"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(EnglishError) as caught:
        read_english(path, PARAGRAPHS)
    assert str(caught.value).startswith(f"{path}:")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(EnglishError, match="no such file"):
        read_english(tmp_path / "nope.txt", PARAGRAPHS)
    with pytest.raises(EnglishError, match="is a directory"):
        read_english(tmp_path, PARAGRAPHS)


def test_reads_the_tmx_that_translate_exports(tmp_path: Path) -> None:
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="th", targetlanguage="en")
    store.addtranslation("รถถังสามคัน", "th", "Three tanks", "en")
    store.addtranslation("โดรนสองลำ", "th", "Two drones & more", "en")
    path = tmp_path / "memory.tmx"
    path.write_bytes(bytes(store))
    assert read_english(path, PARAGRAPHS) == ["Three tanks", "Two drones & more"]
