"""The reader's translation keys: retranslate (r), edit the English (e), alternatives (A), install a model."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.binding import Binding

if TYPE_CHECKING:
    from bilingual_reader.translation.packages import InstalledModel
    from bilingual_reader.tui.reader.translation import TranslationController

#: Add to the screen's ``BINDINGS``; the screen mixes in ``TranslationKeys`` for the actions.
TRANSLATION_BINDINGS = [
    Binding("r", "retranslate", "Retranslate", show=False),
    Binding("e", "edit_english", "Edit English", show=False),
    Binding("A", "alternatives", "Alternatives", show=False),
]


class TranslationKeys:
    """Mix into a screen (before ``Screen``); it needs ``translation`` (the controller) and ``paragraph``."""

    translation: TranslationController
    paragraph: int

    def action_retranslate(self) -> None:
        """Retranslate the paragraph under the cursor, bypassing the memory."""
        self.translation.retranslate(self.paragraph)

    def action_edit_english(self) -> None:
        """Edit the English of the paragraph under the cursor; saving stores it as the post-edit."""
        from bilingual_reader.tui.reader.english_editor import EnglishEditor

        article, index = self.translation.article, self.paragraph
        if article is None or not 0 <= index < len(article.paragraphs):
            return
        result = self.translation.results.get(index)
        editor = EnglishEditor(article.paragraphs[index], result.english if result is not None else "")
        self.translation.app.push_screen(editor, self._english_chosen(article.article_id, index))

    def action_alternatives(self) -> None:
        """List the alternatives for the paragraph's sentences; a pick is saved as the post-edit."""
        from bilingual_reader.tui.reader.alternatives import AlternativesScreen

        article, index = self.translation.article, self.paragraph
        result = self.translation.results.get(index)
        if article is None or result is None or not result.sentences:
            self.translation.notify("No alternatives for this paragraph yet.", severity="warning", timeout=3)
            return
        self.translation.app.push_screen(
            AlternativesScreen(result), self._english_chosen(article.article_id, index)
        )

    def _english_chosen(self, article_id: str, index: int) -> Callable[[str | None], None]:
        def chosen(english: str | None) -> None:
            article = self.translation.article
            if english is not None and article is not None and article.article_id == article_id:
                self.translation.save_english(index, english)

        return chosen

    def action_install_model(self) -> None:
        """Install a Thai→English model (from the index or a file); then translate the article again."""
        from bilingual_reader.tui.widgets.model_install import ModelInstallScreen

        self.translation.app.push_screen(ModelInstallScreen(), self._model_installed)

    def _model_installed(self, model: InstalledModel | None) -> None:
        if model is not None:
            self.translation.restart()
