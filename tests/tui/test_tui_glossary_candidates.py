"""The glossary screen's candidates view (found in a worker; accept into the pre-filled add form; dismiss
for good) and its origin filter and label (without an article: test_tui_glossary_screen.py)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Static

from bilingual_reader.documents.articles import load_article
from bilingual_reader.glossary.models import Concept, Term
from bilingual_reader.glossary.store import Glossary
from bilingual_reader.teaching.candidate_review import dismissed_candidates
from bilingual_reader.translation.memory import TranslationMemory
from bilingual_reader.tui.glossary.candidates import CandidatesScreen
from bilingual_reader.tui.glossary.entry_form import EntryForm

from .test_tui_glossary_screen import Host, OpenArticle, details, heads, screen_of

TEXT = [
    "กองทัพเรือจัดหาเรือฟริเกตลำใหม่ และเรือฟริเกตลำนี้ติดตั้งระบบเรดาร์",
    "ระบบเรดาร์ของเรือฟริเกตมาจากบริษัทคอมพิวเตอร์ในยุโรป คอมพิวเตอร์ทำงานได้ดี",
]

ENGLISH = "The navy buys a frigate with a radar."


def _candidates(app: Host) -> list[str]:
    screen = app.screen
    assert isinstance(screen, CandidatesScreen)
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(row)[1]) for row in range(table.row_count)]


async def _open_candidates(app: Host, pilot: object) -> None:
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("c")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CandidatesScreen) and screen.done


async def test_accept_a_candidate_into_the_add_form_and_dismiss_one_for_good(
    glossary_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "frigates.txt"
    path.write_text("\n".join(TEXT) + "\n", encoding="utf-8")
    article = load_article(path)
    with TranslationMemory() as memory:
        memory.save_post_edit(article.article_id, 0, article.paragraphs[0], ENGLISH)
    with Glossary.open(glossary_path) as glossary:
        app = Host(glossary, OpenArticle(article))
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            await _open_candidates(app, pilot)
            assert _candidates(app) == ["เรือฟริเกต", "ระบบเรดาร์", "คอมพิวเตอร์"]
            contexts = str(app.screen.query_one("#candidates-contexts", Static).render())
            assert contexts.startswith(
                f"เรือฟริเกต (rueapriket), ×3 · its paragraph in English: {ENGLISH}\n\n"
                "…กองทัพเรือจัดหา[เรือฟริเกต]ลำใหม่"
            )
            await pilot.press("x")  # never again
            assert _candidates(app) == ["ระบบเรดาร์", "คอมพิวเตอร์"]
            assert dismissed_candidates(glossary) == {"เรือฟริเกต"}
            await pilot.press("enter")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, EntryForm)
            assert form.query_one("#thai", Input).value == "ระบบเรดาร์"
            hint = str(form.query_one("#form-hint", Static).render())
            assert hint == f"ระบบเรดาร์ (rapbareda), ×2 · its paragraph in English: {ENGLISH}"
            form.query_one("#english", Input).value = "radar system"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert screen_of(app) is app.screen
            added = glossary.lookup("ระบบเรดาร์")
            assert [(c.english[0].text, c.origin) for c in added] == [("radar system", "personal")]
            await _open_candidates(app, pilot)  # neither the dismissed one nor the added one comes back
            assert _candidates(app) == ["คอมพิวเตอร์"]
            await pilot.press("escape")
            await pilot.pause()
            assert screen_of(app) is app.screen


async def test_the_origin_filter_and_label(glossary_path: Path) -> None:
    with Glossary.open(glossary_path) as glossary:
        glossary.add(Concept("naval", (Term("เรือรบ", "th"), Term("warship", "en")), origin="class pack 3B"))
        app = Host(glossary)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            screen = screen_of(app)
            assert [value for _, value in screen.origin_select._options[1:]] == ["class pack 3B", "personal"]
            screen.origin_select.value = "class pack 3B"
            await pilot.pause()
            assert heads(app) == ["เรือรบ"]
            await pilot.press("enter")
            assert "\nFrom       class pack 3B" in details(app)
            screen.origin_select.value = "personal"
            await pilot.pause()
            assert len(heads(app)) == 4
            screen.search_input.value = "รบ"
            await pilot.pause()
            assert heads(app) == []
            screen.origin_select.clear()
            await pilot.pause()
            assert heads(app) == ["เรือรบ"]
