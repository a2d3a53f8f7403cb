"""The command palette's reader commands: open an article, look up, add a term, terminology findings, quit."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from bilingual_reader.documents.articles import list_articles

Command = tuple[str, str, Callable[[], object]]


class ReaderCommands(Provider):
    """Commands of the reader, for the command palette (ctrl+p)."""

    def _commands(self) -> list[Command]:
        app = self.app
        screen = self.screen
        commands: list[Command] = []
        look_up = getattr(screen, "action_look_up", None)
        add_entry = getattr(screen, "action_add_entry", None)
        if look_up is not None:
            commands.append(("Look up the word under the cursor", "Show its glossary entry (enter)", look_up))
        if add_entry is not None:
            commands.append(
                ("Add a glossary term", "Add an entry for the word under the cursor (a)", add_entry)
            )
        findings = getattr(screen, "action_findings", None)
        next_problem = getattr(screen, "action_next_problem", None)
        unsteered = getattr(screen, "action_toggle_unsteered", None)
        if findings is not None and next_problem is not None and unsteered is not None:
            commands += [
                (
                    "Terminology findings",
                    "Glossary terms checked in the English; ⏎ jumps, x dismisses (f)",
                    findings,
                ),
                ("Next terminology problem", "A missing or forbidden term (])", partial(next_problem, 1)),
                (
                    "Previous terminology problem",
                    "A missing or forbidden term ([)",
                    partial(next_problem, -1),
                ),
                (
                    "Show the unsteered original",
                    "Toggle the machine English before glossary steering (o)",
                    unsteered,
                ),
            ]
        for action, title, help_text in (
            ("retranslate", "Retranslate this paragraph", "Translate it again, bypassing the memory (r)"),
            ("edit_english", "Edit this paragraph's English", "Saved as your post-edit (e)"),
            ("alternatives", "Alternative translations", "Pick one of the n-best for its sentences (A)"),
        ):
            method = getattr(screen, f"action_{action}", None)
            if method is not None:
                commands.append((title, help_text, method))
        install = getattr(screen, "action_install_model", None)
        if install is not None:
            commands.append(
                ("Install Thai→English model", "From the Argos package index or a .argosmodel file", install)
            )
        glossary = getattr(app, "action_glossary", None)
        if glossary is not None:
            commands.append(("Glossary: browse, search and edit", "Open the glossary screen (g)", glossary))
        open_article = getattr(app, "open_article", None)
        if open_article is not None:
            for path in list_articles():
                title = path.stem.replace("_", " ").replace("-", " ")
                commands.append((f"Open article: {title}", str(path.name), partial(open_article, path)))
        commands.append(("Quit", "Leave the reader (q)", app.exit))
        return commands

    async def discover(self) -> Hits:
        """Every command, shown when the palette opens."""
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands matching ``query``."""
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
