#!/usr/bin/env bash
# `make test`: every check and the whole suite, against the private PostgreSQL and
# Elasticsearch node that scripts/with-services.sh starts (and stops, whatever the outcome).
set -euo pipefail

if [ "${1:-}" != --with-services ]; then
    # The fault tests start their own three-node cluster on this base port.
    export ES_CLUSTER_TEST_BASE_PORT=${ES_CLUSTER_TEST_BASE_PORT:-9260}
    exec bash scripts/with-services.sh test bash "$0" --with-services
fi

PY=.venv/bin/python
# Run a check silently; on failure show what it printed.
quietly() {
    local output
    output=$("$@" 2>&1) || { echo "$output"; return 1; }
}
echo "== Checks: manage.py check, makemigrations --check, ruff"
quietly "$PY" manage.py check --fail-level WARNING
quietly "$PY" manage.py makemigrations --check --dry-run
.venv/bin/ruff check --quiet .
.venv/bin/ruff format --check --quiet .

echo "== Test suite (PostgreSQL at ${DATABASE_URL%%/bro}, Elasticsearch at $ELASTICSEARCH_URL)"
.venv/bin/pytest ${PYTEST_ARGS:-}
