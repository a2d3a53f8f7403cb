"""The one exception the glossary package raises for bad files, bad input and refused writes."""

from __future__ import annotations


class GlossaryError(Exception):
    """A glossary problem; ``str(err)`` names the file (one line, or one line per bad TSV row)."""


class UnknownConceptError(GlossaryError):
    """No concept has the requested id."""
