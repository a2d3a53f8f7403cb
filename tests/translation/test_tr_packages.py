"""Installing, finding and removing Argos packages; bad package files install nothing."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from bilingual_reader.translation.locations import packages_dir
from bilingual_reader.translation.packages import (
    PackageError,
    install_file,
    installed_model,
    installed_models,
    remove_models,
)
from support import TRAINED

Member = tuple[str, bytes]


def _members(folder: Path, top: str) -> list[Member]:
    return [
        (f"{top}/{p.relative_to(folder).as_posix()}", p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]


def _write(path: Path, members: list[Member]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members:
            zf.writestr(name, data)
    return path


def _metadata(**changes: object) -> bytes:
    meta = {"package_version": "1.0", "from_code": "th", "to_code": "en", "links": [], **changes}
    return json.dumps(meta).encode()


def _replace(members: list[Member], name: str, data: bytes | None) -> list[Member]:
    kept = [(n, d) for n, d in members if not n.endswith("/" + name)]
    return kept if data is None else [*kept, (f"pkg/{name}", data)]


Mutation = Callable[[list[Member]], list[Member]]
BAD_PACKAGES: list[tuple[str, Mutation, str]] = [
    ("flat", lambda m: [(n.split("/", 1)[1], d) for n, d in m], "at the archive root"),
    ("dotdot", lambda m: [*m, ("pkg/../evil.txt", b"x")], "'..' in archive path"),
    ("absolute", lambda m: [*m, ("/etc/evil.txt", b"x")], "absolute path in archive"),
    ("hidden", lambda m: [(".pkg/" + n.split("/", 1)[1], d) for n, d in m], "hidden top-level folder"),
    ("two-tops", lambda m: [*m, ("other/readme.txt", b"x")], "one top-level folder, found 2"),
    ("no-metadata", lambda m: _replace(m, "metadata.json", None), "missing metadata.json"),
    ("bad-json", lambda m: _replace(m, "metadata.json", b"{nope"), "metadata.json is not valid JSON"),
    (
        "wrong-pair",
        lambda m: _replace(m, "metadata.json", _metadata(from_code="en", to_code="th")),
        "translates en→th, not th→en",
    ),
    ("sbd", lambda m: _replace(m, "metadata.json", _metadata(type="sbd")), "package type is 'sbd'"),
    ("no-model", lambda m: _replace(m, "model/model.bin", None), "missing model/model.bin"),
    (
        "bpe",
        lambda m: _replace(_replace(m, "sentencepiece.model", None), "bpe.model", b"x"),
        "the model does not load",
    ),
    ("no-tokenizer", lambda m: _replace(m, "sentencepiece.model", None), "missing sentencepiece.model"),
]


@pytest.mark.parametrize(("name", "mutate", "message"), BAD_PACKAGES, ids=[b[0] for b in BAD_PACKAGES])
def test_bad_package_installs_nothing(
    name: str, mutate: Mutation, message: str, random_package_dir: Path, tmp_path: Path
) -> None:
    archive = _write(tmp_path / f"{name}.argosmodel", mutate(_members(random_package_dir, "pkg")))
    with pytest.raises(PackageError) as caught:
        install_file(archive)
    assert str(caught.value).startswith(f"{archive}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not packages_dir().exists() or list(packages_dir().iterdir()) == []
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_zip_installs_nothing(keep: float, random_package_zip: Path, tmp_path: Path) -> None:
    data = random_package_zip.read_bytes()
    archive = tmp_path / "truncated.argosmodel"
    archive.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(PackageError, match="not a valid zip archive"):
        install_file(archive)
    assert not packages_dir().exists() or list(packages_dir().iterdir()) == []


def test_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="no such file"):
        install_file(tmp_path / "missing.argosmodel")


def test_install_find_and_remove(random_package_zip: Path) -> None:
    assert installed_model() is None
    model = install_file(random_package_zip)
    assert model.path == packages_dir() / "translate-th_en-0_0_1"
    assert (model.name, model.version, model.target_prefix) == ("translate-th_en-0_0_1", "0.0.1", "")
    assert model.size_bytes > 0
    assert installed_model() == model
    assert sorted(p.name for p in packages_dir().iterdir()) == ["translate-th_en-0_0_1"]
    assert remove_models() == [model.path]
    assert installed_model() is None
    assert list(packages_dir().iterdir()) == []


def test_reinstall_replaces_in_place(random_package_zip: Path) -> None:
    first = install_file(random_package_zip)
    (first.path / "stale.txt").write_text("old")
    second = install_file(random_package_zip)
    assert second.path == first.path
    assert not (second.path / "stale.txt").exists()
    assert [p.name for p in packages_dir().iterdir()] == ["translate-th_en-0_0_1"]


def test_newest_version_wins_and_argos_sees_ours(random_package_zip: Path) -> None:
    from argostranslate.package import get_installed_packages

    install_file(random_package_zip)
    trained = install_file(TRAINED)
    assert [m.version for m in installed_models()] == ["0.1.0", "0.0.1"]
    assert installed_model() == trained
    argos = get_installed_packages(path=[packages_dir()])
    assert sorted(str(p.package_version) for p in argos) == ["0.0.1", "0.1.0"]


def test_broken_and_foreign_folders_are_ignored(random_package_zip: Path) -> None:
    install_file(random_package_zip)
    (packages_dir() / "broken").mkdir()
    (packages_dir() / "broken" / "metadata.json").write_text("{nope")
    other = packages_dir() / "translate-en_de"
    other.mkdir()
    (other / "metadata.json").write_text(json.dumps({"from_code": "en", "to_code": "de"}))
    assert [m.name for m in installed_models()] == ["translate-th_en-0_0_1"]
    assert [p.name for p in remove_models()] == ["translate-th_en-0_0_1"]
    assert sorted(p.name for p in packages_dir().iterdir()) == ["broken", "translate-en_de"]


# Hostile and faulty packages (issue 15) --------------------------------------------------------------------


def _trained_members() -> list[Member]:
    with zipfile.ZipFile(TRAINED) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist() if not i.is_dir()]


def _with(members: list[Member], name: str, data: bytes) -> list[Member]:
    return [(n, data if n.endswith("/" + name) else d) for n, d in members]


def test_garbage_model_bin_is_refused_and_the_working_model_stays(tmp_path: Path) -> None:
    from bilingual_reader.translation.engines.local import LocalEngine

    good = install_file(TRAINED)
    bad = _write(
        tmp_path / "bad.argosmodel", _with(_trained_members(), "model/model.bin", b"\0garbage" * 100)
    )
    with pytest.raises(PackageError, match=f"^{bad}: the model does not load"):
        install_file(bad)
    assert installed_model() == good
    assert [p.name for p in packages_dir().iterdir()] == [good.name]
    (result,) = LocalEngine(good).translate(["โดรนบินเหนือฐานทัพ"])
    assert result.best == "A drone flew over the base."


def test_a_crash_mid_replacement_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    good = install_file(TRAINED)
    real = os.replace
    calls: list[tuple[object, object]] = []

    def crash_on_second(src: object, dst: object) -> None:
        calls.append((src, dst))
        if len(calls) == 2:  # the old package is aside, the new one not yet in place
            raise KeyboardInterrupt
        real(src, dst)  # type: ignore[arg-type,unused-ignore]

    monkeypatch.setattr(os, "replace", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        install_file(TRAINED)
    monkeypatch.setattr(os, "replace", real)
    assert installed_model() == good
    assert [p.name for p in packages_dir().iterdir()] == [good.name]


def test_after_a_kill_mid_replacement_the_next_start_puts_the_old_package_back() -> None:
    good = install_file(TRAINED)
    good.path.rename(packages_dir() / ".replacing-translate-th_en-test-0badc0de")  # a kill between renames
    (packages_dir() / ".installing-translate-th_en-test-12345678").mkdir()
    assert installed_model() == good
    assert [p.name for p in packages_dir().iterdir()] == [good.name]


def test_stale_staging_folders_are_cleaned_at_the_next_start() -> None:
    good = install_file(TRAINED)
    for stale in (
        ".installing-x-1234",
        ".removing-translate-th_en-test-99",
        ".removing-translate-th_en-test",
    ):
        (packages_dir() / stale / "model").mkdir(parents=True)
        (packages_dir() / stale / "model" / "model.bin").write_bytes(b"x" * 1000)
    assert installed_model() == good
    assert [p.name for p in packages_dir().iterdir()] == [good.name]
    assert remove_models() == [good.path]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"null", "metadata.json is not a JSON object"),
        (b"[1, 2]", "metadata.json is not a JSON object"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"package_version": 1' + b"0" * 5000 + b"}", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b'{"from_code": "th", "to_code": "en", "languages": 5}', "languages must be a list"),
        (b'{"from_code": "th", "to_code": "en", "package_version": "1.0\\u001b]0;pwn\\u0007"}', "control"),
    ],
    ids=["null", "list", "deep", "huge-int", "binary", "languages", "escape"],
)
def test_one_malformed_package_is_skipped_and_reported(content: bytes, reason: str) -> None:
    good = install_file(TRAINED)
    other = packages_dir() / "translate-de_en"
    other.mkdir()
    (other / "metadata.json").write_bytes(content)
    seen: list[str] = []
    assert installed_model(report=seen.append) == good
    assert len(seen) == 1 and reason in seen[0] and "\n" not in seen[0] and str(other) in seen[0]
    assert remove_models() == [good.path]
    assert [p.name for p in packages_dir().iterdir()] == ["translate-de_en"]


def test_packages_dir_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a_file = tmp_path / "packages"
    a_file.write_text("not a folder")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(a_file))
    seen: list[str] = []
    assert installed_model(report=seen.append) is None
    assert seen == [f"skipped {a_file}: the packages folder (ARGOS_PACKAGES_DIR) is not a folder"]
    assert remove_models() == []
    with pytest.raises(PackageError, match="is not a folder"):
        install_file(TRAINED)


REAL_METADATA = [
    # LibreTranslate Locomotive's opus_mt_convert.py: no links
    {"package_version": "1.0", "argos_version": "1.9.0", "from_code": "th", "from_name": "Thai",
     "to_code": "en", "to_name": "English"},
    # argospm-index style: code, https and ipfs links (and the index's "ifps" typo)
    {"package_version": "1.9", "argos_version": "1.9.0", "from_code": "th", "from_name": "Thai",
     "to_code": "en", "to_name": "English", "links": ["https://example.org/translate-th_en-1_9.argosmodel", "ifps://Qm"],
     "code": "translate-th_en"},
    # Argos 1.5-era numbers, languages, dependencies, explicit type, an NLLB-style target prefix
    {"package_version": 1.5, "argos_version": 1.5, "from_code": "th", "to_code": "en", "type": "translate",
     "languages": [{"code": "th", "name": "Thai"}], "dependencies": [], "source_languages": [],
     "target_languages": [], "from_codes": ["th"], "to_codes": ["en"], "target_prefix": "__en__"},
]  # fmt: skip


@pytest.mark.parametrize("metadata", REAL_METADATA, ids=["locomotive", "argospm-index", "older"])
def test_every_real_metadata_combination_installs(metadata: dict[str, object], tmp_path: Path) -> None:
    archive = _write(
        tmp_path / "real.argosmodel",
        _with(_trained_members(), "metadata.json", json.dumps(metadata).encode()),
    )
    model = install_file(archive)
    assert model.version == str(metadata["package_version"])
    assert model.target_prefix == metadata.get("target_prefix", "")
