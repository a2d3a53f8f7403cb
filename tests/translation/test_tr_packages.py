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
        "unsupported package: bpe.model",
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
