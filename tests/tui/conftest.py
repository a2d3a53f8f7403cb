"""Fixtures for the reader's Pilot tests: a small article and glossary of our own, and the shipped ones."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual._wait
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet
from textual.css.types import CSSLocation

from bilingual_reader import paths
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary

ARTICLE = """กองทัพบกจัดซื้อปืนใหญ่อัตตาจร 18 คัน และรถถังหนัก K2 เพื่อเสริมกำลัง
ทหารได้รับเสื้อเกราะ หมวกเหล็ก และเวชภัณฑ์จากกระทรวงกลาโหม
"""

#: Pilot's idle check (every key, every ``pause()``) sleeps 5 ms a look instead of Textual's 20 ms, and counts
#: the app idle when it used under a fifth of that in CPU: 40% of the TUI tests' wall time was these sleeps.
#: Tests must wait for what they need (``settle``, ``wait_until``, ``type_into``), never for time to pass.
IDLE_LOOK = 0.005
#: CPU seconds under which a look counts as idle. An idle app still spends 0.2-0.4 ms of each 5 ms look
#: (the event loop, the screen's timers): at Textual's 1/20 (0.25 ms) a look was idle only by luck, and a
#: wait went on for up to ten idle looks (a reader's start-up: 290 ms wall for 265 ms of CPU at a fifth,
#: 350-560 ms at 1/20). Work, a worker thread's included, takes the whole look.
IDLE_CPU = IDLE_LOOK / 5


@pytest.fixture(autouse=True, scope="session")
def quick_idle_checks() -> Iterator[None]:
    """Pilot looks for idleness every ``IDLE_LOOK`` seconds (Textual reads both values on every look); for
    the session, so that apps shared by a module's tests start with it too."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", IDLE_LOOK)
        monkeypatch.setattr(textual._wait, "SLEEP_IDLE", IDLE_CPU)
        yield


#: Rules parsed from a piece of CSS, by everything the parse depends on (the CSS, where it is from, its flags
#: and the theme's variables): shared by every app a test process starts.
_PARSED: dict[tuple[object, ...], list[RuleSet]] = {}


@pytest.fixture(autouse=True, scope="session")
def stylesheets_parsed_once() -> Iterator[None]:
    """Each app parses its CSS (its own, every widget's defaults) into a fresh ``Stylesheet`` that caches
    only for itself: about a tenth of a reader's start-up. The parse is a pure function of its inputs, so
    the apps of one test process share one cache (errors are not cached: the parse raises them)."""
    parse = Stylesheet._parse_rules

    def parse_once(
        self: Stylesheet,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (css, read_from, is_default_rules, tie_breaker, scope, tuple(self._variables.items()))
        rules = _PARSED.get(key)
        if rules is None:
            rules = _PARSED[key] = parse(self, css, read_from, is_default_rules, tie_breaker, scope)
        return rules

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(Stylesheet, "_parse_rules", parse_once)
        yield


CONCEPTS = (
    Concept(
        "weapons",
        (
            Term("ปืนใหญ่อัตตาจร", "th"),
            Term("self-propelled gun", "en"),
            Term("SPG", "en", Status.ADMITTED),
            Term("automatic artillery", "en", Status.FORBIDDEN),
        ),
        definition="An artillery piece on its own chassis.",
        note="อัตตาจร means self-moving.",
    ),
    Concept("weapons", (Term("ปืนใหญ่", "th"), Term("artillery", "en"))),
    Concept("armour", (Term("เสื้อเกราะ", "th"), Term("body armour", "en"))),
    Concept("vehicles", (Term("รถถังหนัก", "th"), Term("main battle tank", "en"))),
)


def write_article(folder: Path) -> Path:
    """``ARTICLE`` as a text file in ``folder``."""
    path = folder / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


#: The glossary of the four ``CONCEPTS`` as written once in this process (``write_glossary`` copies it).
_GLOSSARY_MADE: list[Path] = []


def write_glossary(folder: Path) -> Path:
    """A glossary file in ``folder`` holding the four ``CONCEPTS``: the bytes of one written through
    ``Glossary`` once per process (writing it, ten transactions, cost each test more than its copy)."""
    if not _GLOSSARY_MADE:
        made = Path(tempfile.mkdtemp(prefix="tui-glossary-")) / "glossary.db"
        atexit.register(shutil.rmtree, made.parent, True)
        with Glossary.open(made) as glossary:
            for concept in CONCEPTS:
                glossary.add(concept)
        _GLOSSARY_MADE.append(made)
    path = folder / "glossary.db"
    shutil.copyfile(_GLOSSARY_MADE[0], path)
    return path


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    """A two-line article (its short first line also reads as a headline): two paragraphs with glossary
    terms and two words not in it."""
    return write_article(tmp_path)


@pytest.fixture
def glossary_path(tmp_path: Path) -> Path:
    """A glossary file holding the four ``CONCEPTS``."""
    return write_glossary(tmp_path)


@pytest.fixture(scope="module")
def module_article_path(module_dirs: Path) -> Path:
    """``article_path`` for a module-scoped fixture (an app shared by the cases of a test)."""
    return write_article(module_dirs)


@pytest.fixture(scope="module")
def module_glossary_path(module_dirs: Path) -> Path:
    """``glossary_path`` for a module-scoped fixture: the cases sharing it must leave it as they found it."""
    return write_glossary(module_dirs)


@pytest.fixture
def shipped_glossary_path(tmp_path: Path) -> Path:
    """A copy of the shipped glossary (the reader writes to its glossary)."""
    path = tmp_path / "shipped.db"
    shutil.copyfile(paths.shipped("glossary.db"), path)
    return path
