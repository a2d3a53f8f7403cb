"""`segment`, `translate` and `check` stream a book: output paragraph by paragraph, memory bounded by the
window, progress on a terminal's stderr only, Ctrl-C keeps what was written (and the translation memory)."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.articles import Article
from bilingual_reader.documents.opening import open_document
from bilingual_reader.translation.export import FORMATS, render
from bilingual_reader.translation.results import ParagraphResult
from bilingual_reader.translation.session import TranslationSession, open_session
from support import ROOT, TRAINED

if TYPE_CHECKING:
    from bilingual_reader.translation.packages import InstalledModel

ARTICLES = sorted((ROOT / "articles").glob("*.txt"))


def book(folder: Path, copies: int) -> Path:
    """The shipped articles ``copies`` times over, one file."""
    path = folder / f"book-{copies}.txt"
    text = "\n".join(a.read_text(encoding="utf-8") for a in ARTICLES)
    path.write_text("\n".join([text] * copies), encoding="utf-8")
    return path


#: What the runs of the program below with ``part`` stream: texts over 64 KiB.
PART = 64 * 1024


def program(*args: str, part: int | None = None) -> list[str]:
    """The program's command line; with ``part``, it streams texts over ``part`` bytes (as over
    ``PART_BYTES``, 256 KiB, as shipped: a smaller book then takes the paths a long one takes)."""
    if part is None:
        return [sys.executable, "-m", "bilingual_reader", *args]
    code = (
        f"import bilingual_reader.documents.streaming as s; s.PART_BYTES = {part}; "
        "from bilingual_reader.launcher import run; run()"
    )
    return [sys.executable, "-c", code, *args]


#: Copies of the articles in a book that, streamed in parts of ``PART``, takes the paths a long book takes.
COPIES = 3


def streamed_book(folder: Path) -> Path:
    """A book of ``COPIES`` copies of the articles (77 kB, 93 paragraphs): streamed in parts of ``PART``, it
    takes the paths a long book takes (a first part, then the rest; windows of paragraphs dropped)."""
    from bilingual_reader.translation.session import STREAM_WINDOW

    path = book(folder, COPIES)
    assert path.stat().st_size > PART  # more than a part
    assert len(open_document(path).paragraphs) > 2 * STREAM_WINDOW  # more than a streamed text keeps
    return path


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> int:
    """Texts over 64 KiB are streamed by the commands run in this process (over ``PART_BYTES``, 256 KiB, as
    shipped): ``streamed_book`` then takes the paths a long book takes, at a quarter of the cost."""
    from bilingual_reader.documents import streaming

    monkeypatch.setattr(streaming, "PART_BYTES", PART)
    return PART


def cli(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.fixture(scope="module")
def articles_memory(module_dirs: Path) -> Path:
    """A translation memory holding every sentence of the books (the shipped articles translated once by the
    trained test model), made once for the module."""
    from bilingual_reader.translation.memory import memory_path
    from bilingual_reader.translation.packages import install_file

    install_file(TRAINED)
    assert cli("translate", "--no-steer", str(book(module_dirs, 1)))[0] == 0
    return Path(memory_path())


@pytest.fixture
def remembered(articles_memory: Path, trained_model: InstalledModel) -> None:
    """Every sentence of the books in this test's translation memory (a copy of ``articles_memory``): the
    model translates none of them again."""
    from bilingual_reader.translation.memory import memory_path

    memory_path().parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(articles_memory)) as source, closing(sqlite3.connect(memory_path())) as copy:
        source.backup(copy)


@pytest.mark.usefixtures("remembered")  # every sentence in the memory: the runs below agree
def test_translate_writes_every_format_exactly_as_before_on_the_shipped_articles() -> None:
    with open_session() as session:
        before = {a: sorted(session.translate(open_document(a)), key=lambda r: r.index) for a in ARTICLES}
    for article in ARTICLES:
        for fmt in FORMATS:
            code, out, err = cli("translate", "--no-steer", "--format", fmt, str(article))
            assert (code, err) == (0, "")
            assert out == render(fmt, open_document(article), before[article]), (article.name, fmt)


@pytest.mark.usefixtures("remembered")
def test_check_reports_exactly_as_before_with_the_english_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(ARTICLES[2])
    streamed = [cli("check", "--no-steer", "--format", fmt, path) for fmt in ("table", "json")]

    def whole(session: TranslationSession, article: Article, window: int = 0) -> list[ParagraphResult]:
        return sorted(session.translate(article), key=lambda r: r.index)  # before: the article at once

    monkeypatch.setattr(TranslationSession, "stream", whole)
    assert [cli("check", "--no-steer", "--format", fmt, path) for fmt in ("table", "json")] == streamed
    assert streamed[0][0] in (0, 1) and b"untranslated" in streamed[1][1]


def _stderr_on_a_terminal(args: list[str], out: Path) -> tuple[int, str]:
    """Run with stdout to ``out`` and stderr on a pseudo-terminal; the exit code and what the terminal got."""
    master, slave = pty.openpty()
    env = {**os.environ, "BILINGUAL_READER_PROGRESS_DELAY": "0"}
    with out.open("wb") as stdout:
        child = subprocess.Popen(args, stdout=stdout, stderr=slave, stdin=subprocess.DEVNULL, env=env)
    os.close(slave)
    screen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    os.close(master)
    return child.wait(), screen.decode("utf-8", "replace")


@pytest.mark.parametrize("command", ["segment", "translate"])
@pytest.mark.usefixtures("remembered")
def test_progress_on_a_terminal_s_stderr_never_in_the_output_nor_in_a_file(
    command: str, tmp_path: Path
) -> None:
    article = str(ARTICLES[1])
    args = program(command, article) + (["--no-steer"] if command == "translate" else [])
    code, screen = _stderr_on_a_terminal(args, tmp_path / "out")
    assert code == 0, screen
    label = "Segmenting" if command == "segment" else "Translating"
    assert label in screen and "━" in screen
    plain = subprocess.run(
        args,
        capture_output=True,
        env={**os.environ, "BILINGUAL_READER_PROGRESS_DELAY": "0"},
        check=True,
    )
    assert plain.stderr == b""  # stderr a pipe: no progress at all
    assert (tmp_path / "out").read_bytes() == plain.stdout
    assert b"\x1b" not in plain.stdout and label.encode() not in plain.stdout


def _peak_kib(args: list[str], codes: str = "0") -> int:
    """The peak resident memory (KiB) of the command (exiting with one of ``codes``), measured on its own in
    a child process."""
    probe = (
        "import resource, subprocess, sys; "
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
        f"assert code in ({codes},); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
    return int(done.stdout)


@pytest.mark.usefixtures("remembered")  # every sentence in the memory: no model below
def test_translating_a_big_book_holds_a_window_not_the_book(tmp_path: Path) -> None:
    small, big = book(tmp_path, 1), book(tmp_path, 8)
    grown = _peak_kib(program("translate", "--no-steer", "--format", "json", str(big))) - _peak_kib(
        program("translate", "--no-steer", "--format", "json", str(small))
    )
    book_grown = (big.stat().st_size - small.stat().st_size) // 1024
    # The book itself is held (parsed), its results are not: holding every paragraph's result and the
    # whole JSON (the code before streaming) grew by about 14x the file's growth.
    assert grown < 5 * book_grown, (grown, book_grown)


def _interruptible() -> None:
    """In the child: Ctrl-C as a terminal's foreground job has it. Run in the background by a shell without
    job control (a CI script's ``&``, ``nohup``), the tests inherit SIGINT ignored, and so did the program:
    it ran to the end, exit 0, and this test failed."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.usefixtures("trained_model")
def test_ctrl_c_keeps_what_was_written_and_the_memory(tmp_path: Path) -> None:
    big = book(tmp_path, 3)  # about 165 kB of JSON: more than a pipe holds, so the run waits for us
    child = subprocess.Popen(
        program("translate", "--no-steer", "--format", "json", str(big)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "BILINGUAL_READER_PROGRESS_DELAY": "0"},
        preexec_fn=_interruptible,
    )
    assert child.stdout is not None
    first = b""
    while b'"index": ' not in first:  # a paragraph is out (start-up over); the pipe fills: the run is mid-way
        ready, _, _ = select.select([child.stdout], [], [], 120)
        chunk = os.read(child.stdout.fileno(), 4096) if ready else b""
        assert chunk, f"no paragraph came: {first!r} {child.communicate(timeout=120)[1].decode()[-2000:]}"
        first += chunk
    child.send_signal(signal.SIGINT)
    rest, err = child.communicate(timeout=120)
    written = (first + rest).decode("utf-8")
    assert child.returncode != 0 and b"Traceback" not in err, err.decode("utf-8", "replace")[-3000:]
    paragraphs = written.count('\n      "index": ')
    assert paragraphs >= 1
    full = cli("translate", "--no-steer", "--format", "json", str(big))[1].decode("utf-8")
    # what was written is exactly the start of the whole translation (then from the memory)
    assert full.startswith(written.replace('"source": "engine"', '"source": "memory"'))
    sources = [p["source"] for p in json.loads(full)["paragraphs"]]
    assert paragraphs < len(sources)  # it was stopped mid-way
    assert sources[:paragraphs] == ["memory"] * paragraphs  # and its sentences were kept in the memory


def _first_line(stream: int, timeout: float = 120) -> bytes:
    """The bytes of ``stream`` up to its first line break, waiting at most ``timeout`` for each read."""
    got = b""
    while b"\n" not in got:
        ready, _, _ = select.select([stream], [], [], timeout)
        assert ready, f"no line within {timeout} s: {got!r}"
        chunk = os.read(stream, 4096)
        assert chunk, f"the output ended before a line: {got!r}"
        got += chunk
    return got


def test_segment_prints_the_first_paragraph_of_a_long_text_before_the_rest_is_read() -> None:
    head = "กองทัพเรือซื้อเรือดำน้ำ\n" + "ทหาร\n" * (PART // 13 + 100)  # more than the first part
    child = subprocess.Popen(
        program("segment", "--json", "-", part=PART),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(head.encode("utf-8"))
    child.stdin.flush()
    # the input is still open (the rest not written): a command reading it whole would wait here for ever
    first = _first_line(child.stdout.fileno())
    assert json.loads(first.split(b"\n")[0]) == {
        "paragraph": 0,
        "role": "title",
        "tokens": ["กองทัพเรือ", "ซื้อ", "เรือดำน้ำ"],
    }
    rest, err = child.communicate(input="เรือดำน้ำ\n".encode(), timeout=300)
    rows = [json.loads(line) for line in (first + rest).decode("utf-8").splitlines()]
    assert (child.returncode, err) == (0, b"")
    assert len(rows) == head.count("\n") + 1
    assert rows[-1] == {"paragraph": len(rows) - 1, "role": "paragraph", "tokens": ["เรือดำน้ำ"]}
    assert {tuple(row["tokens"]) for row in rows[1:-1]} == {("ทหาร",)}


def test_segment_of_a_big_book_holds_a_part_not_the_book(tmp_path: Path) -> None:
    from bilingual_reader.documents.streaming import PART_BYTES

    small, big = book(tmp_path, 12), book(tmp_path, 72)
    assert small.stat().st_size > PART_BYTES  # both streamed: the same dictionary for both
    code, out, _ = cli("segment", str(small))  # also builds the word tries: neither run below does
    assert code == 0
    assert out.decode("utf-8").count("\n") == len(open_document(small).paragraphs)
    grown = _peak_kib(program("segment", str(big))) - _peak_kib(program("segment", str(small)))
    book_grown = (big.stat().st_size - small.stat().st_size) // 1024
    # Reading the book whole held its bytes, text, lines and cleaned paragraphs: about 4x the file's growth.
    # Streamed (read twice: once for its words), the Python heap's peak is the same for both books; the
    # process's working set outside it grows a little and levels off (+1.3 MB from a 1 MB to a 10 MB book).
    assert grown < 2 * book_grown, (grown, book_grown)


def test_segment_of_a_book_file_loads_only_the_words_it_holds(tmp_path: Path) -> None:
    path = streamed_book(tmp_path)
    args = program("segment", "--json", part=PART)
    with path.open("rb") as stdin:  # standard input can't be read twice: the whole dictionary
        piped, whole = _output_and_peak([*args, "-"], stdin)
    read_twice, probe = _output_and_peak([*args, str(path)])
    assert read_twice == piped  # the same tokens
    # The whole dictionary takes ~55 MiB in nlpo3; the book's words a few.
    assert probe < whole - 30 * 1024, (probe, whole)


def _output_and_peak(args: list[str], stdin: IO[bytes] | None = None) -> tuple[bytes, int]:
    """The standard output of the command (which must succeed) and its peak resident memory (KiB), measured
    on its own in a child process."""
    probe = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL, check=True); "
        "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))"
    )
    done = subprocess.run([sys.executable, "-c", probe, *args], stdin=stdin, capture_output=True, check=True)
    return done.stdout, int(done.stderr)


@pytest.mark.usefixtures("remembered")  # every sentence in the memory
def test_translate_of_a_long_text_read_twice_gives_what_translating_it_whole_gives(
    tmp_path: Path, small_parts: int
) -> None:
    from bilingual_reader.translation.memory import TranslationMemory

    path = streamed_book(tmp_path)
    whole = open_document(path)
    memory = TranslationMemory()
    try:  # a post-edit is kept under the article's id: the streamed article must have the same id
        memory.save_post_edit(whole.article_id, 90, whole.paragraphs[90], "An edited paragraph.")
    finally:
        memory.close()
    with open_session() as session:
        results = sorted(session.translate(whole), key=lambda r: r.index)
    assert results[90].english == "An edited paragraph."
    for fmt in ("json", "text"):
        code, out, err = cli("translate", "--no-steer", "--format", fmt, str(path))
        assert (code, err) == (0, "")
        assert out == render(fmt, whole, results)


@pytest.mark.usefixtures("remembered")  # every sentence in the memory
def test_translating_a_long_text_holds_a_window_not_the_text(tmp_path: Path) -> None:
    small, big = book(tmp_path, 12), book(tmp_path, 96)
    grown = _peak_kib(program("translate", "--no-steer", "--format", "json", str(big))) - _peak_kib(
        program("translate", "--no-steer", "--format", "json", str(small))
    )
    book_grown = (big.stat().st_size - small.stat().st_size) // 1024
    # Reading the text whole held its bytes, text, lines and paragraphs: 2.4x the file's growth here (5.2 MB
    # for 2.1 MB), 3.7x from 0.3 to 5 MB; read twice, a window at a time: about 1 MB (SQLite's page cache).
    assert grown < book_grown, (grown, book_grown)


@pytest.mark.usefixtures("remembered")
def test_check_of_a_long_text_reports_exactly_what_checking_it_whole_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_parts: int
) -> None:
    from bilingual_reader.cli import check

    path = streamed_book(tmp_path)
    code, out, _ = cli("check", "--no-steer", "--format", "json", str(path))
    report = json.loads(out)
    finding = report["checks"]["findings"][-1]
    dismiss = ["--dismiss", f"{finding['paragraph'] + 1}:{finding['key']}"]
    runs = [("--format", fmt) for fmt in ("table", "tsv", "json", "jsonl")] + [
        ("-o", str(tmp_path / "r.json"))
    ]
    streamed = [cli("check", "--no-steer", *dismiss, *run, str(path)) for run in runs]
    written = (tmp_path / "r.json").read_bytes()
    monkeypatch.setattr(check, "book_of", lambda *args: None)  # before: read, translated and checked whole
    assert [cli("check", "--no-steer", *dismiss, *run, str(path)) for run in runs] == streamed
    assert (tmp_path / "r.json").read_bytes() == written
    assert code == streamed[0][0] == 1 and len(json.loads(streamed[2][1])["roles"]) == report["paragraphs"]
    table = streamed[0][1].decode("utf-8")
    line = f"¶{finding['paragraph'] + 1:<3} dismissed  {finding['kind']}/{finding['code']}"
    assert line in table  # dismissed in both runs, as the review store keeps it under the same id


@pytest.mark.usefixtures("remembered")  # every sentence in the memory
def test_checking_a_big_book_holds_a_part_not_the_book(tmp_path: Path) -> None:
    small, big = book(tmp_path, 4), book(tmp_path, 36)  # 0.1 and 0.9 MB, both streamed in parts of PART
    args = ["check", "--no-steer", "--format", "json"]
    grown = _peak_kib(program(*args, str(big), part=PART), "1") - _peak_kib(
        program(*args, str(small), part=PART), "1"
    )
    book_grown = (big.stat().st_size - small.stat().st_size) // 1024
    # Checking the book whole held its paragraphs, their English and every finding: about 7x the file's
    # growth (5.9 MB for 825 kB here, the check's book_of made None); now its findings go to disk and what
    # grows is caches that fill up (1.4-1.6 MB here, under 2x; 1.8 MB from 4 to 48 copies, then flat).
    assert grown < 4 * book_grown, (grown, book_grown)


@pytest.mark.usefixtures("remembered")
def test_checking_a_book_shows_its_progress_on_a_terminal_s_stderr_only(tmp_path: Path) -> None:
    path = streamed_book(tmp_path)  # streamed: checked a paragraph at a time
    args = program("check", "--no-steer", "--format", "tsv", str(path), part=PART)
    code, screen = _stderr_on_a_terminal(args, tmp_path / "out")
    assert code == 1, screen  # the book has findings
    assert "Checking" in screen and "━" in screen
    plain = subprocess.run(
        args, capture_output=True, env={**os.environ, "BILINGUAL_READER_PROGRESS_DELAY": "0"}
    )
    assert (plain.returncode, plain.stderr) == (1, b"")  # stderr a pipe: no progress at all
    assert (tmp_path / "out").read_bytes() == plain.stdout
    assert plain.stdout.startswith(b"file\tparagraph\t") and b"\x1b" not in plain.stdout


@pytest.mark.usefixtures("remembered")
def test_check_jsonl_writes_a_paragraph_s_findings_as_it_is_checked_and_a_stop_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_parts: int
) -> None:
    path = str(streamed_book(tmp_path))
    code, out, _ = cli("check", "--no-steer", "--format", "jsonl", path)
    lines = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert code == 1 and lines[-1]["type"] == "document" and lines[-1]["errors"] > 0
    assert {line["type"] for line in lines[:-1]} == {"term", "check"}
    assert lines[-1]["paragraphs"] == len(open_document(path).paragraphs)
    original = TranslationSession.stream

    def stopped(session: TranslationSession, article: Article, window: int = 32) -> Iterator[ParagraphResult]:
        for result in original(session, article, window):
            if result.index == 40:
                raise KeyboardInterrupt  # Ctrl-C while paragraph 40 is checked
            yield result

    monkeypatch.setattr(TranslationSession, "stream", stopped)
    code, kept, _ = cli("check", "--no-steer", "--format", "jsonl", path)
    assert code == 1 and kept.count(b"\n") > 10  # click's "Aborted!"; what was written stays
    assert kept == "".join(
        line + "\n" for line in out.decode("utf-8").splitlines() if json.loads(line).get("paragraph", 99) < 40
    ).encode("utf-8")
