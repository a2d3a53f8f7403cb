"""Reading a class pack as the hostile input it is: bounded, every member named by a manifest that matches
(sizes and SHA-256), no ``..``, absolute paths, links, folders of its own or extra members, and every member
parsed before anything is used. Nothing is extracted to disk but the glossary, into a private temporary
folder for the JSON reader."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from bilingual_reader.documents.articles import Article, ArticleError, article_from_text
from bilingual_reader.documents.bilingual import BilingualError, Unit, parse_bilingual
from bilingual_reader.files import FileProblem, read_input
from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.formats.common import FormatError, ParseResult
from bilingual_reader.glossary.formats.jsonfmt import read_json
from bilingual_reader.teaching.pack_format import (
    ARTICLES,
    CARDS,
    FORMAT,
    GLOSSARY,
    LIMITS,
    MANIFEST,
    MAX_ARTICLES,
    MAX_PACK_BYTES,
    MAX_UNPACKED_BYTES,
    MEMORY,
    VERSION,
    PackError,
    PackMember,
    anki_problem,
    safe_name,
)

__all__ = ["ClassPack", "read_pack"]


@dataclass(frozen=True)
class ClassPack:
    """A checked pack: its name, articles (file name → article), glossary concepts, the teacher's English
    units (Thai paragraph → English) and flashcards (an Anki package's bytes, or None)."""

    path: Path
    name: str
    articles: dict[str, Article]
    glossary: ParseResult
    memory: tuple[Unit, ...]
    cards: bytes | None = None


def _limit(name: str) -> int:
    return LIMITS[ARTICLES] if name.startswith(ARTICLES) else LIMITS[name]


def _check_name(pack: Path, info: zipfile.ZipInfo) -> str:
    name = info.filename
    pure = PurePosixPath(name)
    if name.startswith(("/", "\\")) or "\\" in name or (len(name) > 1 and name[1] == ":"):
        raise PackError(f"{pack}: absolute path in the pack: {name!r}")
    if ".." in pure.parts:
        raise PackError(f"{pack}: '..' in a path in the pack: {name!r}")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise PackError(f"{pack}: a link in the pack: {name!r}")
    if info.is_dir():
        raise PackError(f"{pack}: a folder in the pack: {name!r}")
    article = name.startswith(ARTICLES) and len(pure.parts) == 2 and name.endswith(".txt")
    if not (name in LIMITS or (article and safe_name(pure.name))):
        raise PackError(f"{pack}: unexpected member {name!r} (a pack holds {MANIFEST}, {GLOSSARY}, {MEMORY}, "
                        f"{CARDS} and {ARTICLES}NAME.txt)")  # fmt: skip
    return name


def _read_member(pack: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = _limit(info.filename)
    if info.file_size > limit:
        raise PackError(
            f"{pack}: {info.filename} is too large ({info.file_size:,} bytes; the limit is {limit:,})"
        )
    with zf.open(info) as member:
        data = member.read(limit + 1)  # never more, whatever the header says
    if len(data) > limit:
        raise PackError(f"{pack}: {info.filename} is too large (the limit is {limit:,} bytes)")
    return data


def _manifest(pack: Path, data: bytes) -> tuple[str, list[PackMember]]:
    try:
        raw: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise PackError(f"{pack}: {MANIFEST} is not JSON ({err})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise PackError(f"{pack}: not a class pack ({MANIFEST} does not say {FORMAT!r})")
    if raw.get("version") != VERSION:
        raise PackError(
            f"{pack}: class pack version {raw.get('version')!r}; this program reads version {VERSION}"
        )
    name, files = raw.get("name"), raw.get("files")
    if not isinstance(name, str) or not safe_name(name):
        raise PackError(f"{pack}: {MANIFEST}: the pack's name must be a plain name, not {name!r}")
    if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
        raise PackError(f"{pack}: {MANIFEST}: 'files' must be a list of objects")
    members = []
    for entry in files:
        path, size, digest = entry.get("path"), entry.get("size"), entry.get("sha256")
        if not (isinstance(path, str) and type(size) is int and isinstance(digest, str)):
            raise PackError(f"{pack}: {MANIFEST}: each file needs a path, a size and a sha256")
        members.append(PackMember(path, size, digest))
    return name, members


def _members(pack: Path, data: bytes) -> tuple[str, dict[str, bytes]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = [_check_name(pack, info) for info in infos]
            if len(set(names)) != len(names):
                raise PackError(f"{pack}: a member is in the pack twice")
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise PackError(f"{pack}: unpacks to more than {MAX_UNPACKED_BYTES:,} bytes")
            if MANIFEST not in names:
                raise PackError(f"{pack}: no {MANIFEST} (not a class pack)")
            contents = {info.filename: _read_member(pack, zf, info) for info in infos}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as err:
        raise PackError(f"{pack}: not a valid zip file ({err})") from None
    name, listed = _manifest(pack, contents.pop(MANIFEST))
    if sorted(m.path for m in listed) != sorted(contents):
        raise PackError(f"{pack}: the manifest does not list exactly the pack's members")
    for member in listed:
        body = contents[member.path]
        if len(body) != member.size or hashlib.sha256(body).hexdigest() != member.sha256:
            raise PackError(f"{pack}: {member.path} does not match its checksum in the manifest")
    return name, contents


def _glossary(pack: Path, data: bytes) -> ParseResult:
    with tempfile.TemporaryDirectory(prefix="brpack-") as folder:
        path = Path(folder) / GLOSSARY
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            return read_json(path)
        except (GlossaryError, FormatError, FileProblem) as err:
            raise PackError(str(err).replace(str(path), f"{pack}: {GLOSSARY}")) from None


def read_pack(path: str | os.PathLike[str]) -> ClassPack:
    """Read and check the pack at ``path``; raises :class:`PackError` (one line) for anything wrong."""
    pack = Path(path)
    try:
        data = read_input(pack, MAX_PACK_BYTES, "class pack")
    except FileProblem as err:
        raise PackError(str(err)) from None
    name, contents = _members(pack, data)
    articles: dict[str, Article] = {}
    for member, body in sorted(contents.items()):
        if not member.startswith(ARTICLES):
            continue
        file = PurePosixPath(member).name
        try:
            articles[file] = article_from_text(body.decode("utf-8"), path=Path(file))
        except (UnicodeDecodeError, ArticleError) as err:
            raise PackError(f"{pack}: {member}: not a readable article ({err})") from None
    if not articles or len(articles) > MAX_ARTICLES:
        raise PackError(f"{pack}: a pack holds 1 to {MAX_ARTICLES} articles, this one {len(articles)}")
    glossary = _glossary(pack, contents[GLOSSARY]) if GLOSSARY in contents else ParseResult()
    units: tuple[Unit, ...] = ()
    if MEMORY in contents:
        try:
            units = parse_bilingual(Path(f"{pack}: {MEMORY}"), contents[MEMORY]).units
        except BilingualError as err:
            raise PackError(str(err)) from None
    cards = contents.get(CARDS)
    problem = anki_problem(cards) if cards is not None else None
    if problem is not None:
        raise PackError(f"{pack}: {CARDS} is {problem}")
    return ClassPack(pack, name, articles, glossary, units, cards)
