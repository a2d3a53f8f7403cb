"""A small glossary and article for the handout tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

from bilingual_reader.documents.articles import Article, article_from_text
from bilingual_reader.glossary.models import Concept, Status, Term
from bilingual_reader.glossary.store import Glossary

#: Two paragraphs: กองทัพเรือ and เรือดำน้ำ (glossary terms) twice each; ลำ is "common", the rest "very common"
#: except ปีหน้า, which the corpus list does not have.
TEXT = "กองทัพเรือซื้อเรือดำน้ำ\nกองทัพเรือจะได้รับเรือดำน้ำลำใหม่ในปีหน้า\n"


def small_glossary() -> Glossary:
    """กองทัพเรือ (navy; admitted: Royal Thai Navy; forbidden: sea army) and เรือดำน้ำ (submarine)."""
    glossary = Glossary.memory()
    navy = (
        Term("กองทัพเรือ", "th"),
        Term("navy", "en"),
        Term("Royal Thai Navy", "en", Status.ADMITTED),
        Term("sea army", "en", Status.FORBIDDEN),
    )
    glossary.add(Concept("naval", navy, definition="The sea arm of the armed forces."))
    glossary.add(Concept("naval", (Term("เรือดำน้ำ", "th"), Term("submarine", "en"))))
    return glossary


def small_article(folder: Path) -> Article:
    """The article, as if read from ``folder/small.txt``."""
    return article_from_text(TEXT, path=folder / "small.txt")
