# bilingual-reader: `make run` opens the reader on the sample article, `make test` runs the test suite.
# Both create and sync the environment themselves; uv is bootstrapped into .tools/ when it is not installed.

UV := $(shell command -v uv 2>/dev/null || echo $(CURDIR)/.tools/bin/uv)
PYTHON ?= python3

.PHONY: run test lint format bench glossary sync clean

$(CURDIR)/.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

sync: .venv/.synced

run: sync
	$(UV) run --frozen bilingual-reader

test: sync
	$(UV) run --frozen pytest -n 2

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
