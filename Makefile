# Two commands on a fresh machine: `make serve` and `make test`.
# Both install what they need (a .venv and the npm parts) and are quick once installed.
# `make test` runs the suite on the embedded FalkorDB and then on a real Neo4j 5.26 that it
# starts from Maven Central's jars (needs Java >= 17 and Maven; see tests/both_stores.sh).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY_OK  := $(VENV)/.installed
NPM_OK := node_modules/.installed
# The browser tests drive Debian's Chromium; `make test` installs it when it is missing.
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# The local Neo4j of `make neo4j-start` / `make serve-neo4j` (not the one the tests start).
NEO4J_DATA ?= neo4j/.data
NEO4J_PORT ?= 7687

.PHONY: serve serve-neo4j test lint bench deps clean neo4j-start neo4j-stop browser

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

$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

browser: $(CHROMIUM)

serve: deps
	$(BIN)/jcm serve --seed-if-empty

neo4j-start:
	neo4j/neo4j.sh start $(NEO4J_DATA) $(NEO4J_PORT)

neo4j-stop:
	neo4j/neo4j.sh stop $(NEO4J_DATA)

serve-neo4j: deps neo4j-start
	JCM_GRAPH_URL=bolt://127.0.0.1:$(NEO4J_PORT) $(BIN)/jcm serve --seed-if-empty

lint: deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint browser
	tests/both_stores.sh

# `make bench` measures the embedded FalkorDB, then Neo4j when Java and Maven are there to start
# it (neo4j/neo4j.sh); `make bench STORE=falkordb` (or neo4j) measures one. Each store's table
# is printed and written to bench-STORE.json.
STORE ?= both
N ?= 1000
REQUESTS ?= 300
CLIENTS ?= 8
WORKERS ?=
CACHE ?= on
WARMUP ?= 1000
ROUNDS ?= 5
BENCH = $(BIN)/python -m tests.benchmarks.read_api --projects $(N) --requests $(REQUESTS) \
	--clients $(CLIENTS) --warmup $(WARMUP) --rounds $(ROUNDS) $(if $(WORKERS),--workers $(WORKERS)) \
	$(if $(filter off,$(CACHE)),--no-cache)
bench: deps
ifeq ($(STORE),both)
	$(BENCH) --store falkordb --out bench-falkordb.json
	if neo4j/neo4j.sh available; then $(BENCH) --store neo4j --out bench-neo4j.json; \
	else echo "Neo4j not measured: Java >= 17 and Maven are needed to start it"; fi
else
	$(BENCH) --store $(STORE) --out bench-$(STORE).json
endif

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache neo4j/target
