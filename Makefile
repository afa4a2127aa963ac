# Bro: `make run` to try the site, `make test` to run everything. `make help` lists the rest.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8
# pyenv's shim only answers inside a pyenv-selected version, so look for the real binary too.
PYTHON := $(or $(shell command -v python3.13 >/dev/null 2>&1 && python3.13 -c 'print("python3.13")' 2>/dev/null),$(lastword $(sort $(wildcard $(HOME)/.pyenv/versions/3.13*/bin/python3.13))),python3.13)

# The local Elasticsearch node of `make run` listens on ES_BASE_PORT + 1.
ES_BASE_PORT ?= 9200

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	@bash scripts/system-packages.sh
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.13 is needed: install it so that python3.13 is on the PATH (or as a pyenv 3.13 build), then run make again." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	@$(VENV)/bin/uv pip sync --quiet --python $(PY) requirements.lock
	@touch $@

# axe-core for the browser tests, exactly as package-lock.json pins it.
node_modules/.installed: package-lock.json $(VENV)/.installed
	@npm ci --silent --no-audit --no-fund
	@touch $@

.PHONY: install
install: $(VENV)/.installed node_modules/.installed messages ## Create .venv (Python 3.13) and node_modules with the locked dependencies

MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

.PHONY: messages
messages: $(MO_FILES) ## Compile the Danish and Swedish interface translations

locale/%.mo: locale/%.po
	@msgfmt --check -o $@ $<

.PHONY: makemessages
makemessages: $(VENV)/.installed ## Collect new interface strings into locale/*/LC_MESSAGES/django.po
	$(PY) manage.py makemessages -l da -l sv --ignore=.venv --ignore=node_modules --no-obsolete --no-location

.PHONY: run
run: install ## Install, load the demo content, start Elasticsearch and serve http://127.0.0.1:8000/
	@ES_BASE_PORT=$(ES_BASE_PORT) bash scripts/run.sh

.PHONY: test
test: install ## Install, start PostgreSQL and Elasticsearch, run checks, ruff and the whole suite
	@bash scripts/test.sh

.PHONY: screenshots
screenshots: install ## Full-page PNGs of every kind of page, 1280 and 375 px wide, into screenshots/
	@bash scripts/screenshots.sh

.PHONY: lint
lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: format
format: install ## Format the code and fix what ruff can fix
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

.PHONY: lock
lock: $(VENV)/.installed ## Re-resolve requirements.lock (and the image's requirements-prod.lock) after editing pyproject.toml
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.13 -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.13 --constraint requirements.lock -o requirements-prod.lock

.PHONY: bench-setup
bench-setup: install ## Install the benchmarks' load generator (wrk, from Debian)
	@bash benchmarks/setup.sh

.PHONY: bench
bench: bench-setup ## Benchmarks at 1k, 10k and 100k pages into benchmarks/RESULTS.md (slow)
	$(PY) -m benchmarks.run $(BENCH_ARGS)

.PHONY: es-start
es-start: $(VENV)/.installed ## Start the local Elasticsearch node (idempotent)
	$(PY) -m devtools.elasticsearch start --base-port $(ES_BASE_PORT)

.PHONY: es-cluster
es-cluster: $(VENV)/.installed ## Start a local three-node Elasticsearch cluster
	$(PY) -m devtools.elasticsearch start --nodes 3 --base-port $(ES_BASE_PORT)

.PHONY: es-stop
es-stop: ## Stop the local Elasticsearch node
	$(PY) -m devtools.elasticsearch stop --base-port $(ES_BASE_PORT)

.PHONY: es-status
es-status: ## Is the local Elasticsearch node up?
	$(PY) -m devtools.elasticsearch status --base-port $(ES_BASE_PORT)

.PHONY: clean
clean: ## Stop the local nodes; remove the virtual environment, the SQLite database and the service data
	$(if $(wildcard $(PY)),$(PY),python3) -m devtools.elasticsearch clean
	rm -rf $(VENV) node_modules db.sqlite3 .services staticfiles screenshots
