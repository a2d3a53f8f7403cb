"""The CAT round trip: `translate --format xliff`, a translator edits targets, `memory import` brings them
back as post-edits (shown as such by `translate`); `memory export` writes the memory as TMX."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bilingual_reader.cli import main
from bilingual_reader.documents.bilingual import read_bilingual
from bilingual_reader.translation.packages import InstalledModel
from support import corpus_pairs


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    thai = [thai for thai, _ in corpus_pairs()[:3]]
    path.write_text("หัวข้อ\n" + "\n".join(thai) + "\n", encoding="utf-8")
    return path


def test_xliff_round_trip_makes_post_edits(
    trained_model: InstalledModel, article: Path, tmp_path: Path
) -> None:
    xlf = tmp_path / "article.xlf"
    code, _, _ = run("translate", str(article), "--format", "xliff", "-o", str(xlf))
    assert code == 0
    units = read_bilingual(xlf).units
    assert all(u.needs_review and u.machine == u.english for u in units)
    edited = re.sub(
        r"(<target state=\"needs-review-translation\">)[^<]*",
        r"\1Edited by a translator.",
        xlf.read_text("utf-8"),
        count=1,
    )
    xlf.write_text(edited, encoding="utf-8")
    code, out, _ = run("memory", "import", str(xlf))
    assert code == 0
    assert f"{xlf}: 1 post-edit(s) saved, 0 already in the memory, {len(units) - 1} left" in out
    assert "0 post-edit(s) saved, 1 already in the memory" in run("memory", "import", str(xlf))[1]
    code, out, _ = run("translate", str(article), "--format", "json")
    paragraphs = json.loads(out)["paragraphs"]
    assert [p["source"] for p in paragraphs].count("post-edit") == 1
    assert "Edited by a translator." in [p["english"] for p in paragraphs]
    tmx = tmp_path / "memory.tmx"
    assert run("memory", "export", "-o", str(tmx))[0] == 0
    exported = {(u.thai, u.english) for u in read_bilingual(tmx).units}
    edited_thai = next(p["thai"] for p in paragraphs if p["source"] == "post-edit")
    assert (edited_thai, "Edited by a translator.") in exported  # the post-edit travels with its Thai


def test_memory_export_writes_tmx(trained_model: InstalledModel, article: Path, tmp_path: Path) -> None:
    assert run("translate", str(article))[0] == 0
    tmx = tmp_path / "memory.tmx"
    code, out, _ = run("memory", "export", "-o", str(tmx))
    assert code == 0 and out.startswith(f"wrote {tmx}: ")
    read = read_bilingual(tmx)
    assert read.format == "tmx" and len(read.units) >= 3 and all(u.english for u in read.units)


def test_memory_import_of_a_bad_file_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff", encoding="utf-8")
    code, _, err = run("memory", "import", str(bad))
    assert code == 2 and err.count("\n") == 1 and str(bad) in err


def test_memory_revert_drops_the_post_edit_and_keeps_it_in_history(article: Path) -> None:
    from bilingual_reader.documents.articles import load_article
    from bilingual_reader.translation.memory import TranslationMemory

    loaded = load_article(article)
    thai = loaded.paragraphs[1]
    with TranslationMemory() as memory:
        memory.save_post_edit(loaded.article_id, 1, thai, "My edit.")
    code, out, _ = run("memory", "revert", str(article), "2")
    assert (code, out) == (
        0,
        f"{article}: paragraph 2 reverted to its machine translation (the edit stays in history)\n",
    )
    with TranslationMemory() as memory:
        assert memory.get_post_edit(loaded.article_id, 1, thai) is None
        assert [e for _, e, reverted in memory.post_edit_history(loaded.article_id, 1, thai) if reverted] == [
            "My edit."
        ]
    assert run("memory", "revert", str(article), "2") == (1, "", f"{article}: paragraph 2 has no post-edit\n")
    code, _, err = run("memory", "revert", str(article), "99")
    assert code == 2 and err.startswith(f"bilingual-reader: {article}: the article has paragraphs 1 to ")
