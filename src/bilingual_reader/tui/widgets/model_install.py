"""Installing the Thai→English model from the reader: a dialog (index or file) and its palette command."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Static

if TYPE_CHECKING:
    from bilingual_reader.translation.packages import InstalledModel

COMMAND = "Install Thai→English model"
COMMAND_HELP = "From the Argos package index or a .argosmodel file"


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.1f} MB"


class ModelInstallScreen(ModalScreen["InstalledModel | None"]):
    """Installs a model in a worker with a progress bar; dismissed with the installed model, or None."""

    DEFAULT_CSS = """
    ModelInstallScreen { align: center middle; }
    ModelInstallScreen > #install-body {
        width: 80%; max-width: 90; height: auto;
        border: round $accent; padding: 0 2; background: $surface;
    }
    ModelInstallScreen Label { margin-top: 1; }
    ModelInstallScreen #install-file-row { height: auto; }
    ModelInstallScreen #install-path { width: 1fr; }
    ModelInstallScreen #install-progress { margin-top: 1; }
    ModelInstallScreen #install-message { margin: 1 0; }
    ModelInstallScreen #install-message.-error { color: $text-error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    class Progress(Message):
        """``done`` bytes of ``total`` (None: unknown) were downloaded."""

        def __init__(self, done: int, total: int | None) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class Finished(Message):
        """The install ended: ``model`` is installed, or ``error`` says why not (one line)."""

        def __init__(self, model: InstalledModel | None, error: str = "") -> None:
            super().__init__()
            self.model = model
            self.error = error

    def compose(self) -> ComposeResult:
        """The two ways to install, the progress bar and the message line."""
        with Vertical(id="install-body"):
            yield Label("Install the Thai→English translation model")
            yield Button("From the Argos package index", id="install-index", variant="primary")
            yield Label("…or from a .argosmodel file:")
            with Horizontal(id="install-file-row"):
                yield Input(placeholder="/path/to/translate-th_en.argosmodel", id="install-path")
                yield Button("Install file", id="install-file")
            yield ProgressBar(total=100, id="install-progress", show_eta=False)
            yield Static("", id="install-message", markup=False)

    def on_mount(self) -> None:
        """Focus the path field: typing a path and enter installs it."""
        self.query_one("#install-path", Input).focus()

    @on(Button.Pressed, "#install-index")
    def install_from_index(self) -> None:
        """Download the newest Thai→English package from the index and install it."""
        self._begin("Fetching the package index…")
        self._install(None)

    @on(Button.Pressed, "#install-file")
    @on(Input.Submitted, "#install-path")
    def install_from_file(self) -> None:
        """Install the package file named in the path field."""
        value = self.query_one("#install-path", Input).value.strip()
        if not value:
            self._say("Enter the path of a .argosmodel file.", error=True)
            return
        path = Path(value).expanduser()
        self._begin(f"Installing {path.name}…")
        self._install(path)

    def _begin(self, text: str) -> None:
        self.query_one("#install-progress", ProgressBar).update(total=None, progress=0)
        for button in self.query(Button):
            button.disabled = True
        self._say(text)

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#install-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    @work(thread=True, exclusive=True, group="model-install", exit_on_error=False)
    def _install(self, path: Path | None) -> None:
        from bilingual_reader.translation.index import IndexUnavailable, install_from_index
        from bilingual_reader.translation.packages import PackageError, install_file

        def progress(done: int, total: int | None) -> None:
            self.post_message(self.Progress(done, total))

        try:
            model = install_from_index(progress) if path is None else install_file(path)
        except (PackageError, IndexUnavailable) as err:
            self.post_message(self.Finished(None, str(err).splitlines()[0]))
        except Exception as err:  # anything else still ends in one line, and the app keeps running
            self.post_message(self.Finished(None, f"{type(err).__name__}: {err}".splitlines()[0]))
        else:
            self.post_message(self.Finished(model))

    @on(Progress)
    def _progress(self, message: Progress) -> None:
        bar = self.query_one("#install-progress", ProgressBar)
        bar.update(total=message.total, progress=message.done)
        total = f" of {_megabytes(message.total)}" if message.total else ""
        self._say(f"Downloading: {_megabytes(message.done)}{total}")

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        for button in self.query(Button):
            button.disabled = False
        if message.model is None:
            self.query_one("#install-progress", ProgressBar).update(total=100, progress=0)
            self._say(message.error, error=True)
            return
        self.query_one("#install-progress", ProgressBar).update(total=100, progress=100)
        self.app.notify(f"Installed {message.model.name} {message.model.version}.")
        self.dismiss(message.model)

    def action_close(self) -> None:
        """Close the dialog (an install in progress finishes in the background)."""
        self.dismiss(None)


class ModelCommands(Provider):
    """The command palette's "Install Thai→English model"."""

    def _run(self) -> None:
        action = getattr(self.screen, "action_install_model", None)
        if action is not None:
            action()
        else:
            self.app.push_screen(ModelInstallScreen())

    async def discover(self) -> Hits:
        """Offer the command when the palette opens."""
        yield DiscoveryHit(COMMAND, self._run, help=COMMAND_HELP)

    async def search(self, query: str) -> Hits:
        """The command, when it matches ``query``."""
        matcher = self.matcher(query)
        score = matcher.match(COMMAND)
        if score > 0:
            yield Hit(score, matcher.highlight(COMMAND), self._run, help=COMMAND_HELP)
