"""Subject fields by name: spelling variants (armor/armour) and one-line errors listing the known ones."""

from __future__ import annotations

from collections.abc import Iterable

from bilingual_reader.glossary.errors import GlossaryError
from bilingual_reader.glossary.models import SUBJECT_FIELDS

__all__ = ["SUBJECT_ALIASES", "known_subjects_text", "resolve_subject"]

#: Other spellings accepted for a subject field (American or British), mapped to the field's name.
SUBJECT_ALIASES = {
    "armor": "armour",
    "air defence": "air defense",
    "organizations": "organisations",
}


def _key(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").lower().split())


def resolve_subject(name: str, used: Iterable[str] = ()) -> str:
    """The subject field ``name`` means (a known field, an alias of one, or one the glossary ``used``).

    Raises :class:`GlossaryError` naming the known subjects (with their aliases) for anything else.
    """
    fields = list(dict.fromkeys([*SUBJECT_FIELDS, *used]))
    by_key = {_key(f): f for f in fields}
    key = _key(name)
    if key in by_key:
        return by_key[key]
    if key in SUBJECT_ALIASES:
        return SUBJECT_ALIASES[key]
    raise GlossaryError(f"unknown subject {name!r}; known subjects: {known_subjects_text(fields)}")


def known_subjects_text(fields: Iterable[str] = SUBJECT_FIELDS) -> str:
    """``armour (also armor), aviation, …``: the subject fields with their aliases, for messages."""
    aliases: dict[str, list[str]] = {}
    for alias, field in SUBJECT_ALIASES.items():
        aliases.setdefault(field, []).append(alias)
    return ", ".join(f"{f} (also {'/'.join(aliases[f])})" if f in aliases else f for f in fields)
