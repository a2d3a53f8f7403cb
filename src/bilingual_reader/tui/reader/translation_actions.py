"""What the reader's translation commands do: retranslate, edit the English, pick an alternative, install a
model. Each takes the translation controller and the paragraph under the cursor."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilingual_reader.translation.packages import InstalledModel
    from bilingual_reader.tui.reader.translation import TranslationController


def retranslate(translation: TranslationController, index: int) -> None:
    """Retranslate paragraph ``index``, bypassing the memory."""
    translation.retranslate(index)


def edit_english(translation: TranslationController, index: int) -> None:
    """Edit the English of paragraph ``index``; saving stores it as the post-edit."""
    from bilingual_reader.tui.reader.english_editor import EnglishEditor

    article = translation.article
    if article is None or not 0 <= index < len(article.paragraphs):
        return
    result = translation.results.get(index)
    editor = EnglishEditor(article.paragraphs[index], result.english if result is not None else "")
    translation.app.push_screen(editor, _english_chosen(translation, article.article_id, index))


def alternatives(translation: TranslationController, index: int) -> None:
    """List the alternatives for paragraph ``index``'s sentences; a pick is saved as the post-edit."""
    from bilingual_reader.tui.reader.alternatives import AlternativesScreen

    article = translation.article
    result = translation.results.get(index)
    if article is None or result is None or not result.sentences:
        translation.notify("No alternatives for this paragraph yet.", severity="warning", timeout=3)
        return
    chosen = _english_chosen(translation, article.article_id, index)
    translation.app.push_screen(AlternativesScreen(result), chosen)


def _english_chosen(
    translation: TranslationController, article_id: str, index: int
) -> Callable[[str | None], None]:
    def chosen(english: str | None) -> None:
        article = translation.article
        if english is not None and article is not None and article.article_id == article_id:
            translation.save_english(index, english)

    return chosen


def revert(translation: TranslationController, index: int) -> None:
    """Revert paragraph ``index`` to its machine translation; the post-edit stays in the memory's history."""
    translation.revert(index)


def install_model(translation: TranslationController) -> None:
    """Install a Thai→English model (from the index or a file); then translate the article again."""
    from bilingual_reader.tui.widgets.model_install import ModelInstallScreen

    def installed(model: InstalledModel | None) -> None:
        if model is not None:
            translation.restart()

    translation.app.push_screen(ModelInstallScreen(), installed)
