#!/usr/bin/env bash
# `make test`: start a private PostgreSQL and an Elasticsearch node, run every check and the
# whole suite against them, and stop both again, whatever the outcome.
set -euo pipefail

PY=.venv/bin/python
export ES_BASE_PORT=${ES_TEST_BASE_PORT:-9250}
export DJANGO_SETTINGS_MODULE=config.settings.test
pg_dir=$(mktemp -d /tmp/bro-test-postgres.XXXXXX)
# The fault tests restart this PostgreSQL and start their own three-node cluster on this base.
export BRO_TEST_POSTGRES_DIR=$pg_dir
export ES_CLUSTER_TEST_BASE_PORT=${ES_CLUSTER_TEST_BASE_PORT:-9260}

cleanup() {
    "$PY" -m search.engine stop --base-port "$ES_BASE_PORT" >/dev/null 2>&1 || true
    bash scripts/postgres-instance.sh stop "$pg_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== Starting PostgreSQL and Elasticsearch"
DATABASE_URL=$(bash scripts/postgres-instance.sh start "$pg_dir")
export DATABASE_URL
"$PY" -m search.engine start --base-port "$ES_BASE_PORT"
export ELASTICSEARCH_URL=http://127.0.0.1:$((ES_BASE_PORT + 1))

echo "== Checks"
"$PY" manage.py check --fail-level WARNING
"$PY" manage.py makemigrations --check --dry-run
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== Test suite (PostgreSQL at ${DATABASE_URL%%/bro}, Elasticsearch at $ELASTICSEARCH_URL)"
.venv/bin/pytest ${PYTEST_ARGS:-}
