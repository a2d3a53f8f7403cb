"""Write a translated article as plain text, Markdown, JSON, TMX or XLIFF (for post-editing in a CAT tool)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from bilingual_reader.translation.results import ParagraphResult

if TYPE_CHECKING:
    from bilingual_reader.translation.steering import SentenceSteering

FORMATS = ("text", "markdown", "json", "tmx", "xliff")


class Titled(Protocol):
    """What the writers need of an article (``documents.articles.Article`` fits)."""

    @property
    def title(self) -> str: ...

    def role(self, index: int) -> str: ...


def _english(r: ParagraphResult) -> str:
    return r.english if r.source != "failed" else f"[{r.error or 'translation failed'}]"


def to_text(article: Titled, results: Sequence[ParagraphResult]) -> str:
    """Each paragraph, the title line included: the Thai, then the English, then a blank line."""
    return "\n\n".join(f"{r.thai}\n{_english(r)}" for r in results) + "\n"


def to_markdown(article: Titled, results: Sequence[ParagraphResult]) -> str:
    """Per paragraph the Thai and the English as a quote (flags in italics); the title's Thai is a heading."""
    lines: list[str] = []
    for r in results:
        thai = f"# {r.thai}" if article.role(r.index) == "title" else r.thai
        lines += [thai, "", f"> {_english(r)}"]
        if r.flags:
            lines += [">", f"> *flags: {', '.join(r.flags)}*"]
        lines.append("")
    return "\n".join(lines)


def _steering(s: SentenceSteering) -> dict[str, object]:
    return {"method": s.method, "original": s.original, "text": s.text, "suggestions": list(s.suggestions)}


def to_json(article: Titled, results: Sequence[ParagraphResult]) -> str:
    """A JSON object: the header's title and, per paragraph, index, role ("title" or "paragraph"), thai,
    english, source, model, flags (and error, and with glossary steering, per sentence: method, original,
    text, suggestions)."""
    paragraphs = [paragraph_json(article, r) for r in results]
    return json.dumps({"title": article.title, "paragraphs": paragraphs}, ensure_ascii=False, indent=2) + "\n"


def paragraph_json(article: Titled, r: ParagraphResult) -> dict[str, object]:
    """One paragraph of :func:`to_json`, as a dict."""
    return {
        "index": r.index,
        "role": article.role(r.index),
        "thai": r.thai,
        "english": r.english,
        "source": r.source,
        "model": r.model,
        "flags": list(r.flags),
        **({"error": r.error} if r.error else {}),
        **({"steering": [_steering(s) for s in r.steering]} if r.steering else {}),
    }


def to_tmx(results: Sequence[ParagraphResult]) -> bytes:
    """A TMX 1.4 memory (translate-toolkit): one unit per translated paragraph (title too), Thai → English."""
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage="th", targetlanguage="en")
    for r in results:
        if r.source != "failed" and r.english:
            store.addtranslation(r.thai, "th", r.english, "en", comment=r.source)
    return bytes(store)


def to_xliff(title: str, results: Sequence[ParagraphResult]) -> bytes:
    """XLIFF 1.2, one unit per paragraph (ids p1, p2 …): the machine translation as a target to review,
    a post-edit as a translated target; ``memory import`` brings the edited targets back as post-edits."""
    from bilingual_reader.documents.bilingual import xliff_bytes

    units = [unit_english(r) for r in results]
    english, machine = [e for e, _ in units], [m for _, m in units]
    return xliff_bytes(title or "article", [r.thai for r in results], english, machine)


def unit_english(r: ParagraphResult) -> tuple[str | None, bool]:
    """A paragraph's XLIFF target (None: none) and whether it is machine translation."""
    return (r.english if r.source != "failed" and r.english else None), r.source != "post-edit"


def render(fmt: str, article: Titled, results: Sequence[ParagraphResult]) -> bytes:
    """The article in ``fmt`` (one of :data:`FORMATS`) as UTF-8 bytes."""
    if fmt == "tmx":
        return to_tmx(results)
    if fmt == "xliff":
        return to_xliff(article.title, results)
    writers = {"text": to_text, "markdown": to_markdown, "json": to_json}
    return writers[fmt](article, results).encode("utf-8")
