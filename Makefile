# Two commands on a fresh machine: `make serve` and `make test`.
# Both install what they need (a .venv and the npm parts) and are quick once installed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_OK  := $(VENV)/.installed
NPM_OK := node_modules/.installed

.PHONY: serve test lint bench deps clean

deps: $(PY_OK) $(NPM_OK)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(PY_OK): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(NPM_OK): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: deps
	$(BIN)/jcm serve --seed-if-empty

test: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

bench: deps
	$(BIN)/python -m tests.benchmarks.read_api

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache
