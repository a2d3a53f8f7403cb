"""Thai→English Argos packages: validate a ``.argosmodel`` file, install it atomically, find it, remove it."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from bilingual_reader.translation.locations import packages_dir

MAX_UNPACKED_BYTES = 2 * 1024**3
SOURCE, TARGET = "th", "en"


class PackageError(Exception):
    """A package file or directory that cannot be used; ``str(err)`` is one line naming the file."""


@dataclass(frozen=True)
class InstalledModel:
    """An installed Thai→English package."""

    path: Path
    name: str
    version: str
    target_prefix: str
    size_bytes: int

    @property
    def key(self) -> str:
        """Identifies the model in the translation memory: folder name, version and model file size."""
        return f"{self.name}@{self.version}:{(self.path / 'model' / 'model.bin').stat().st_size}"


def _fail(path: Path, reason: str) -> PackageError:
    return PackageError(f"{path}: {reason}")


def _check_names(path: Path, infos: list[zipfile.ZipInfo]) -> str:
    """Reject unsafe member names; return the single top-level folder."""
    tops: set[str] = set()
    for info in infos:
        name = info.filename
        pure = PurePosixPath(name)
        if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
            raise _fail(path, f"absolute path in archive: {name!r}")
        if ".." in pure.parts:
            raise _fail(path, f"'..' in archive path: {name!r}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise _fail(path, f"symbolic link in archive: {name!r}")
        if len(pure.parts) == 1 and not info.is_dir():
            raise _fail(path, f"file {name!r} at the archive root (a package needs one top-level folder)")
        tops.add(pure.parts[0])
    if len(tops) != 1:
        raise _fail(path, f"expected one top-level folder, found {len(tops)}")
    top = tops.pop()
    if top.startswith("."):
        raise _fail(path, f"hidden top-level folder {top!r}")
    return top


def check_metadata(path: Path, metadata: Any) -> None:
    """Require a Thai→English translation package."""
    if not isinstance(metadata, dict):
        raise _fail(path, "metadata.json is not a JSON object")
    kind = metadata.get("type", "translate")
    if kind != "translate":
        raise _fail(path, f"package type is {kind!r}, not 'translate'")
    pair = (metadata.get("from_code"), metadata.get("to_code"))
    if pair != (SOURCE, TARGET):
        raise _fail(path, f"package translates {pair[0]}→{pair[1]}, not {SOURCE}→{TARGET}")


def _check_files(path: Path, top: str, names: set[str]) -> None:
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in names:
            raise _fail(path, f"missing {required} (not a CTranslate2 model)")
    if f"{top}/sentencepiece.model" not in names:
        if f"{top}/bpe.model" in names:
            raise _fail(
                path, "unsupported package: bpe.model tokenizer (only sentencepiece.model is supported)"
            )
        raise _fail(path, "missing sentencepiece.model")


def validate_archive(path: Path) -> str:
    """Check a ``.argosmodel`` file without extracting it; return its top-level folder name."""
    if not path.is_file():
        raise _fail(path, "no such file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            top = _check_names(path, infos)
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise _fail(path, f"unpacks to more than {MAX_UNPACKED_BYTES} bytes")
            names = {i.filename for i in infos}
            if f"{top}/metadata.json" not in names:
                raise _fail(path, "missing metadata.json")
            try:
                metadata = json.loads(zf.read(f"{top}/metadata.json").decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as err:
                raise _fail(path, f"metadata.json is not valid JSON ({err})") from None
            check_metadata(path, metadata)
            _check_files(path, top, names)
            bad = zf.testzip()
            if bad is not None:
                raise _fail(path, f"corrupt member {bad!r}")
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError) as err:
        raise _fail(path, f"not a valid zip archive ({err})") from None
    return top


def install_file(path: Path) -> InstalledModel:
    """Validate and install a package file; it replaces any package with the same folder name atomically."""
    top = validate_archive(path)
    root = packages_dir()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        try:
            with zipfile.ZipFile(path) as zf:
                zf.extractall(staging)
        except (zipfile.BadZipFile, OSError) as err:
            raise _fail(path, f"cannot extract ({err})") from None
        read_package(staging / top)  # the extracted files must form a usable package
        dest = root / top
        if dest.exists():
            os.replace(dest, staging / ".old")
        os.replace(staging / top, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_package(dest)


def _dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def read_package(folder: Path) -> InstalledModel:
    """Read an installed package directory through ``argostranslate.package.Package``."""
    from argostranslate.package import Package

    try:
        pkg = Package(folder)
    except (OSError, ValueError) as err:
        raise _fail(folder, f"not an Argos package ({err})") from None
    check_metadata(folder, {"type": pkg.type, "from_code": pkg.from_code, "to_code": pkg.to_code})
    for required in ("model/model.bin", "model/config.json", "sentencepiece.model"):
        if not (folder / required).is_file():
            raise _fail(folder, f"missing {required}")
    return InstalledModel(folder, folder.name, str(pkg.package_version), pkg.target_prefix, _dir_size(folder))


def installed_models() -> list[InstalledModel]:
    """Every usable Thai→English package in the packages directory, newest version first."""
    from packaging.version import InvalidVersion, Version

    root = packages_dir()
    found: list[InstalledModel] = []
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            if folder.is_dir() and not folder.name.startswith(".") and (folder / "metadata.json").is_file():
                try:
                    found.append(read_package(folder))
                except PackageError:
                    continue

    def version(model: InstalledModel) -> tuple[int, Version | str]:
        try:
            return (1, Version(model.version))
        except InvalidVersion:
            return (0, model.version)

    return sorted(found, key=version, reverse=True)


def installed_model() -> InstalledModel | None:
    """The Thai→English package to use (the newest), or None when none is installed."""
    models = installed_models()
    return models[0] if models else None


def remove_models() -> list[Path]:
    """Remove every installed Thai→English package; return the removed directories."""
    removed = []
    for model in installed_models():
        trash = model.path.with_name(f".removing-{model.name}")
        os.replace(model.path, trash)
        shutil.rmtree(trash, ignore_errors=True)
        removed.append(model.path)
    return removed
