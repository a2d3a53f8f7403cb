"""Glossary steering without a new engine call: rerank a sentence's n-best list by term compliance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilingual_reader.glossary.models import Concept
from bilingual_reader.qa.matcher import EnglishMatcher, resolve_overlaps
from bilingual_reader.qa.spelling import term_key


@dataclass(frozen=True)
class RankedHypothesis:
    """An n-best hypothesis with its compliance: approved renderings found and bad terms used."""

    text: str
    rank: int  # position in the engine's n-best list (0 = the engine's best)
    satisfied: int  # required concepts rendered with a preferred or admitted term
    required: int  # how many concepts were required
    forbidden: int  # forbidden or deprecated English terms used

    @property
    def compliant(self) -> bool:
        """Every required concept rendered with an approved term and no bad term used."""
        return self.satisfied == self.required and self.forbidden == 0


def rerank_by_compliance(
    hypotheses: Sequence[str], required_terms: Sequence[Concept]
) -> list[RankedHypothesis]:
    """The hypotheses, most compliant first: most required concepts satisfied, then fewest bad terms,
    then the engine's own order. ``required_terms`` are the concepts found in the Thai sentence."""
    approved = [{term_key(t.text) for t in c.english if t.status.approved} - {""} for c in required_terms]
    bad = {term_key(t.text) for c in required_terms for t in c.english if not t.status.approved} - {""}
    bad -= set().union(*approved) if approved else set()
    matcher = EnglishMatcher(t.text for c in required_terms for t in c.english)
    ranked = []
    for rank, text in enumerate(hypotheses):
        keys = [hit.key for hit in resolve_overlaps(matcher.find(text))]
        satisfied = sum(1 for wanted in approved if wanted.intersection(keys))
        used = sum(1 for key in keys if key in bad)
        ranked.append(RankedHypothesis(text, rank, satisfied, len(required_terms), used))
    return sorted(ranked, key=lambda r: (-r.satisfied, r.forbidden, r.rank))


def first_compliant(hypotheses: Sequence[str], required_terms: Sequence[Concept]) -> RankedHypothesis | None:
    """The engine's highest-ranked fully compliant hypothesis, or None (then steer by other means or flag)."""
    best = rerank_by_compliance(hypotheses, required_terms)
    return best[0] if best and best[0].compliant else None


@dataclass(frozen=True)
class Steered:
    """A sentence's English after steering, and how it was reached.

    ``method``: ``"compliant"`` (the engine's best already was), ``"reranked"`` (another n-best hypothesis),
    or ``"flagged"`` (none complies: the original is kept and ``suggestions`` lists the approved terms).
    """

    text: str
    original: str
    method: str
    suggestions: tuple[str, ...] = ()


def steer(best: str, nbest: Sequence[str], required_terms: Sequence[Concept]) -> Steered:
    """Steer one sentence by reranking only (no engine call): ``best`` stays unless a hypothesis complies."""
    ranked = rerank_by_compliance([best, *(h for h in nbest if h != best)], required_terms)
    top = ranked[0] if ranked else None
    if top is not None and top.compliant:
        return Steered(top.text, best, "compliant" if top.rank == 0 else "reranked")
    suggestions = tuple(
        next(t.text for t in c.english if t.status.approved)
        for c in required_terms
        if any(t.status.approved for t in c.english) and not rerank_by_compliance([best], [c])[0].compliant
    )
    return Steered(best, best, "flagged", suggestions)
