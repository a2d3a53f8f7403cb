"""The Thai tests run in one xdist worker (``--dist loadgroup``; tests/test_lookup.py joins them): what they
load once a process is loaded once, not in each worker (pythainlp's newmm trie ~0.6 CPU-s, thaiphon's lexicon,
the glossary segmenter's nlpo3 dictionary, the Wikipedia titles). tests/thai + tests/test_lookup.py, -n 3:
19.1 CPU-s in the tests spread over three workers, 13.4 in one."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups off the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.xdist_group("thai"))
