"""Checks a concept must pass before it is stored, shared by the store and the TSV reader."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bilingual_reader.glossary.models import Concept, Status
from bilingual_reader.thai.text import normalize_key

LANGS = {"th": "Thai", "en": "English"}
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


def concept_problems(concept: Concept, keys: Sequence[str] | None = None) -> list[str]:
    """Every reason ``concept`` cannot be stored, as short phrases (empty when it is fine).

    ``keys``, when given, must be ``normalize_key`` of each term's text, in term order (it saves
    normalizing them again).
    """
    problems: list[str] = []
    if concept.terms:
        langs = {term.lang for term in concept.terms}
        problems.extend(f"no {name} term" for lang, name in LANGS.items() if lang not in langs)
    if not concept.subject.strip():
        problems.append("empty subject")
    if not concept.terms:
        problems.append("no terms")
    seen: set[tuple[str, str]] = set()
    preferred: dict[str, int] = {}
    if keys is not None and len(keys) != len(concept.terms):
        keys = None
    for index, term in enumerate(concept.terms):
        if term.lang not in LANGS:
            problems.append(f"unknown language {term.lang!r} (expected 'th' or 'en')")
            continue
        status = term.status
        if type(status) is not Status:
            try:
                status = Status(status)
            except ValueError:
                problems.append(f"unknown status {term.status!r} for term {term.text!r}")
                continue
        key = normalize_key(term.text) if keys is None else keys[index]
        if not key:
            problems.append(f"empty {LANGS[term.lang]} term")
            continue
        script = _script_problem(term.text, term.lang)
        if script:
            problems.append(script)
        if (term.lang, key) in seen:
            problems.append(f"duplicate {LANGS[term.lang]} term {term.text.strip()!r}")
        seen.add((term.lang, key))
        if status is Status.PREFERRED:
            preferred[term.lang] = preferred.get(term.lang, 0) + 1
    problems.extend(f"more than one preferred {LANGS[lang]} term" for lang, n in preferred.items() if n > 1)
    return problems


def _script_problem(text: str, lang: str) -> str | None:
    """Why ``text`` cannot be a term in ``lang``: a Thai term is Thai letters, an English term has none."""
    if lang == "th" and _LATIN_LETTER.search(text):
        return f"the Thai term {text.strip()!r} has Latin letters (put English in the English terms)"
    if lang == "th" and not _THAI_LETTER.search(text):
        return f"the Thai term {text.strip()!r} has no Thai letters"
    if lang == "en" and _THAI_LETTER.search(text):
        return f"the English term {text.strip()!r} has Thai letters (put Thai in the Thai terms)"
    return None
