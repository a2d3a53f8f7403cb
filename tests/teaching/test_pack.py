"""Class packs: made on a teacher's side, opened on a student's (articles, merged concepts, the teacher's
English), a second opening changing nothing, and every hostile pack refused whole with one line."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

import pytest

from bilingual_reader.documents.articles import load_article
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.teaching import pack_format
from bilingual_reader.teaching.english import Origin, article_english
from bilingual_reader.teaching.handout import HandoutOptions, Section, handout_html
from bilingual_reader.teaching.pack_create import pack_bytes
from bilingual_reader.teaching.pack_format import MAX_UNPACKED_BYTES, PackError
from bilingual_reader.teaching.pack_open import OpenReport, open_pack, pack_folder
from bilingual_reader.teaching.pack_read import read_pack
from bilingual_reader.translation.engines.base import SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.translation.post_edits import pack_machine_english, post_edited
from bilingual_reader.translation.session import open_session
from support import ROOT
from teaching.handout_data import small_article, small_glossary

ARTICLES = sorted((ROOT / "articles").glob("*.txt"))


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A pack of the small article: both concepts; English for both paragraphs (a post-edit, a machine)."""
    article = small_article(tmp_path)
    with TranslationMemory(tmp_path / "teacher.db") as memory, small_glossary() as glossary:
        memory.put_sentence(
            "m", "s", SentenceTranslation(article.paragraphs[0], "The navy buys a submarine.", ())
        )
        memory.save_post_edit(article.article_id, 1, article.paragraphs[1], "The navy gets it next year.")
        made = pack_bytes("Class 3B", [article], glossary, memory)
    assert (made.articles, made.concepts, made.english) == (1, 2, 2)
    path = tmp_path / "class.brpack"
    path.write_bytes(made.data)
    return path


def test_a_pack_holds_a_manifest_articles_glossary_and_memory(pack: Path) -> None:
    with zipfile.ZipFile(pack) as zf:
        assert zf.namelist() == ["manifest.json", "articles/small.txt", "glossary.json", "memory.tmx"]
        manifest = json.loads(zf.read("manifest.json"))
        head = (manifest["format"], manifest["version"], manifest["name"])
        assert head == ("bilingual-reader class pack", 1, "Class 3B")
        for entry in manifest["files"]:
            body = zf.read(entry["path"])
            assert (entry["size"], entry["sha256"]) == (len(body), hashlib.sha256(body).hexdigest())


def _counts(report: OpenReport) -> tuple[int, int, int, int]:
    return report.articles_added, report.articles_present, report.english_saved, report.english_present


def test_opening_a_pack_brings_articles_terms_and_english_and_twice_changes_nothing(
    pack: Path, tmp_path: Path
) -> None:
    checked = read_pack(pack)
    article = checked.articles["small.txt"]
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        first = open_pack(checked, glossary, memory)
        assert _counts(first) == (1, 0, 2, 0)
        assert (first.glossary.added, first.glossary.skipped) == (2, 0)
        assert sorted(c.headword for c in glossary.concepts()) == ["กองทัพเรือ", "เรือดำน้ำ"]
        assert {c.origin for c in glossary.concepts()} == {"class pack Class 3B"}
        assert memory.get_post_edit(article.article_id, 0, article.paragraphs[0]) is None  # machine English:
        machine = pack_machine_english(memory, article.paragraphs)  # kept as the pack's, not as an edit
        assert machine == {article.paragraphs[0]: ("The navy buys a submarine.", "class pack: Class 3B")}
        assert (
            memory.get_post_edit(article.article_id, 1, article.paragraphs[1])
            == "The navy gets it next year."
        )
        stored = pack_folder("Class 3B") / "small.txt"
        assert load_article(stored).article_id == article.article_id
        before = stored.stat().st_mtime_ns
        again = open_pack(read_pack(pack), glossary, memory)
        assert _counts(again) == (0, 1, 0, 2)
        assert (again.glossary.added, again.glossary.merged, again.glossary.skipped) == (0, 0, 2)
        assert glossary.count() == 2 and stored.stat().st_mtime_ns == before


def test_the_packs_english_is_the_teachers_translation_until_the_student_edits_it(
    pack: Path, tmp_path: Path
) -> None:
    checked = read_pack(pack)
    article = checked.articles["small.txt"]
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        open_pack(checked, glossary, memory)
        stored = load_article(pack_folder("Class 3B") / "small.txt")
        shown = [(r.source, r.english, r.teacher) for r in post_edited(stored, memory)]
        assert shown == [
            ("memory", "The navy buys a submarine.", False),  # the teacher's machine English stays machine
            ("post-edit", "The navy gets it next year.", True),
        ]
        origins = [p.origin for p in article_english(article.article_id, article.paragraphs, memory)]
        assert origins == [Origin.MACHINE, Origin.TEACHER]
        page = handout_html(stored, glossary, memory, HandoutOptions(sections=frozenset({Section.ENGLISH})))
        assert page.count('<span class="origin">teacher&#x27;s translation</span>') == 1
        assert page.count('<span class="origin">machine translation</span>') == 1
        memory.save_post_edit(article.article_id, 1, article.paragraphs[1], "My own English.")
        assert [(r.source, r.teacher) for r in post_edited(stored, memory)] == [
            ("memory", False), ("post-edit", False)
        ]  # fmt: skip
        origins = [p.origin for p in article_english(article.article_id, article.paragraphs, memory)]
        assert origins == [Origin.MACHINE, Origin.POST_EDIT]


@pytest.mark.usefixtures("trained_model")
def test_a_student_with_a_model_sees_the_teachers_translation_beside_the_machines(
    pack: Path, tmp_path: Path
) -> None:
    checked = read_pack(pack)
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        open_pack(checked, glossary, memory)
    stored = load_article(pack_folder("Class 3B") / "small.txt")
    with open_session(memory_path=tmp_path / "student.db") as session:
        first = sorted(session.translate(stored), key=lambda r: r.index)  # the model translates paragraph 0
        assert [(r.source, r.teacher) for r in first] == [("engine", False), ("post-edit", True)]
        shown = sorted(session.translate(stored), key=lambda r: r.index)
        assert [(r.source, r.teacher) for r in shown] == [("memory", False), ("post-edit", True)]
        again = session.retranslate(stored, 1)
        assert (again.english, again.teacher) == ("The navy gets it next year.", True)
        origins = [p.origin for p in article_english(stored.article_id, stored.paragraphs, session.memory)]
        assert origins == [Origin.MACHINE, Origin.TEACHER]
        english = HandoutOptions(sections=frozenset({Section.ENGLISH}))
        with Glossary.memory() as glossary:
            page = handout_html(stored, glossary, session.memory, english)
    assert page.count('<span class="origin">teacher&#x27;s translation</span>') == 1
    assert page.count('<span class="origin">machine translation</span>') == 1


def test_flashcards_come_out_named_beside_the_articles(pack: Path, tmp_path: Path) -> None:
    deck = _zip({"collection.anki2": b"SQLite format 3\x00", "media": b"{}"})
    with_cards = _rebuild(pack, tmp_path / "cards.brpack", {"cards.apkg": deck})
    checked = read_pack(with_cards)
    assert checked.cards == deck
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        report = open_pack(checked, glossary, memory)
        assert report.cards == pack_folder("Class 3B") / "Class 3B-cards.apkg"
        assert report.cards.read_bytes() == deck
        assert _counts(open_pack(checked, glossary, memory)) == (0, 1, 0, 2)


def test_a_students_own_edit_is_kept(pack: Path, tmp_path: Path) -> None:
    checked = read_pack(pack)
    article = checked.articles["small.txt"]
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        memory.save_post_edit(article.article_id, 1, article.paragraphs[1], "My own English.")
        report = open_pack(checked, glossary, memory)
        assert (report.english_saved, report.english_present) == (1, 1)
        assert memory.get_post_edit(article.article_id, 1, article.paragraphs[1]) == "My own English."


def test_the_shipped_articles_pack_only_their_concepts_unless_asked(tmp_path: Path) -> None:
    articles = [load_article(path) for path in ARTICLES]
    with Glossary.open(ROOT / "glossary.db", read_only=True) as glossary:
        found = pack_bytes("shipped", articles, glossary, None)
        whole = pack_bytes("shipped", articles, glossary, None, whole_glossary=True)
        total = glossary.count()
    assert (found.articles, whole.concepts) == (3, total)
    assert 100 < found.concepts < total
    path = tmp_path / "p.brpack"
    path.write_bytes(found.data)
    assert [a.article_id for a in read_pack(path).articles.values()] == [a.article_id for a in articles]


# Hostile packs ---------------------------------------------------------------------------------------------


def _rebuild(
    pack: Path,
    target: Path,
    change: Mapping[str, bytes | None],
    *,
    manifest: bool = True,
    extra: list[zipfile.ZipInfo] | None = None,
) -> Path:
    """The pack with members changed (None: removed); the manifest rewritten to match if ``manifest``."""
    with zipfile.ZipFile(pack) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    for name, body in change.items():
        if body is None:
            members.pop(name, None)
        else:
            members[name] = body
    if manifest:
        listed = json.loads(members["manifest.json"])
        digests: dict[int, str] = {}  # by body: the zip bomb's 26 members are one 5 MiB bytes object
        listed["files"] = [
            {"path": n, "size": len(b), "sha256": digests.get(id(b)) or digests.setdefault(id(b), _sha256(b))}
            for n, b in members.items() if n != "manifest.json"
        ]  # fmt: skip
        members["manifest.json"] = json.dumps(listed).encode()
    buffer = io.BytesIO()
    # The fastest level: the huge members below compress as small at it, three times as fast.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
        for info in extra or []:
            zf.writestr(info, b"x")
    target.write_bytes(buffer.getvalue())
    return target


def _sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _link(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.external_attr = (0o120777) << 16
    return info


def _manifest_with(pack: Path, **fields: object) -> bytes:
    with zipfile.ZipFile(pack) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    manifest.update(fields)
    return json.dumps(manifest).encode()


def _zip(members: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buffer.getvalue()


class Blank(int):
    """A member of this many spaces, made when its case runs (not 96 MiB in every worker that collects)."""


HOSTILE = [
    ("dotdot", {"articles/../../evil.txt": "กก".encode()}, True, None, "'..' in a path in the pack"),
    ("absolute", {"/etc/evil.txt": b"x"}, True, None, "absolute path in the pack"),
    ("unexpected", {"run.sh": b"rm -rf ~"}, True, None, "unexpected member 'run.sh'"),
    ("hidden", {"articles/.bashrc.txt": b"x"}, True, None, "unexpected member 'articles/.bashrc.txt'"),
    ("nested", {"articles/a/b.txt": b"x"}, True, None, "unexpected member 'articles/a/b.txt'"),
    ("link", {}, True, [_link("articles/link.txt")], "a link in the pack: 'articles/link.txt'"),
    ("folder", {}, True, [zipfile.ZipInfo("articles/sub/")], "a folder in the pack: 'articles/sub/'"),
    ("huge member", {"glossary.json": Blank(64 * 1024**2 + 1)}, True, None, "glossary.json is too large"),
    ("wrong checksum", {"articles/small.txt": "กองทัพบก\n".encode()}, False, None,
     "articles/small.txt does not match its checksum"),
    ("unlisted member", {"memory.tmx": None}, False, None, "the manifest does not list exactly"),
    ("no manifest", {"manifest.json": None}, False, None, "no manifest.json (not a class pack)"),
    ("no article", {"articles/small.txt": None}, True, None, "a pack holds 1 to 200 articles"),
    ("binary article", {"articles/small.txt": b"\xff\xfe\x00"}, True, None, "not a readable article"),
    ("bad glossary", {"glossary.json": b"{"}, True, None, "glossary.json:1: bad JSON"),
    ("bad memory", {"memory.tmx": b"<!DOCTYPE x [<!ENTITY a 'a'>]><tmx/>"}, True, None, "memory.tmx"),
    ("cards not a zip", {"cards.apkg": b"#!/bin/sh"}, True, None, "cards.apkg is not an Anki package"),
    ("cards without a collection", {"cards.apkg": _zip({"media": b"{}"})}, True, None,
     "cards.apkg is not an Anki package (no collection in it)"),
    ("huge cards", {"cards.apkg": Blank(32 * 1024**2 + 1)}, True, None, "cards.apkg is too large"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "manifest", "extra", "message"), [h[1:] for h in HOSTILE],
                         ids=[h[0] for h in HOSTILE])  # fmt: skip
def test_hostile_packs_are_refused_with_one_line(
    pack: Path, tmp_path: Path, change: dict[str, bytes | Blank | None], manifest: bool,
    extra: list[zipfile.ZipInfo] | None, message: str,
) -> None:  # fmt: skip
    members = {name: b" " * body if isinstance(body, Blank) else body for name, body in change.items()}
    bad = _rebuild(pack, tmp_path / "bad.brpack", members, manifest=manifest, extra=extra)
    with pytest.raises(PackError) as caught:
        read_pack(bad)
    assert str(caught.value).startswith(f"{bad}: ") and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_member_of_its_listed_size_with_other_bytes_is_refused(pack: Path, tmp_path: Path) -> None:
    """The checksum itself is compared, not only the size (the lines of the article in another order)."""
    with zipfile.ZipFile(pack) as zf:
        body = zf.read("articles/small.txt")
    changed = b"\n".join(reversed(body.rstrip(b"\n").split(b"\n"))) + b"\n"
    assert len(changed) == len(body) and changed != body
    bad = _rebuild(pack, tmp_path / "bad.brpack", {"articles/small.txt": changed}, manifest=False)
    with pytest.raises(PackError, match=r"articles/small\.txt does not match its checksum"):
        read_pack(bad)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"format": "something else"}, "not a class pack (manifest.json does not say"),
        ({"version": 2}, "class pack version 2; this program reads version 1"),
        ({"name": "../../home"}, "the pack's name must be a plain name, not '../../home'"),
        ({"name": ".hidden"}, "the pack's name must be a plain name"),
        ({"files": "all"}, "'files' must be a list of objects"),
    ],
)
def test_a_manifest_that_lies_is_refused(
    pack: Path, tmp_path: Path, fields: dict[str, object], message: str
) -> None:
    bad = _rebuild(
        pack, tmp_path / "bad.brpack", {"manifest.json": _manifest_with(pack, **fields)}, manifest=False
    )
    with pytest.raises(PackError) as caught:
        read_pack(bad)
    assert message in str(caught.value)


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04 not really", b"plain text"])
def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, data: bytes) -> None:
    bad = tmp_path / "bad.brpack"
    bad.write_bytes(data)
    with pytest.raises(PackError, match="not a valid zip file"):
        read_pack(bad)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(pack: Path, tmp_path: Path) -> None:
    limit = pack_format.LIMITS[pack_format.ARTICLES]
    article = "ก".encode() * (limit // 3)  # each article within its limit (5 MiB) ...
    bomb = {f"articles/a{n}.txt": article for n in range(MAX_UNPACKED_BYTES // len(article) + 1)}
    assert len(article) * len(bomb) > MAX_UNPACKED_BYTES  # ... 26 of them past the total's (130 MiB)
    bad = _rebuild(pack, tmp_path / "bomb.brpack", bomb)
    assert bad.stat().st_size < 2 * 1024**2  # ~0.6 MiB zipped
    with pytest.raises(PackError, match="unpacks to more than 134,217,728 bytes"):
        read_pack(bad)


def test_a_bad_concept_opens_nothing(pack: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(pack) as zf:
        data = json.loads(zf.read("glossary.json"))
    data["concepts"].append({"subject": "naval", "terms": []})  # a concept without terms
    bad = _rebuild(pack, tmp_path / "bad.brpack", {"glossary.json": json.dumps(data).encode()})
    checked = read_pack(bad)
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        with pytest.raises(PackError, match=r"glossary.json:\d+: .*; nothing opened"):
            open_pack(checked, glossary, memory)
        assert glossary.count() == 0
        assert memory.conn.execute("select count(*) from post_edits").fetchone() == (0,)
    assert not pack_folder("Class 3B").exists()


def test_an_article_that_would_overwrite_another_opens_nothing(pack: Path, tmp_path: Path) -> None:
    folder = pack_folder("Class 3B")
    folder.mkdir(parents=True)
    (folder / "small.txt").write_text("another text\n", encoding="utf-8")
    with Glossary.memory() as glossary, TranslationMemory(tmp_path / "student.db") as memory:
        with pytest.raises(PackError, match="exists with other text"):
            open_pack(read_pack(pack), glossary, memory)
        assert glossary.count() == 0
    assert (folder / "small.txt").read_text(encoding="utf-8") == "another text\n"
