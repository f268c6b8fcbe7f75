# The two commands a new user needs: `make run` (set up, start Neo4j, migrate, ingest the sample corpus,
# serve the explorer) and `make test`. Everything is installed by the project itself.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
KMOB := $(VENV)/bin/kmob
# Tests use their own Neo4j (port and data directory) so they never touch the demo graph.
TEST_ENV := NEO4J_URI=bolt://127.0.0.1:7688 KMOB_NEO4J_HOME=$(CURDIR)/var/test-neo4j NEO4J_PASSWORD=kmob-test-password KMOB_HOME=$(CURDIR)/var/test

.PHONY: setup run test lint bench neo4j-start neo4j-stop clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	$(KMOB) assets build

run: setup
	$(KMOB) neo4j start
	$(KMOB) migrate
	$(KMOB) ingest data/sample
	$(KMOB) serve

test: setup
	bash tests/e2e/ensure_chromium.sh
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(TEST_ENV) $(KMOB) neo4j start
	$(TEST_ENV) $(PY) -m pytest tests -p no:cacheprovider; rc=$$?; $(TEST_ENV) $(KMOB) neo4j stop; exit $$rc

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup
	$(TEST_ENV) $(KMOB) neo4j start
	$(TEST_ENV) $(KMOB) migrate
	$(TEST_ENV) $(PY) tests/bench/run_all.py; rc=$$?; $(TEST_ENV) $(KMOB) neo4j stop; exit $$rc

neo4j-start: $(VENV)/.installed
	$(KMOB) neo4j start

neo4j-stop: $(VENV)/.installed
	$(KMOB) neo4j stop

clean:
	-$(KMOB) neo4j stop
	-$(TEST_ENV) $(KMOB) neo4j stop
	rm -rf var graph/neo4j_local/target server/static/vendor
