"""Glossary-steered translation: give a sentence the approved English term it misses, and record how.

For a sentence whose machine translation misses an approved term (or uses a forbidden one) of a glossary
concept found in its Thai: (1) take the engine's first n-best hypothesis that passes the check ("reranked",
no engine call); (2) else translate again with the approved term forced in by a CTranslate2 *target prefix*
("prefix"); (3) every candidate is verified with the terminology check; (4) else keep the original and flag
it with the suggested terms ("flagged"). A sentence that already passes is "compliant".

Why a target prefix and not a placeholder (measured on the trained fixture package,
``tests/fixtures/argos/translate-th_en-test.argosmodel``, and reasoned for real Argos models):

- Placeholder (replace the Thai term by a Latin token the model should copy, then substitute the approved
  term): with ``Xavier``, ``XQZ``, ``ZZTERM0``, ``Kilo`` and even words of its own English side (``NATO``,
  ``Brussels``, ``Poland``, ``Monday``) spliced into two corpus sentences, the fixture copied the token in
  0 of 16 outputs: 15 were garbled ("The woreo fidy."), one ignored it. Real Argos 1.9 models can
  *encode* any token (SentencePiece ``byte_fallback``) and often copy names through, but a Latin token in
  unspaced Thai is a name to them, not a noun: they transliterate, inflect, drop or re-case it and build
  the grammar around a name (articles, number), so the substitution is unreliable and only checkable after.
- Target prefix: CTranslate2 forces the prefix pieces, so the approved term is always in the output; the
  model only writes the rest. With the fixture, forcing "The government sent protective vests" gives
  "The government sent protective vests." and the check turns from missing to ok. The tiny model tracks
  position rather than coverage, so after a term of a different length it may drop the tail
  ("... to the police"); a real model attends to the source and continues normally. Where the term goes is
  found from the output: at the forbidden term's span when one is used, else at the word starts of the
  original near the Thai term's relative position (one batched greedy call, each position with and
  without a forced word boundary after the term); candidates that pass the check are ranked by the
  model's own score (``Engine.score``: what beam search optimises). On the fixture that score is not a
  quality signal for words it never saw, so a prefix-steered sentence there often has a garbled tail
  ("The government sent protective vest ol."): the term and the check are right, the fluency is the tiny
  model's.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bilingual_reader.qa.check import TermChecker
from bilingual_reader.qa.findings import Finding, FindingStatus
from bilingual_reader.translation.engines.base import Engine, PrefixEngine, Recall, SentenceTranslation
from bilingual_reader.translation.memory import TranslationMemory

METHODS = ("compliant", "reranked", "prefix", "flagged")
MAX_POSITIONS = 16  # word starts tried for a missing term (two prefixes each, one batched call)
WINDOW = 3  # words either side of the Thai term's relative position (or a quarter of the sentence)
MAX_ROUNDS = 3  # concepts fixed by prefix in one sentence
VERSION = "1"  # bump when steering changes: stored outcomes of older versions are not reused
_WORD_START = re.compile(r"(?:^|(?<=\s))\S")


@dataclass(frozen=True)
class SentenceSteering:
    """One sentence after steering: ``text`` to show, the engine's unsteered ``original``, and how.

    ``method`` is one of :data:`METHODS`; ``suggestions`` are the approved terms still missing (flagged).
    """

    source: str
    text: str
    original: str
    method: str
    suggestions: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        """True when steering replaced the engine's best translation."""
        return self.text != self.original


def _problems(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.status is not FindingStatus.OK]


def _starts(source: str, text: str, problem: Finding) -> list[int]:
    """Word starts of ``text`` where the term may go: the forbidden term's span if one is used, else the
    word starts near the Thai term's relative position (Thai and English news sentences are both SVO and
    largely monotonic), nearest first."""
    if problem.english is not None:
        return [problem.english.start]
    starts = [m.start() for m in _WORD_START.finditer(text)] or [0]
    guess = round(len(starts) * problem.thai.start / max(len(source), 1))
    window = max(WINDOW, len(starts) // 4)
    near = sorted(range(len(starts)), key=lambda i: (abs(i - guess), i))
    return [starts[i] for i in near if abs(i - guess) <= window][:MAX_POSITIONS]


def _prefixes(source: str, text: str, problem: Finding) -> list[str]:
    """Prefixes that put the suggested term where the concept's rendering starts (or may start), with and
    without a forced word boundary after it."""
    out: list[str] = []
    for start in _starts(source, text, problem):
        term = problem.suggestion
        if start == 0 and text[:1].isupper():
            term = term[:1].upper() + term[1:]
        out.extend((text[:start] + term, text[:start] + term + " "))
    return list(dict.fromkeys(out))


class Steerer:
    """Steers sentences to one glossary's approved terms. Build once per glossary state (like the checker)."""

    def __init__(self, checker: TermChecker, *, use_prefix: bool = True) -> None:
        """``use_prefix=False`` stops after reranking (no new engine call ever)."""
        self.checker = checker
        self.use_prefix = use_prefix

    def _check(self, source: str, english: str) -> list[Finding]:
        return _problems(self.checker.check(0, source, english))

    def terms_key(self, source: str) -> str:
        """Identifies the glossary terms applying to ``source`` (and the steering version) for the memory."""
        terms = [[t.text, t.lang, t.status.value] for c in self.checker.concepts_in(source) for t in c.terms]
        data = json.dumps([VERSION, self.use_prefix, terms], ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]

    def steer(
        self,
        translation: SentenceTranslation,
        engine: Engine | Recall | None = None,
        memory: TranslationMemory | None = None,
    ) -> SentenceSteering:
        """Steer one sentence; outcomes are kept in ``memory`` so a memory hit needs no engine call.

        With a :class:`Recall` (no engine can run) only stored outcomes and reranking are used.
        """
        source, best = translation.source, translation.best
        problems = self._check(source, best)
        if not problems:
            return SentenceSteering(source, best, best, "compliant")
        terms = self.terms_key(source) if memory is not None and engine is not None else ""
        if memory is not None and engine is not None:
            stored = memory.get_steered(engine.model_key, engine.settings_key, source, terms)
            if stored is not None:
                return SentenceSteering(source, stored[0], best, stored[1], stored[2])
        result = self._fix(translation, problems, engine)
        if memory is not None and engine is not None and engine.settings_key is not None:
            outcome = (result.text, result.method, result.suggestions)
            memory.put_steered(engine.model_key, engine.settings_key, source, terms, outcome)
        return result

    def _fix(
        self, translation: SentenceTranslation, problems: list[Finding], engine: object | None
    ) -> SentenceSteering:
        source, best = translation.source, translation.best
        for hypothesis in translation.nbest:
            if hypothesis.text != best and not self._check(source, hypothesis.text):
                return SentenceSteering(source, hypothesis.text, best, "reranked")
        if self.use_prefix and isinstance(engine, PrefixEngine):
            fixed = self._prefix(source, best, problems, engine)
            if fixed is not None:
                return SentenceSteering(source, fixed, best, "prefix")
        suggestions = tuple(dict.fromkeys(f.suggestion for f in problems))
        return SentenceSteering(source, best, best, "flagged", suggestions)

    def _prefix(self, source: str, best: str, problems: list[Finding], engine: PrefixEngine) -> str | None:
        """Force the approved terms in one concept at a time; None unless the result passes the check."""
        current = best
        for _ in range(MAX_ROUNDS):
            if not problems:
                return current
            outputs = engine.complete(source, _prefixes(source, current, problems[0]))
            passing = {}
            for output in dict.fromkeys(o for o in outputs if o):
                remaining = self._check(source, output)
                if len(remaining) < len(problems):
                    passing[output] = remaining
            if not passing:
                return None
            candidates = list(passing)
            scores = engine.score(source, candidates)
            order = sorted(range(len(candidates)), key=lambda i: (len(passing[candidates[i]]), -scores[i], i))
            current = candidates[order[0]]
            problems = passing[current]
        return None if problems else current
