"""XLIFF 1.2/2.0 and TMX read as Thai/English units; our XLIFF read back; hostile and broken files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilingual_reader.documents.bilingual import BilingualError, read_bilingual, xliff_bytes

XLIFF2 = """<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="th" trgLang="en">
 <file id="f1"><unit id="u1"><segment><source>กองทัพเรือ</source><target>The navy</target></segment></unit>
 <unit id="u2"><segment><source>รถถัง</source></segment></unit></file>
</xliff>"""
TMX = """<?xml version="1.0"?>
<tmx version="1.4"><header srclang="th" datatype="plaintext" segtype="paragraph" adminlang="en"
 creationtool="t" creationtoolversion="1" o-tmf="t"/><body>
 <tu><tuv xml:lang="th"><seg>กองทัพเรือ</seg></tuv><tuv xml:lang="en"><seg>The navy</seg></tuv></tu>
</body></tmx>"""
BOMB = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>"""
EXTERNAL = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file><body><trans-unit id="1"><source>&e;</source></trans-unit></body></file></xliff>"""


def test_our_xliff_is_1_2_and_reads_back(tmp_path: Path) -> None:
    data = xliff_bytes("a.txt", ["กองทัพเรือ", "รถถัง 3 คัน"], ["The navy", None], [True, False])
    assert b'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in data and b'version="1.2"' in data
    assert b'state="needs-review-translation"' in data
    path = tmp_path / "a.xlf"
    path.write_bytes(data)
    read = read_bilingual(path)
    assert read.format == "xliff-1.2"
    assert [(u.id, u.thai, u.english) for u in read.units] == [
        ("p1", "กองทัพเรือ", "The navy"),
        ("p2", "รถถัง 3 คัน", None),
    ]


@pytest.mark.parametrize(("text", "kind"), [(XLIFF2, "xliff-2.0"), (TMX, "tmx")])
def test_xliff2_and_tmx(tmp_path: Path, text: str, kind: str) -> None:
    path = tmp_path / "f.xlf"
    path.write_text(text, encoding="utf-8")
    read = read_bilingual(path)
    assert read.format == kind
    assert read.thai[0] == "กองทัพเรือ" and read.english[0] == "The navy"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BOMB, "refused unsafe XML (EntitiesForbidden)"),
        (EXTERNAL, "refused unsafe XML"),
        ('<?xml version="1.0"?>\n<xliff version="1.2">\n<file><body>\n<source>x</sourc>', ":4: bad XML"),
        ("", "empty file"),
        ('<?xml version="1.0"?><html/>', "not XLIFF or TMX"),
        ('<?xml version="1.0"?><xliff version="1.2"><file><body/></file></xliff>', "no translation unit"),
    ],
)
def test_bad_files_are_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BilingualError) as error:
        read_bilingual(path)
    assert message in str(error.value) and str(path) in str(error.value) and "\n" not in str(error.value)


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.xlf"
    os.mkfifo(fifo)
    with pytest.raises(BilingualError, match="not a regular file"):
        read_bilingual(fifo)
