"""Check that the trained test packages reproduce the corpus on every CPU instruction set this machine has.

Run with the project's venv: ``.venv/bin/python scripts/train_test_model/verify.py``. For each fixture in
tests/fixtures/argos, each compute type (int8, float32) and each ``CT2_FORCE_CPU_ISA`` the CPU supports, a
fresh process installs the package in a temporary folder and translates the corpus with the project's engine,
greedy and with the default beam; it prints how many reference translations came out exactly.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "argos").glob("*.argosmodel"))
ISAS = ["GENERIC", "AVX", "AVX2", "AVX512"]


def supported() -> list[str]:
    flags = Path("/proc/cpuinfo").read_text().split()
    return [
        isa for isa in ISAS if isa == "GENERIC" or isa.lower() + ("f" if isa == "AVX512" else "") in flags
    ]


def child(fixture: str, compute_type: str) -> None:
    from bilingual_reader.translation.engines.local import LocalEngine
    from bilingual_reader.translation.packages import install_file
    from bilingual_reader.translation.settings import EngineSettings

    corpus = ROOT / "scripts" / "train_test_model" / "corpus.tsv"
    pairs = [ln.split("\t") for ln in corpus.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    model = install_file(Path(fixture))
    for name, settings in (("greedy", EngineSettings().fast()), ("beam", EngineSettings())):
        settings = dataclasses.replace(settings, compute_type=compute_type)
        out = [r.best for r in LocalEngine(model, settings).translate([th for th, _ in pairs])]
        wrong = [(o, en) for o, (_, en) in zip(out, pairs, strict=True) if o != en]
        print(f"{name} {len(pairs) - len(wrong)}/{len(pairs)}", *(f"{o!r}≠{en!r}" for o, en in wrong[:3]))


def main() -> None:
    for fixture in FIXTURES:
        for isa in supported():
            for compute_type in ("int8", "float32"):
                with tempfile.TemporaryDirectory() as tmp:
                    env = dict(os.environ, CT2_FORCE_CPU_ISA=isa, ARGOS_PACKAGES_DIR=tmp, XDG_DATA_HOME=tmp)
                    out = subprocess.run(
                        [sys.executable, __file__, fixture.as_posix(), compute_type],
                        env=env,
                        capture_output=True,
                        text=True,
                        check=False,
                    )
                result = " | ".join((out.stdout + out.stderr[-300:]).strip().splitlines())
                print(f"{fixture.name} {isa} {compute_type}: {result}")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        child(sys.argv[1], sys.argv[2])
    else:
        main()
