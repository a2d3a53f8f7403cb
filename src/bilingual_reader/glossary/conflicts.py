"""Combining two versions of one concept (the ``merge`` conflict policy)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.thai.text import normalize_key

if TYPE_CHECKING:
    from bilingual_reader.glossary.store import Glossary

__all__ = ["add_or_merge", "conflict_key", "merge_concepts", "save_concept"]


def conflict_key(concept: Concept) -> str:
    """The key two concepts conflict on: the normalized preferred Thai term ("" when there is none)."""
    thai = concept.thai
    return normalize_key(thai[0].text) if thai else ""


def merge_concepts(existing: Concept, incoming: Concept) -> Concept:
    """``existing`` plus what ``incoming`` adds: new terms, and a definition or note it lacks.

    Existing terms, statuses, subject and check flag win. A new term that is preferred in ``incoming``
    becomes admitted when ``existing`` already has a preferred term in that language. A differing note is
    appended after `` | ``.
    """
    seen = {(t.lang, normalize_key(t.text)) for t in existing.terms}
    has_preferred = {t.lang for t in existing.terms if t.status is Status.PREFERRED}
    terms: list[Term] = list(existing.terms)
    for term in incoming.terms:
        key = (term.lang, normalize_key(term.text))
        if key in seen:
            continue
        seen.add(key)
        status = term.status
        if status is Status.PREFERRED and term.lang in has_preferred:
            status = Status.ADMITTED
        has_preferred.update([term.lang] if status is Status.PREFERRED else [])
        terms.append(replace(term, status=status, id=None))
    note = existing.note
    if incoming.note and incoming.note not in note:
        note = f"{note} | {incoming.note}" if note else incoming.note
    return replace(
        existing,
        terms=tuple(terms),
        definition=existing.definition or incoming.definition,
        note=note,
    )


def add_or_merge(glossary: Glossary, concept: Concept) -> tuple[Concept, bool]:
    """Store a new ``concept``, or merge it into the stored concept that already has one of its Thai terms.

    Returns the stored concept and whether it was merged. One transaction; a merge that would take a Thai
    term of yet another concept raises ``DuplicateTermError`` naming that one.
    """
    with glossary.transaction():
        taken = glossary.thai_owner(concept)
        if taken is None:
            return glossary.add(concept), False
        return glossary.update(merge_concepts(taken[1], concept)), True


def save_concept(glossary: Glossary, concept: Concept, *, merge: bool = False) -> Concept:
    """Store ``concept`` (each write is one transaction): added if new, else updated; returns it as stored.

    With ``merge``, a new concept whose Thai term is taken is merged into that concept (``add_or_merge``);
    without, that raises ``DuplicateTermError``. Other refusals raise ``GlossaryError``.
    """
    if concept.id is not None:
        return glossary.update(concept)
    return add_or_merge(glossary, concept)[0] if merge else glossary.add(concept)
