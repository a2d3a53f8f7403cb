"""Self-contained HTML pages: the document shell and the font stacks shared by the QA report and the handouts.

No scripts, nothing fetched: every page carries its CSS inline. The Thai fonts named are Debian's
fonts-thai-tlwg (Loma, Garuda, Waree, Norasi, Kinnari, …), Noto Sans Thai (Linux, Android), Leelawadee UI and
Tahoma (Windows) and Thonburi (macOS, iOS): a browser takes the first one it has for the Thai characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

__all__ = ["SANS", "SERIF_THAI", "html_page"]

#: Latin first (so English looks like English), then the Thai fonts each platform has.
SANS = (
    '"Noto Sans", "DejaVu Sans", "Segoe UI", Arial, "Noto Sans Thai", "Leelawadee UI", Thonburi, Tahoma, '
    "Loma, Garuda, Waree, sans-serif"
)
#: For Thai body text: Thai fonts with readable loops first (Loma and Garuda on Debian).
SERIF_THAI = (
    'Loma, Garuda, "Noto Sans Thai", "Noto Serif Thai", "Leelawadee UI", Thonburi, Tahoma, Waree, Norasi, '
    '"DejaVu Sans", sans-serif'
)


def html_page(title: str, css: str, body: Iterable[str], lang: str = "en") -> str:
    """A whole page: doctype, UTF-8, viewport, the escaped ``title``, ``css`` inline and the ``body`` parts
    (already escaped HTML), one per line."""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{css}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
