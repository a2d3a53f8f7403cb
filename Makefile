# bilingual-reader: `make run` opens the reader on the sample article, `make test` runs the test suite.
# Both create and sync the environment themselves; uv is bootstrapped into .tools/ when it is not installed.

UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
PYTHON ?= python3

.PHONY: run test lint format bench glossary sync clean install uninstall path libretranslate

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

sync: .venv/.synced

# LibreTranslate (the shared server engine) in a venv of its own for the tests: its pins conflict with ours.
# Built from the committed lock (.ci/libretranslate/requirements.txt, hashes); uv's cache makes a rebuild fast.
LT_VENV := .tools/libretranslate
LT_LOCK := .ci/libretranslate/requirements.txt

$(LT_VENV)/.synced: $(LT_LOCK) | $(UV)
	$(UV) venv --no-config --quiet --allow-existing --python 3.11 $(LT_VENV)
	$(UV) pip sync --no-config --quiet --compile-bytecode --python $(LT_VENV)/bin/python $(LT_LOCK)
	@touch $@

libretranslate: $(LT_VENV)/.synced

run: sync
	$(UV) run --frozen bilingual-reader

# `bilingual-reader` on PATH in every shell: uv installs it as a tool (its own environment, pinned to uv.lock,
# stanza/spacy/torch overridden away as in pyproject) and links the command into `uv tool dir --bin`
# (~/.local/bin unless UV_TOOL_BIN_DIR or XDG_BIN_HOME say otherwise). `make uninstall` removes both.
install: | $(UV)
	@mkdir -p .tools
	$(UV) export --frozen --no-dev --no-emit-project --no-hashes --quiet -o .tools/constraints.txt
	@printf '%s\n' "stanza; sys_platform == 'never'" "spacy; sys_platform == 'never'" \
		"minisbd; sys_platform == 'never'" "torch; sys_platform == 'never'" > .tools/overrides.txt
	$(UV) tool install --force --constraints .tools/constraints.txt --overrides .tools/overrides.txt .
	@bin="$$($(UV) tool dir --bin)"; echo "installed: $$bin/bilingual-reader (remove it with: make uninstall)"; \
	case ":$$PATH:" in *":$$bin:"*) ;; *) echo "$$bin is not on your PATH: run 'make path', then open a new shell";; esac

# Adds uv's tool bin folder to PATH in the shell's startup files (uv itself may live only in .tools/).
path: | $(UV)
	$(UV) tool update-shell

uninstall: | $(UV)
	$(UV) tool uninstall bilingual-reader

# With PYTHONDONTWRITEBYTECODE set, every test worker and every CLI test's subprocess compiled textual,
# pythainlp, ... and re-rewrote the test modules from source (seconds each). Their bytecode goes to
# .pytest_cache/pycache instead: out of the source tree, reused from run to run, removed by `make clean`.
# Tests' temporary files go to tmpfs when it has room (every SQLite commit in a test fsyncs; on the shared disk that
# was most of the glossary and learner tests' wall time), else to TMPDIR. One worker a logical CPU (-n logical):
# a third worker on two cores once filled the tests' waits, but with those mostly gone it only fought the other two
# for the cores (2026-12-02, same clone, three pairs a few minutes apart: -n 2 79/93/101 s, -n 3 92/98/114 s,
# and about a fifth more CPU-s).
TEST_TMPDIR ?= $(shell [ -w /dev/shm ] && [ "$$(df -Pk /dev/shm | awk 'NR==2 {print $$4}')" -gt 2000000 ] && echo /dev/shm || echo $${TMPDIR:-/tmp})

test: sync libretranslate
	env -u PYTHONDONTWRITEBYTECODE TMPDIR=$(TEST_TMPDIR) PYTHONPYCACHEPREFIX=$(CURDIR)/.pytest_cache/pycache \
		$(UV) run --frozen pytest -n logical

lint: sync
	$(UV) run --frozen ruff check src tests benchmarks scripts
	$(UV) run --frozen ruff format --check src tests benchmarks scripts
	$(UV) run --frozen mypy
	$(UV) run --frozen lint-imports

format: sync
	$(UV) run --frozen ruff format src tests benchmarks scripts
	$(UV) run --frozen ruff check --fix src tests benchmarks scripts

bench: sync
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(UV) run --frozen python $$b || exit 1; done

glossary: sync
	$(UV) run --frozen python scripts/build_glossary.py

clean:
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache .bench
