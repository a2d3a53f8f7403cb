"""The command line: a thin skin over the library calls the reader makes.

Subcommands live in their own modules and are imported only when used, so ``bilingual-reader`` with no
argument opens the reader without loading translation or import/export code.
"""

from __future__ import annotations

import importlib

import click

from bilingual_reader.cli.common import path_option, root_path

# name -> "module:attribute" of the click command implementing it
_SUBCOMMANDS = {
    "read": "bilingual_reader.cli.reading:read_command",
    "lookup": "bilingual_reader.cli.reading:lookup_command",
    "segment": "bilingual_reader.cli.reading:segment_command",
    "glossary": "bilingual_reader.cli.glossary:glossary_group",
    "model": "bilingual_reader.cli.model:model_group",
    "translate": "bilingual_reader.cli.translate:translate_command",
    "check": "bilingual_reader.cli.check:check_command",
    "memory": "bilingual_reader.cli.memory:memory_group",
    "words": "bilingual_reader.cli.words:words_group",
    "cards": "bilingual_reader.cli.cards:cards_group",
    "stats": "bilingual_reader.cli.stats:stats_command",
    "handout": "bilingual_reader.cli.handout:handout_command",
    "pack": "bilingual_reader.cli.pack:pack_group",
    "add": "bilingual_reader.cli.library:add_command",
    "library": "bilingual_reader.cli.library:library_group",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_SUBCOMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = _SUBCOMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attribute)
        return command


@click.group(cls=LazyGroup, invoke_without_command=True)
@path_option(
    "glossary",
    "Glossary database (default: the per-user glossary, created from the shipped one).",
    envvar="BILINGUAL_READER_GLOSSARY",
)
@path_option(
    "learner",
    "Learner database: word statuses, lookups, progress (default: the per-user one).",
    envvar="BILINGUAL_READER_LEARNER",
)
@click.version_option(package_name="bilingual-reader")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Read Thai articles with English beside them and a defense glossary.

    With no command, opens the reader on the sample article.
    """
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        from bilingual_reader.cli.reading import open_reader

        open_reader(None, root_path(ctx, "glossary"))
