"""Fuzzing every importer and the article reader with generated hostile bytes (issue 15, "done means").

Whatever the bytes: a one-line error naming the file and an unchanged glossary, or an import whose stored
text holds no escape, control or bidi character. Never a traceback.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bilingual_reader.documents.articles import ArticleError, load_article
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats import FORMATS, FormatError
from bilingual_reader.glossary.importing import import_file
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.source import read_tsv
from bilingual_reader.glossary.store import Glossary
from glossary.test_hostile_text import UNSAFE
from support import budget

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

#: One xdist worker runs these (``--dist loadgroup``), so one imports hypothesis (~0.4 CPU-s), and only it.
pytestmark = pytest.mark.xdist_group("fuzz")

HOSTILE = [
    "\x1b]0;pwned\x07",
    "\x1b]52;c;ZXZpbA==\x1b\\",
    "\x1b]8;;http://evil/",
    "\x1b[2J",
    "\x1bP1$qm\x1b\\",
    "\x9b31m",
    "\x9d0;x\x9c",
    "\u202e",
    "\u2066",
    "\x00",
    "\r",
    "\t",
    ";",
    ",",
    '"',
    "[deprecated]",
    "<",
    "&#27;",
    "{",
    "[",
    "รถถัง",
    "tank",
    "\n",
]


def _content() -> SearchStrategy[bytes]:
    """Text built from hostile pieces and arbitrary characters, as UTF-8 or as raw bytes.

    hypothesis is imported where a test runs, not at import: every xdist worker collects this module, and
    importing hypothesis costs ~0.4 CPU-s."""
    from hypothesis import strategies as st

    pieces = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8)), max_size=40).map("".join)
    return st.one_of(pieces.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=400))


SEEDS = {
    "csv": "term,translation,subject,pos,definition,note\n{}\n",
    "omegat": "{}\tx\n",
    "json": '[{{"subject": "weapons", "terms": [{{"text": "{}", "lang": "th"}}]}}]',
    "tbx": '<martif type="TBX"><text><body><termEntry><langSet xml:lang="th"><tig><term>{}</term>'
    "</tig></langSet></termEntry></body></text></martif>",
}
_KNOWN = Concept("weapons", (Term("ปืน", "th"), Term("gun", "en")))


def _fuzz(check: Callable[..., None]) -> Callable[[], None]:
    """``check`` run on 20 examples in ``make test`` (raw bytes, and UTF-8 in a valid frame); 500 with
    DEEP_TESTS=1. ``check`` is already given its strategies."""
    from hypothesis import settings

    fuzzed: Callable[[], None] = settings(max_examples=budget(20, 500), deadline=None)(check)
    return fuzzed


def _database_text(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT subject, definition, note FROM concepts").fetchall()
        rows += conn.execute("SELECT text, pos FROM terms").fetchall()
    return [str(value) for row in rows for value in row]


def _one_line(error: Exception, path: Path) -> None:
    text = str(error)
    assert "\n" not in text, text
    assert text.startswith(str(path)), text


@pytest.fixture(scope="module")
def known_glossary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A glossary file holding ``_KNOWN``, made once a module: each example imports into a copy of it (a new
    glossary is ~8 ms of migrations, a copy well under 1)."""
    made = tmp_path_factory.mktemp("fuzz") / "known.db"
    with Glossary.open(made) as glossary:
        glossary.add(_KNOWN)
    return made


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_importer_answers_hostile_bytes(fmt: str, known_glossary: Path) -> None:
    from hypothesis import given
    from hypothesis import strategies as st

    @given(content=_content(), wrap=st.booleans())
    def check(content: bytes, wrap: bool) -> None:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / f"in{FORMATS[fmt].suffixes[0]}"
            if wrap:  # inside a valid frame, so the hostile text reaches the fields
                text = content.decode("utf-8", "replace").replace('"', "").replace("\\", "")
                source.write_bytes(SEEDS[fmt].format(text).encode("utf-8", "surrogatepass"))
            else:
                source.write_bytes(content)
            db = Path(folder) / "g.db"
            shutil.copyfile(known_glossary, db)
            with Glossary.open(db) as glossary:
                assert [c.headword for c in glossary.concepts()] == ["ปืน"]
                try:
                    import_file(glossary, source, fmt=fmt, skip_bad=True)
                except (FormatError, GlossaryError) as err:
                    _one_line(err, source)
                    assert glossary.count() == 1
            for value in _database_text(db):
                assert not UNSAFE.search(value), repr(value)

    _fuzz(check)()


def test_the_glossary_tsv_reader_answers_hostile_bytes() -> None:
    from hypothesis import given

    @given(content=_content())
    def check(content: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "glossary.tsv"
            source.write_bytes(b"id\tsubject\tthai\tenglish\tpos\tdefinition\tnote\n1\tweapons\t" + content)
            try:
                concepts = read_tsv(source)
            except GlossaryError as err:
                assert str(err).startswith(str(source))
                return
            for concept in concepts:
                texts = [concept.subject, concept.definition, concept.note, *(t.text for t in concept.terms)]
                assert not any(UNSAFE.search(t.replace("\n", " ")) for t in texts)

    _fuzz(check)()


def test_the_article_reader_answers_hostile_bytes() -> None:
    from hypothesis import given

    @given(content=_content())
    def check(content: bytes) -> None:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "article.txt"
            source.write_bytes(content)
            try:
                article = load_article(source)
            except ArticleError as err:
                _one_line(err, source)
                return
            for line in (article.title, *article.paragraphs):
                assert line and "\n" not in line
                assert not UNSAFE.search(line), repr(line)

    _fuzz(check)()
