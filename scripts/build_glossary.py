"""Rebuild the shipped glossary.db from glossary.tsv: ``uv run python scripts/build_glossary.py [TSV [DB]]``.

Same as ``python -m bilingual_reader.glossary.source``, with the project root's files as defaults.
Bad rows are listed on stderr as ``file:line: reason`` and the exit code is 2; the old database is kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bilingual_reader.glossary.source import main

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or [str(ROOT / "glossary.tsv"), str(ROOT / "glossary.db")]))
