"""`bilingual-reader model`: install, inspect and remove the Thai→English translation model."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from bilingual_reader.cli.common import BadInput, engine_options, engine_overrides, warn

if TYPE_CHECKING:
    from bilingual_reader.translation.settings import EngineSettings


def _size(n: int) -> str:
    return f"{n / 1024**2:.1f} MB" if n >= 1024**2 else f"{n / 1024:.0f} kB"


def _print_progress(done: int, total: int | None) -> None:
    """A one-line byte counter on stderr, redrawn in place."""
    shown = f"{_size(done)} / {_size(total)} ({100 * done // total}%)" if total else _size(done)
    click.echo(f"\rDownloading {shown}  ", err=True, nl=False)


@click.group("model")
def model_group() -> None:
    """Install, inspect and remove the Thai→English translation model (an Argos package)."""


def _shape(package: Path) -> str:
    from bilingual_reader.translation.tokenizers import describe

    try:
        return str(describe(package))
    except Exception as err:  # a damaged package is still reported, in one line
        return f"unreadable ({type(err).__name__}: {err})".splitlines()[0]


@model_group.command("status")
@engine_options
def status_command() -> None:
    """Show the installed Thai→English package and the engine settings; exit 1 when none is installed.

    With the LibreTranslate engine: whether the server answers, what it offers, one request's latency;
    exit 1 when it cannot translate Thai→English.
    """
    from bilingual_reader.translation.locations import packages_dir
    from bilingual_reader.translation.packages import installed_model
    from bilingual_reader.translation.settings import SettingsError, config_path, load_settings

    try:
        settings = load_settings(**dict[str, Any](engine_overrides()))
    except SettingsError as err:
        raise BadInput(str(err)) from None
    if settings.engine == "libretranslate":
        _remote_status(settings)
        return
    model = installed_model(report=warn)
    if model is None:
        click.echo(f"No Thai→English model installed (packages directory: {packages_dir()}).")
        click.echo("Install one with `bilingual-reader model install` or `model install --file PATH`.")
    else:
        click.echo(f"model:    {model.name} (version {model.version})")
        click.echo(f"path:     {model.path}")
        click.echo(f"size:     {_size(model.size_bytes)}")
        click.echo(f"shape:    {_shape(model.path)}")
    mode = "greedy (fast)" if settings.beam_size == 1 else f"beam {settings.beam_size}"
    threads = "all cores" if settings.threads == 0 else str(settings.threads)
    click.echo(
        f"decoding: {mode}, {settings.num_hypotheses} alternatives, compute type {settings.compute_type}"
    )
    click.echo(f"threads:  {threads}")
    click.echo(f"settings: {config_path()}{'' if config_path().is_file() else ' (not present: defaults)'}")
    if model is None:
        raise SystemExit(1)


def _remote_status(settings: EngineSettings) -> None:
    """``model status`` for a LibreTranslate server."""
    from bilingual_reader.translation.engines.libretranslate import LibreTranslateEngine
    from bilingual_reader.translation.errors import TranslationSetupError
    from bilingual_reader.translation.session import engine_for

    try:
        engine = engine_for(settings)
    except TranslationSetupError as err:
        raise BadInput(str(err)) from None
    assert isinstance(engine, LibreTranslateEngine)
    probe = engine.probe()
    click.echo(f"engine:    LibreTranslate at {probe.url}")
    if probe.info is not None:
        info = probe.info
        targets = ", ".join(info.thai_targets) or "none"
        click.echo(f"languages: Thai → {targets}")
        limit = "none" if info.char_limit is None else f"{info.char_limit} characters a text"
        click.echo(f"limits:    {limit}; API key {'required' if info.key_required else 'not required'}")
    if probe.identity is not None:
        click.echo(f"model:     {probe.identity.describe()}")
    else:
        click.echo("model:     unknown (the server was not reached)")
    click.echo(f"batches:   {settings.batch_size} sentences, timeout {settings.timeout:g} s")
    if probe.problem is not None:
        click.echo(f"status:    not usable: {probe.problem}")
        raise SystemExit(1)
    assert probe.latency is not None
    click.echo(f"status:    reachable; one request took {probe.latency * 1000:.0f} ms ({probe.sample!r})")


@model_group.command("install")
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Install this .argosmodel file instead of downloading from the Argos package index.",
)
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Network timeout in seconds.")
def install_command(file: Path | None, timeout: float) -> None:
    """Install the Thai→English model from the Argos package index or from a file."""
    from bilingual_reader.translation.index import IndexUnavailable, install_from_index
    from bilingual_reader.translation.packages import PackageError, install_file

    try:
        if file is not None:
            model = install_file(file)
        else:
            model = install_from_index(_print_progress, timeout=timeout, warn=warn)
            click.echo("", err=True)
    except (PackageError, IndexUnavailable) as err:
        raise BadInput(str(err)) from None
    click.echo(f"Installed {model.name} (version {model.version}) in {model.path}")


@model_group.command("remove")
def remove_command() -> None:
    """Remove every installed Thai→English package."""
    from bilingual_reader.translation.packages import PackageError, remove_models

    try:
        removed = remove_models(report=warn)
    except PackageError as err:
        raise BadInput(str(err)) from None
    if not removed:
        click.echo("No Thai→English model installed.")
    for path in removed:
        click.echo(f"Removed {path}")
