"""The terminology check: every glossary term of the Thai, looked for in the English of the same paragraph."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass

from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.qa.findings import Finding, FindingStatus, Span
from bilingual_reader.qa.matcher import EnglishMatcher, Hit, ThaiMatcher, resolve_overlaps
from bilingual_reader.qa.spelling import term_key
from bilingual_reader.thai.text import normalize_key

#: (paragraph index, concept id) pairs whose problems were dismissed.
Dismissed = Collection[tuple[int, int]]


@dataclass(frozen=True, eq=False)
class _Entry:
    """A checkable concept with its English keys sorted by what they mean for the check."""

    concept: Concept
    suggestion: str
    approved: dict[str, Term]  # term key -> glossary term
    bad: dict[str, Term]  # forbidden or deprecated: term key -> glossary term


def _entry(concept: Concept) -> _Entry | None:
    """The check's view of a concept, or None when it has no approved English term or its check is off."""
    if not concept.check_enabled:
        return None
    approved: dict[str, Term] = {}
    for term in concept.english:  # preferred first: a spelling variant with the same key keeps the preferred
        if term.status.approved and term_key(term.text):
            approved.setdefault(term_key(term.text), term)
    if not approved:
        return None
    bad = {
        term_key(t.text): t
        for t in concept.english
        if not t.status.approved and term_key(t.text) and term_key(t.text) not in approved
    }
    return _Entry(concept, next(iter(approved.values())).text, approved, bad)


class TermChecker:
    """Checks paragraphs against a list of concepts. Build once per glossary state; it is never mutated.

    ``disabled`` names concept ids whose check is switched off (besides ``Concept.check_enabled``);
    ``inflect=False`` matches English without dictionary inflections (see ``EnglishMatcher``).
    """

    def __init__(
        self, concepts: Iterable[Concept], disabled: Collection[int] = (), *, inflect: bool = True
    ) -> None:
        """Index the Thai and English terms of the concepts that can be checked."""
        self._by_thai: dict[str, list[_Entry]] = {}
        english: list[tuple[str, str]] = []
        for concept in concepts:
            entry = _entry(concept)
            if entry is None or (concept.id is not None and concept.id in disabled):
                continue
            for term in concept.thai:
                bucket = self._by_thai.setdefault(normalize_key(term.text), [])
                if entry not in bucket:
                    bucket.append(entry)
            english.extend((t.text, t.pos) for t in (*entry.approved.values(), *entry.bad.values()))
        self._thai = ThaiMatcher(self._by_thai)
        self._english = EnglishMatcher(english, inflect=inflect)

    def check(self, index: int, thai: str, english: str, dismissed: Dismissed = ()) -> list[Finding]:
        """The findings of one paragraph (``index`` is its number in the article), in Thai order.

        ``thai`` should be cleaned (``clean_text``; ``Article.paragraphs`` are): matching casefolds, skips
        invisible characters and collapses whitespace itself, and spans index ``thai`` as given.
        """
        thai_hits = self._thai.find(thai)
        if not thai_hits:
            return []
        candidates = [self._by_thai[hit.key] for hit in thai_hits]
        wanted = {key for entries in candidates for e in entries for key in (*e.approved, *e.bad)}
        english_hits = resolve_overlaps(self._english.find(english, sorted(wanted)))
        found_keys = {hit.key for hit in english_hits}
        by_key: dict[str, list[Hit]] = {}
        for hit in english_hits:
            by_key.setdefault(hit.key, []).append(hit)
        # One pass each, not every hit against every concept (quadratic in a long paragraph).
        occurrences: dict[int, tuple[_Entry, list[Hit]]] = {}
        for hit, entries in zip(thai_hits, candidates, strict=True):
            entry = _choose(entries, found_keys)
            occurrences.setdefault(id(entry), (entry, []))[1].append(hit)
        findings: list[Finding] = []
        for entry, hits in occurrences.values():
            findings.extend(_judge(index, thai, english, entry, hits, by_key, dismissed))
        return sorted(findings, key=lambda f: (f.thai.start, f.status != FindingStatus.OK))

    def concepts_in(self, thai: str) -> list[Concept]:
        """The checkable concepts whose Thai terms occur in ``thai`` (longest match), in order, once each."""
        found = (self._by_thai[hit.key][0].concept for hit in self._thai.find(thai))
        return list({id(c): c for c in found}.values())

    def check_all(
        self, thai: Sequence[str], english: Sequence[str | None], dismissed: Dismissed = ()
    ) -> Iterator[Finding]:
        """Findings of aligned paragraphs; a paragraph whose English is None (untranslated) is skipped."""
        for index, (source, target) in enumerate(zip(thai, english, strict=True)):
            if target is not None:
                yield from self.check(index, source, target, dismissed)


def _choose(entries: list[_Entry], keys: set[str]) -> _Entry:
    """Of concepts sharing a Thai term: the one the English renders (approved, then bad), else the first.

    ``keys``: the keys of the English hits."""
    for field in ("approved", "bad"):
        for entry in entries:
            if keys.intersection(getattr(entry, field)):
                return entry
    return entries[0]


def _judge(
    index: int,
    thai: str,
    english: str,
    entry: _Entry,
    occurrences: list[Hit],
    by_key: dict[str, list[Hit]],
    dismissed: Dismissed,
) -> Iterator[Finding]:
    """Findings for each Thai occurrence of one concept, plus one per extra bad English term.

    ``by_key``: the English hits (in text order) by key."""
    good = _in_order(by_key, entry.approved)
    bad = _in_order(by_key, entry.bad)
    concept_id = entry.concept.id
    is_dismissed = concept_id is not None and (index, concept_id) in dismissed

    def finding(thai_hit: Hit, status: FindingStatus, hit: Hit | None, terms: dict[str, Term]) -> Finding:
        return Finding(
            paragraph=index,
            thai=Span(thai_hit.start, thai_hit.end, thai[thai_hit.start : thai_hit.end]),
            concept_id=concept_id,
            status=status,
            suggestion=entry.suggestion,
            english=None if hit is None else Span(hit.start, hit.end, english[hit.start : hit.end]),
            english_term=None if hit is None else terms[hit.key].text,
            dismissed=is_dismissed and status is not FindingStatus.OK,
        )

    if good:
        for k, thai_hit in enumerate(occurrences):
            yield finding(thai_hit, FindingStatus.OK, good[min(k, len(good) - 1)], entry.approved)
        extra = bad
    else:
        for k, thai_hit in enumerate(occurrences):
            if bad:
                hit = bad[min(k, len(bad) - 1)]
                yield finding(thai_hit, _bad_status(entry.bad[hit.key]), hit, entry.bad)
            else:
                yield finding(thai_hit, FindingStatus.MISSING, None, entry.approved)
        extra = bad[len(occurrences) :]
    for k, hit in enumerate(extra):
        thai_hit = occurrences[min(k, len(occurrences) - 1)]
        yield finding(thai_hit, _bad_status(entry.bad[hit.key]), hit, entry.bad)


def _bad_status(term: Term) -> FindingStatus:
    """A deprecated term is a warning of its own; a forbidden one is an error."""
    return FindingStatus.DEPRECATED if term.status is Status.DEPRECATED else FindingStatus.FORBIDDEN


def _in_order(by_key: dict[str, list[Hit]], keys: Iterable[str]) -> list[Hit]:
    """The English hits of ``keys``, in text order."""
    found = [hit for key in keys for hit in by_key.get(key, ())]
    return sorted(found, key=lambda h: (h.start, h.end, h.key))
