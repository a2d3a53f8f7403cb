"""Thai→English Argos packages: validate a ``.argosmodel`` file, install it crash-safely, find it, remove it.

The packages folder is shared with argostranslate and other programs: a package that cannot be read is skipped
and reported, never fatal. Installing and removing hold a lock on the folder; staging folders a crash leaves
behind (``.installing-*``, ``.removing-*``) are removed, and a package caught mid-replacement
(``.replacing-*``) is put back, the next time the folder is used.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bilingual_reader.translation.locations import packages_dir
from bilingual_reader.translation.metadata import (
    MAX_METADATA_BYTES,
    SOURCE,
    TARGET,
    ForeignPackage,
    PackageError,
    check_metadata,
    clean_text,
    fail,
    parse_metadata,
)
from bilingual_reader.translation.package_folder import locked, recover, tidy, unique_name

__all__ = ["SOURCE", "TARGET", "InstalledModel", "PackageError", "check_metadata", "install_file"]
MAX_UNPACKED_BYTES = 2 * 1024**3
TOKENIZERS = ("sentencepiece.model", "bpe.model")  # argostranslate's order of preference
Report = Callable[[str], None]


@dataclass(frozen=True)
class InstalledModel:
    """An installed Thai→English package."""

    path: Path
    name: str
    version: str
    target_prefix: str
    size_bytes: int
    tokenizer: str = "sentencepiece.model"

    @property
    def key(self) -> str:
        """Identifies the model in the translation memory: folder name, version and model file size."""
        return f"{self.name}@{self.version}:{(self.path / 'model' / 'model.bin').stat().st_size}"


def _check_names(path: Path, infos: list[zipfile.ZipInfo]) -> str:
    """Reject unsafe member names; return the single top-level folder."""
    tops: set[str] = set()
    for info in infos:
        name = info.filename
        pure = PurePosixPath(name)
        if clean_text(name, 1000) is None:
            raise fail(path, f"control characters in archive path: {name!r}")
        if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
            raise fail(path, f"absolute path in archive: {name!r}")
        if ".." in pure.parts:
            raise fail(path, f"'..' in archive path: {name!r}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise fail(path, f"symbolic link in archive: {name!r}")
        if len(pure.parts) == 1 and not info.is_dir():
            raise fail(path, f"file {name!r} at the archive root (a package needs one top-level folder)")
        tops.add(pure.parts[0])
    if len(tops) != 1:
        raise fail(path, f"expected one top-level folder, found {len(tops)}")
    top = tops.pop()
    if top.startswith("."):
        raise fail(path, f"hidden top-level folder {top!r}")
    return top


def _check_files(path: Path, top: str, names: set[str]) -> None:
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in names:
            raise fail(path, f"missing {required} (not a CTranslate2 model)")
    if not any(f"{top}/{name}" in names for name in TOKENIZERS):
        raise fail(path, "missing sentencepiece.model (or bpe.model)")


def validate_archive(path: Path) -> str:
    """Check a ``.argosmodel`` file without extracting it; return its top-level folder name."""
    if not path.is_file():
        raise fail(path, "no such file")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            top = _check_names(path, infos)
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise fail(path, f"unpacks to more than {MAX_UNPACKED_BYTES} bytes")
            names = {i.filename for i in infos}
            if f"{top}/metadata.json" not in names:
                raise fail(path, "missing metadata.json")
            info = zf.getinfo(f"{top}/metadata.json")
            with zf.open(info) as member:
                parse_metadata(path, member.read(MAX_METADATA_BYTES + 1))
            _check_files(path, top, names)
            bad = zf.testzip()
            if bad is not None:
                raise fail(path, f"corrupt member {bad!r}")
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, OSError) as err:
        raise fail(path, f"not a valid zip archive ({err})") from None
    return top


def check_loads(model: InstalledModel) -> None:
    """Load the package's CTranslate2 model and tokenizer and translate one word, or raise PackageError."""
    import ctranslate2

    from bilingual_reader.translation.tokenizers import open_tokenizer, read_vocabularies

    try:
        _, target_vocab = read_vocabularies(model.path / "model")
        tokenizer = open_tokenizer(model.path, target_vocab)
        translator = ctranslate2.Translator(str(model.path / "model"), device="cpu", intra_threads=1)
        prefix = [[model.target_prefix]] if model.target_prefix else None
        translator.translate_batch([tokenizer.encode("ทหาร")], target_prefix=prefix, max_decoding_length=4)
    except Exception as err:  # CTranslate2, SentencePiece and sacremoses raise many kinds on bad files
        reason = f"{type(err).__name__}: {err}".splitlines()[0][:300]
        raise fail(model.path, f"the model does not load ({reason})") from None


def _packages_root() -> Path:
    root = packages_dir()
    if root.exists() and not root.is_dir():
        raise fail(root, "the packages folder (ARGOS_PACKAGES_DIR) is not a folder")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise fail(root, f"cannot create the packages folder ({err.strerror or err})") from None
    if not root.is_dir():
        raise fail(root, "the packages folder (ARGOS_PACKAGES_DIR) is not a folder")
    return root


def install_file(path: Path) -> InstalledModel:
    """Validate, load and install a package file; it replaces a package of the same folder name.

    The new package is extracted and loaded (CTranslate2 and its tokenizer) in a staging folder before
    anything is replaced; the old package is moved aside, the new one moved in, then the old one deleted, so a
    crash at any point leaves one of them in place (see :func:`package_folder.recover`).
    """
    top = validate_archive(path)
    root = _packages_root()
    with locked(root):
        recover(root)
        staging = root / unique_name(".installing-", top)
        old: Path | None = None
        try:
            staging.mkdir()
            try:
                with zipfile.ZipFile(path) as zf:
                    zf.extractall(staging)
            except (zipfile.BadZipFile, OSError) as err:
                raise fail(path, f"cannot extract ({err})") from None
            try:
                check_loads(read_package(staging / top))
            except PackageError as err:  # name the file the user gave, not the staging folder
                raise fail(path, str(err).removeprefix(f"{staging / top}: ")) from None
            dest = root / top
            if dest.exists():
                old = root / unique_name(".replacing-", top)
                os.replace(dest, old)
            os.replace(staging / top, dest)
        except BaseException:
            if old is not None and not dest.exists():
                os.replace(old, dest)  # put the working package back (after a kill, recover() does)
            raise
        else:
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return read_package(dest)


def _dir_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def read_package(folder: Path) -> InstalledModel:
    """Read and check an installed package directory (its metadata.json, model and tokenizer files)."""
    from bilingual_reader.files import FileProblem, read_input

    try:
        data = read_input(folder / "metadata.json", MAX_METADATA_BYTES, "metadata file")
    except FileProblem as err:
        raise fail(folder, f"metadata.json: {err.problem}") from None
    metadata = parse_metadata(folder, data)
    for required in ("model/model.bin", "model/config.json"):
        if not (folder / required).is_file():
            raise fail(folder, f"missing {required}")
    tokenizer = next((name for name in TOKENIZERS if (folder / name).is_file()), None)
    if tokenizer is None:
        raise fail(folder, "missing sentencepiece.model (or bpe.model)")
    try:
        size = _dir_size(folder)
    except OSError as err:
        raise fail(folder, f"cannot be read ({err.strerror or err})") from None
    return InstalledModel(folder, folder.name, metadata.version, metadata.target_prefix, size, tokenizer)


def scan_packages() -> tuple[list[InstalledModel], list[str]]:
    """Every usable Thai→English package (newest version first) and one line per folder that cannot be read.

    Packages of other language pairs are not reported; hidden folders (staging) are skipped.
    """
    from packaging.version import InvalidVersion, Version

    root = packages_dir()
    found: list[InstalledModel] = []
    problems: list[str] = []
    if root.exists() and not root.is_dir():
        return [], [f"{root}: the packages folder (ARGOS_PACKAGES_DIR) is not a folder"]
    try:
        tidy(root)
        folders = sorted(root.iterdir()) if root.is_dir() else []
    except OSError as err:
        return [], [f"{root}: cannot be read ({err.strerror or err})"]
    for folder in folders:
        if folder.name.startswith(".") or not folder.is_dir() or not (folder / "metadata.json").exists():
            continue
        try:
            found.append(read_package(folder))
        except ForeignPackage:
            continue
        except PackageError as err:
            problems.append(str(err))

    def version(model: InstalledModel) -> tuple[int, Version | str]:
        try:
            return (1, Version(model.version))
        except InvalidVersion:
            return (0, model.version)

    return sorted(found, key=version, reverse=True), problems


def installed_models(report: Report | None = None) -> list[InstalledModel]:
    """Every usable Thai→English package, newest version first; unreadable folders go to ``report``."""
    models, problems = scan_packages()
    for problem in problems if report else []:
        report(f"skipped {problem}")  # type: ignore[misc]
    return models


def installed_model(report: Report | None = None) -> InstalledModel | None:
    """The Thai→English package to use (the newest), or None when none is installed."""
    models = installed_models(report)
    return models[0] if models else None


def remove_models(report: Report | None = None) -> list[Path]:
    """Remove every installed Thai→English package; return the removed directories."""
    removed = []
    models = installed_models(report)
    if not models:
        return []
    root = models[0].path.parent
    with locked(root):
        for model in models:
            trash = root / unique_name(".removing-", model.name)
            try:
                os.replace(model.path, trash)
            except OSError as err:
                raise fail(model.path, f"cannot be removed ({err.strerror or err})") from None
            shutil.rmtree(trash, ignore_errors=True)
            removed.append(model.path)
    return removed
