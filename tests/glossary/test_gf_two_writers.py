"""Two real processes write one glossary at once (the reader saving entries, an import): nothing is lost.

Both children load the library, say "ready" and wait for "go" on stdin, so their writes start together.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bilingual_reader.glossary.formats import export_file
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary

ADDER = """
import sys
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary

with Glossary.open(sys.argv[1]) as glossary:
    print("ready", flush=True)
    sys.stdin.readline()
    for n in range(int(sys.argv[2])):
        glossary.add(Concept("general", (Term(f"คำเพิ่ม{n}", "th"), Term(f"added {n}", "en"))))
print("done")
"""
IMPORTER = """
import sys
from pathlib import Path
from bilingual_reader.glossary.importing import import_file
from bilingual_reader.glossary.store import Glossary

with Glossary.open(sys.argv[1]) as glossary:
    print("ready", flush=True)
    sys.stdin.readline()
    for name in sys.argv[2:]:
        print(import_file(glossary, Path(name)).summary().split(": ", 1)[1])
"""
ADDS, IMPORTS, ROUNDS = 400, 1000, 4


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_adding_while_importing_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    Glossary.open(db).close()  # created and migrated before the race
    files = []
    for r in range(ROUNDS):
        concepts = [
            Concept("naval", (Term(f"คำนำเข้า{r}ที่{n}", "th"), Term(f"imported {r} {n}", "en")))
            for n in range(IMPORTS)
        ]
        files.append(tmp_path / f"batch{r}.json")
        export_file(concepts, files[-1])
    children = [_start(ADDER, str(db), str(ADDS)), _start(IMPORTER, str(db), *map(str, files))]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    (add_out, add_err), (imp_out, imp_err) = (child.communicate(timeout=120) for child in children)
    assert (children[0].returncode, add_err, add_out) == (0, "", "done\n")
    assert (children[1].returncode, imp_err) == (0, "")
    assert imp_out == f"add {IMPORTS}, replace 0, merge 0, skip 0 existing, 0 bad row(s)\n" * ROUNDS
    with Glossary.open(db, read_only=True) as glossary:
        headwords = [c.headword for c in glossary.concepts()]
    assert len(headwords) == len(set(headwords)) == ADDS + IMPORTS * ROUNDS
    assert {f"คำเพิ่ม{n}" for n in range(ADDS)} <= set(headwords)
    assert {f"คำนำเข้า{r}ที่{n}" for r in range(ROUNDS) for n in range(IMPORTS)} <= set(headwords)
