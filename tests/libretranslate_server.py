"""The real LibreTranslate server for tests: its own venv (``make libretranslate``), the trained test package.

LibreTranslate 1.9.6 lives in ``.tools/libretranslate`` (built from ``.ci/libretranslate/requirements.txt``,
never in the project's venv: its pins conflict). A server runs offline on a free loopback port with:

- ``ARGOS_PACKAGES_DIR`` holding the trained test package plus a ``spacy/`` folder with a blank spaCy
  pipeline, and ``ARGOS_CHUNK_TYPE=SPACY``: its default sentence splitter (MiniSBD) would download a model
  and fail;
- ``ARGOS_PACKAGE_INDEX`` pointing at a local ``index.json`` that lists nothing: with fewer than two packages
  installed LibreTranslate updates the index at start, and offline argostranslate retries that lookup until
  its recursion limit (about 30-70 s here); an empty local index ends it at once;
- a seeded spaCy cache, so argostranslate does not try to download ``xx_sent_ud_sm`` at import.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(os.environ.get("LIBRETRANSLATE_VENV", ROOT / ".tools" / "libretranslate"))
PACKAGE = ROOT / "tests" / "fixtures" / "argos" / "translate-th_en-test.argosmodel"
START_TIMEOUT = 240.0  # seconds; the shared CI machines import spaCy slowly under load


def missing_reason() -> str | None:
    """Why the server cannot run here (None: it can)."""
    if not (VENV / "bin" / "libretranslate").exists():
        return f"LibreTranslate is not installed in {VENV}: run `make libretranslate`"
    return None


def free_port() -> int:
    """A loopback port free at the moment."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def prepare_home(home: Path, *req_limits: int) -> subprocess.Popen[str]:
    """Unpack the test package into ``home/packages`` and write an empty index; returns the process (to
    wait for) that adds the blank spaCy pipeline to the package, seeds argostranslate's spaCy cache, and
    makes an API key (``req_limit`` per minute) for each of ``req_limits`` with LibreTranslate's own
    ``ltmanage keys add`` (its entry point, once per key): the keys are the process's output lines. One
    process: importing LibreTranslate imports spaCy, and each start of it costs about 1.5 CPU-s."""
    packages = home / "packages"
    with zipfile.ZipFile(PACKAGE) as archive:
        archive.extractall(packages)
    [package] = list(packages.iterdir())
    cache = home / "cache" / "argos-translate" / "spacy"
    (cache / "senter").mkdir(parents=True)
    (cache / "senter" / "model").touch()
    (home / "index").mkdir()
    (home / "index" / "index.json").write_text("[]")
    db = home / "db" / "api_keys.db"
    db.parent.mkdir()
    db.touch()
    calls = [["ltmanage", "keys", "--api-keys-db-path", str(db), "add", str(n)] for n in req_limits]
    script = (
        "import sys, spacy\n"
        f"for path in {[str(package / 'spacy'), str(cache)]!r}: spacy.blank('xx').to_disk(path)\n"
        "from libretranslate.manage import manage\n"
        f"for sys.argv in {calls!r}: manage()"
    )
    command = [str(VENV / "bin" / "python"), "-c", script]
    return subprocess.Popen(command, env=_env(home), stdout=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen[str]) -> str:
    """Wait for a set-up process; its output (raises if it failed)."""
    out, _ = process.communicate(timeout=START_TIMEOUT)
    if process.returncode != 0:
        raise RuntimeError(f"{process.args!r} failed ({process.returncode})")
    return out


def _env(home: Path) -> dict[str, str]:
    # PYTHONPYCACHEPREFIX (make test) would make it recompile its venv, which holds its bytecode already
    skip = ("ARGOS_", "XDG_", "LT_", "PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if not k.startswith(skip)}
    env.update(
        ARGOS_PACKAGES_DIR=str(home / "packages"),
        ARGOS_PACKAGE_INDEX=(home / "index").as_uri() + "/",
        ARGOS_CHUNK_TYPE="SPACY",
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        OMP_NUM_THREADS="1",
        PYTHONWARNINGS="ignore",
    )
    return env


class LibreTranslateServer:
    """One real server process on ``port`` with extra ``args``; ``start`` returns at once, ``wait`` blocks
    until ``/languages`` answers. Its output goes to ``home/server-PORT.log``."""

    def __init__(self, home: Path, *args: str, port: int | None = None) -> None:
        self.home = home
        self.args = args
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.log = home / f"server-{self.port}.log"
        self.started = 0.0
        self.startup: float | None = None  # seconds from start to the first answer of /languages

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LibreTranslateServer:
        command = [str(VENV / "bin" / "libretranslate"), "--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--load-only", "th,en", "--disable-web-ui", "--threads", "2", *self.args]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.home, env=_env(self.home), stdout=log, stderr=subprocess.STDOUT
            )
        self.started = time.monotonic()
        self.startup = None
        return self

    def wait(self) -> LibreTranslateServer:
        """Block until the server answers (raises with its log's tail if it dies or takes too long)."""
        assert self.process is not None
        with httpx.Client(timeout=2.0) as client:  # one client: each new one builds an SSL context (~20 ms)
            while self.startup is None:
                if self.process.poll() is not None:
                    raise RuntimeError(f"LibreTranslate exited ({self.process.returncode}): {self.tail()}")
                if time.monotonic() - self.started > START_TIMEOUT:
                    raise RuntimeError(f"LibreTranslate did not start in {START_TIMEOUT:g} s: {self.tail()}")
                try:
                    if client.get(self.url + "/languages").status_code == 200:
                        self.startup = time.monotonic() - self.started
                except httpx.TransportError:
                    time.sleep(0.1)  # polling a starting server process, not a timing assumption
        return self

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Stop the server (terminate, then kill)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self) -> str:
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return " | ".join(text.strip().splitlines()[-5:])
