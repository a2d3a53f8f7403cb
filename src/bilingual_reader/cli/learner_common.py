"""``--learner FILE`` and opening the learner database for a command, with one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import click

from bilingual_reader.cli.common import BadInput, path_option, root_path

if TYPE_CHECKING:
    from bilingual_reader.learner.store import LearnerStore


learner_path_option = path_option(
    "learner", "Learner database (word statuses, lookups, progress) to use, here or before the command."
)


def learner_option(ctx: click.Context) -> str | None:
    """The ``--learner`` value given to the main group or a subcommand (else the env var decides)."""
    return root_path(ctx, "learner")


@contextmanager
def opened_learner(ctx: click.Context, *, read_only: bool = False) -> Iterator[LearnerStore]:
    """The learner database for a command; its errors become one line (exit 2)."""
    from bilingual_reader.learner.locations import resolve_learner_path
    from bilingual_reader.learner.opening import LearnerError
    from bilingual_reader.learner.store import LearnerStore

    path = resolve_learner_path(learner_option(ctx))
    try:
        if read_only and not path.exists():
            store = LearnerStore.memory(
                read_only=True
            )  # nothing marked yet: do not create the file to read it
        else:
            store = LearnerStore.open(path, read_only=read_only)
    except LearnerError as err:
        raise BadInput(str(err)) from None
    try:
        yield store
    except LearnerError as err:
        raise BadInput(str(err)) from None
    finally:
        store.close()
