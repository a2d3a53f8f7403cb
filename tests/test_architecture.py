"""The headless core never imports Textual, and the CLI starts without heavy imports."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import bilingual_reader

CORE_MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(bilingual_reader.__path__, "bilingual_reader.")
    if not m.name.startswith("bilingual_reader.tui")
)


def _imported_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_core_list_is_not_empty() -> None:
    assert "bilingual_reader.documents.articles" in CORE_MODULES
    assert "bilingual_reader.lookup" in CORE_MODULES


def test_core_modules_never_import_textual() -> None:
    imports = "\n".join(f"import {name}" for name in CORE_MODULES)
    loaded = _imported_after(imports)
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}


def test_cli_entry_point_imports_nothing_heavy() -> None:
    loaded = _imported_after("import bilingual_reader.cli")
    heavy = {"textual", "ctranslate2", "sentencepiece", "pythainlp", "argostranslate", "sqlite_utils"}
    assert not heavy & {m.split(".")[0] for m in loaded}
