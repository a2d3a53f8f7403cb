"""The ``bilingual-reader`` program: ``lookup`` and ``segment`` run without click, the rest through it.

A one-shot lookup should cost little more than starting Python, and importing click (and building the
command tree) is a good part of what it would cost. So :func:`run` reads plain ``lookup`` and ``segment``
argument lists itself and hands everything else (help, other commands, anything it does not recognise) to
the click program in :mod:`bilingual_reader.cli`, which calls the same functions: both print the same lines.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary
    from bilingual_reader.lookup import LookupResult
    from bilingual_reader.terminal_progress import Progress

PROGRAM = "bilingual-reader"


class Problem(Exception):
    """Bad input from outside: one line on stderr, exit code 2."""


class OneShot(NamedTuple):
    """A plain ``lookup`` or ``segment`` command line."""

    command: str
    argument: str
    as_json: bool
    glossary: str | None


def parse(argv: Sequence[str]) -> OneShot | None:
    """``[--glossary G] (lookup TEXT | segment PATH) [--json] [--glossary G]``, or None for anything else.

    None leaves the command line to click (help, errors, other commands, repeated or unknown options).
    """
    words = list(argv)
    seen: dict[str, str] = {}

    def option(where: str) -> bool:
        """Take a ``--glossary`` (either form) or ``--json`` at the front of ``words``."""
        if not words:
            return False
        word = words[0]
        if word == "--glossary" and len(words) > 1:
            key, value, taken = f"{where}glossary", words[1], 2
        elif word.startswith("--glossary="):
            key, value, taken = f"{where}glossary", word.partition("=")[2], 1
        elif word == "--json" and where == "sub":
            key, value, taken = "json", "1", 1
        else:
            return False
        if key in seen or not value or (key != "json" and os.path.isdir(value)):
            raise ValueError(word)  # click says what is wrong
        seen[key] = value
        del words[:taken]
        return True

    try:
        while option("main"):
            pass
        if not words or words[0] not in ("lookup", "segment"):
            return None
        command, positional = words.pop(0), list[str]()
        while words:
            if not option("sub"):
                if words[0].startswith("-") or positional:
                    return None
                positional.append(words.pop(0))
    except ValueError:
        return None
    if len(positional) != 1:
        return None
    glossary = seen.get("subglossary") or seen.get("mainglossary")
    return OneShot(command, positional[0], "json" in seen, glossary)


def open_glossary(option: str | None) -> Glossary:
    """The working glossary, read-only (``--glossary``, env, or the per-user one); :class:`Problem` if not."""
    from bilingual_reader.glossary.errors import GlossaryError
    from bilingual_reader.glossary.locations import resolve_glossary_path
    from bilingual_reader.glossary.store import Glossary

    try:
        return Glossary.open(resolve_glossary_path(option), read_only=True)
    except (GlossaryError, OSError) as err:
        raise Problem(str(err)) from None


def format_lookup(result: LookupResult) -> list[str]:
    """The lines ``lookup`` prints for ``result``."""
    lines = [result.text]
    if result.pronunciation is not None:
        p = result.pronunciation
        lines.append(f"  pronunciation: {p.rtgs}  |  {p.tones}  |  {p.ipa}")
    if result.frequency is not None:
        from bilingual_reader.thai.frequency import frequency_label

        lines.append(f"  frequency: {frequency_label(result.frequency)}")
    for concept in result.concepts:
        english = ", ".join(
            f"{t.text} ({t.status})" if t.status != "preferred" else t.text for t in concept.english
        )
        lines.append(f"  [{concept.subject}] {english}")
        if concept.definition:
            lines.append(f"    {concept.definition}")
        if concept.note:
            lines.append(f"    note: {concept.note}")
    if not result.concepts:
        lines.append("  not in the glossary")
        for sense in result.senses:
            lines.append(f"  ({sense.pos}) {', '.join(sense.lemmas)}")
        if result.loanword:
            lines.append(f"  loanword from English: {result.loanword}")
    for term, concepts in result.subterms:
        english = "; ".join(c.english[0].text for c in concepts if c.english)
        lines.append(f"  contains: {term}  {english}")
    return lines


def lookup_lines(text: str, glossary: str | None, as_json: bool) -> list[str]:
    """What ``lookup TEXT`` prints: glossary entries, pronunciation, sub-terms and dictionary senses."""
    from bilingual_reader.lookup import lookup, result_to_dict
    from bilingual_reader.thai.segmenter import Segmenter

    if not text.strip():
        raise Problem("nothing to look up")
    store = open_glossary(glossary)
    try:
        result = lookup(text, glossary=store, segmenter=Segmenter(store.thai_terms()))
    finally:
        store.close()
    if as_json:
        import json

        return [json.dumps(result_to_dict(result), ensure_ascii=False, indent=2)]
    return ["\n".join(format_lookup(result))]


def write_segments(path: str, glossary: str | None, as_json: bool) -> None:
    """Print ``segment PATH`` a paragraph at a time as each is segmented (progress on a terminal's stderr
    when it takes longer than a second)."""
    from bilingual_reader.terminal_progress import Progress

    with Progress("Reading") as progress:
        for line in segment_lines(path, glossary, as_json, progress):
            progress.write(line + "\n")


def segment_lines(
    path: str, glossary: str | None, as_json: bool, progress: Progress | None = None
) -> Iterator[str]:
    """What ``segment PATH`` prints, a paragraph at a time: a long text file is read, cleaned and segmented
    a part at a time (bounded memory, the first line out before the end is read); ``progress`` is told
    the paragraphs' count when it is known and each one done."""
    from bilingual_reader.documents.errors import ArticleError
    from bilingual_reader.documents.streaming import stream_document
    from bilingual_reader.thai.segmenter import Segmenter

    try:
        document = stream_document(path)
    except ArticleError as err:
        raise Problem(str(err)) from None
    store = open_glossary(glossary)
    try:
        # A dictionary of the document's words only (same tokens, less memory, quicker to load): all the
        # paragraphs known, or a long file read once more for them. Standard input can't be read twice.
        terms = store.thai_terms()
    finally:
        store.close()
    total: int | None = None  # the paragraphs' count, once known

    def book() -> Iterator[str]:  # the first reading of a long file: for its words
        nonlocal total
        total = 0
        for _, paragraph, _ in stream_document(path):
            yield paragraph
            total += 1
            if progress is not None:
                progress.advance()

    try:
        if document.complete:
            segmenter, total = Segmenter(terms, texts=document.known), len(document.known)
        elif path != "-":
            segmenter = Segmenter(terms, book=book())
        else:
            segmenter = Segmenter(terms)
    except ArticleError as err:
        raise Problem(str(err)) from None
    if progress is not None:
        progress.restart("Segmenting", total)
    if as_json:
        import json
    try:
        for index, paragraph, role in document:
            tokens = [t.text for t in segmenter.tokenize(paragraph) if t.text.strip()]
            if as_json:
                yield json.dumps({"paragraph": index, "role": role, "tokens": tokens}, ensure_ascii=False)
            else:
                yield " | ".join(tokens)
            if progress is not None:
                progress.advance()
    except ArticleError as err:  # a later part of a streamed text is bad
        raise Problem(str(err)) from None


def _one_shot(command: OneShot) -> int:
    """Run a parsed one-shot command; its exit code."""
    try:
        if command.command == "lookup":
            for line in lookup_lines(command.argument, command.glossary, command.as_json):
                sys.stdout.write(line + "\n")
        else:
            write_segments(command.argument, command.glossary, command.as_json)
        sys.stdout.flush()
    except Problem as err:
        sys.stdout.flush()
        sys.stderr.write(f"{PROGRAM}: {err}\n")
        return 2
    except BrokenPipeError:  # the reader of stdout stopped (| head): stop quietly, as click's commands do
        from bilingual_reader.terminal_progress import silence_stdout

        silence_stdout()
        return 1
    return 0


def run() -> None:
    """The ``bilingual-reader`` command."""
    command = parse(sys.argv[1:])
    if command is not None:
        sys.exit(_one_shot(command))
    from bilingual_reader.cli import main

    main()
