"""The one exception the glossary package raises for bad files, bad input and refused writes."""

from __future__ import annotations


class GlossaryError(Exception):
    """A glossary problem; ``str(err)`` names the file (one line, or one line per bad TSV row)."""


class UnknownConceptError(GlossaryError):
    """No concept has the requested id."""


class DuplicateTermError(GlossaryError):
    """A Thai term being stored already belongs to another concept (``owner``), which is named."""

    def __init__(self, message: str, term: str, owner_id: int) -> None:
        """``term`` (as typed) belongs to the stored concept ``owner_id``."""
        super().__init__(message)
        self.term = term
        self.owner_id = owner_id
