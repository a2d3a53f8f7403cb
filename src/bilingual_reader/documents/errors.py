"""The one error every document reader raises."""

from __future__ import annotations

__all__ = ["ArticleError"]


class ArticleError(Exception):
    """A document that cannot be read; ``str(err)`` is one line that names the file (and the line)."""
