#!/usr/bin/env bash
# `make screenshots`: start a private PostgreSQL and an Elasticsearch node as `make test` does,
# load and index the demo content, save full-page PNGs of every kind of public page into
# screenshots/ (git-ignored) and print their names; then stop both services again.
set -euo pipefail

PY=.venv/bin/python
export ES_BASE_PORT=${ES_TEST_BASE_PORT:-9250}
export DJANGO_SETTINGS_MODULE=config.settings.test
export ELASTICSEARCH_INDEX=bro-screenshots
pg_dir=$(mktemp -d /tmp/bro-screenshots-postgres.XXXXXX)

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

echo "== Loading and indexing the demo content"
"$PY" manage.py migrate --noinput -v 0 >/dev/null
"$PY" manage.py load_demo_content
"$PY" manage.py search_index --rebuild --quiet

echo "== Screenshots"
"$PY" scripts/screenshots.py screenshots
