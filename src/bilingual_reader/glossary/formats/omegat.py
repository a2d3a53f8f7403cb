"""OmegaT glossary files: ``source<TAB>target<TAB>comment`` lines, Thai source, English target."""

from __future__ import annotations

from pathlib import Path

from bilingual_reader.files import write_output
from bilingual_reader.glossary.formats.common import (
    DEFAULT_SUBJECT,
    BadRow,
    FormatError,
    ParsedConcept,
    ParseResult,
    read_text,
)
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.thai.text import clean_text, is_thai, normalize_key

__all__ = ["read_omegat", "write_omegat"]


def read_omegat(path: Path) -> ParseResult:
    """Read an OmegaT glossary; lines with one source merge into one concept with several targets.

    ``#`` lines and blank lines are skipped; a line without both a source and a target is a bad row.
    The comment becomes the concept's note (distinct comments joined with `` | ``).
    """
    result = ParseResult()
    groups: dict[str, tuple[int, str, list[str], list[str]]] = {}
    text = read_text(path)
    if not text.strip():
        raise FormatError(f"{path}: empty file")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [clean_text(c) for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            result.errors.append(BadRow(str(path), number, "expected source<TAB>target[<TAB>comment]"))
            continue
        source, target = cells[0], cells[1]
        if not is_thai(source):
            reason = f"the source {source!r} is not Thai (expected a Thai to English glossary)"
            result.errors.append(BadRow(str(path), number, reason))
            continue
        comment = " ".join(c for c in cells[2:] if c)
        _, _, targets, comments = groups.setdefault(normalize_key(source), (number, source, [], []))
        if normalize_key(target) not in {normalize_key(t) for t in targets}:
            targets.append(target)
        if comment and comment not in comments:
            comments.append(comment)
    for number, source, targets, comments in groups.values():
        terms = [Term(source, "th", Status.PREFERRED)]
        terms += [
            Term(t, "en", Status.PREFERRED if i == 0 else Status.ADMITTED) for i, t in enumerate(targets)
        ]
        concept = Concept(subject=DEFAULT_SUBJECT, terms=tuple(terms), note=" | ".join(comments))
        result.concepts.append(ParsedConcept(number, concept))
    result.concepts.sort(key=lambda p: p.line)
    return result


def omegat_lines(concepts: list[Concept]) -> list[str]:
    """One line per approved Thai term and approved English term; the comment holds definition and note."""
    lines = ["# bilingual-reader glossary: source<TAB>target<TAB>comment"]
    for concept in concepts:
        comment = " | ".join(p for p in (concept.definition, concept.note) if p)
        comment = " ".join(comment.split())
        targets = [t for t in concept.english if t.status.approved]
        for source in (t for t in concept.thai if t.status.approved):
            for target in targets:
                lines.append(f"{source.text}\t{target.text}\t{comment}".rstrip("\t"))
    return lines


def write_omegat(concepts: list[Concept], path: Path) -> None:
    """Write an OmegaT glossary (UTF-8, no BOM)."""
    write_output(path, "\n".join(omegat_lines(concepts)) + "\n")
