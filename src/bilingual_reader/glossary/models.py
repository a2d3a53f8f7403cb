"""The glossary's data shapes, after TBX: a concept with terms in Thai and English."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """TBX administrative status of a term."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"

    @property
    def approved(self) -> bool:
        """True for terms a translation may use (preferred or admitted)."""
        return self in (Status.PREFERRED, Status.ADMITTED)


STATUS_ORDER = {Status.PREFERRED: 0, Status.ADMITTED: 1, Status.DEPRECATED: 2, Status.FORBIDDEN: 3}

SUBJECT_FIELDS = (
    "weapons",
    "armour",
    "vehicles",
    "aviation",
    "naval",
    "munitions",
    "air defense",
    "forces",
    "ranks",
    "organisations",
    "diplomacy",
    "logistics",
    "medical",
    "general",
)


@dataclass(frozen=True)
class Term:
    """One term of a concept in one language."""

    text: str
    lang: str  # "th" or "en"
    status: Status = Status.PREFERRED
    pos: str = "noun"
    id: int | None = None


@dataclass(frozen=True)
class Concept:
    """A glossary entry: one meaning, with its terms in Thai and English."""

    subject: str
    terms: tuple[Term, ...]
    definition: str = ""
    note: str = ""
    id: int | None = None
    check_enabled: bool = True
    #: Where it came from ("shipped", "personal", "class pack NAME", "import FILE", "merge FILE"; "" when not
    #: recorded): a label, not part of what the concept means, so equality ignores it.
    origin: str = field(default="", compare=False)

    def terms_in(self, lang: str) -> list[Term]:
        """This concept's terms in one language, preferred first, forbidden last."""
        return sorted((t for t in self.terms if t.lang == lang), key=lambda t: STATUS_ORDER[t.status])

    @property
    def thai(self) -> list[Term]:
        """Thai terms, preferred first."""
        return self.terms_in("th")

    @property
    def english(self) -> list[Term]:
        """English terms, preferred first."""
        return self.terms_in("en")

    @property
    def headword(self) -> str:
        """The preferred Thai term (or the first term of any language)."""
        thai = self.thai
        return thai[0].text if thai else self.terms[0].text
