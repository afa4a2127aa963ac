#!/usr/bin/env bash
# Run a command against a private PostgreSQL, Redis and an Elasticsearch node, and stop them
# again, whatever the outcome: `bash scripts/with-services.sh NAME COMMAND...`. `make test` and
# `make screenshots` use it; the command sees DATABASE_URL, REDIS_URL and ELASTICSEARCH_URL.
set -euo pipefail

PY=.venv/bin/python
name=$1
shift
export ES_BASE_PORT=${ES_TEST_BASE_PORT:-9250}
export DJANGO_SETTINGS_MODULE=config.settings.test
pg_dir=$(mktemp -d "/tmp/bro-$name-postgres.XXXXXX")
redis_dir=$(mktemp -d "/tmp/bro-$name-redis.XXXXXX")

cleanup() {
    "$PY" -m devtools.elasticsearch stop --base-port "$ES_BASE_PORT" >/dev/null 2>&1 || true
    bash scripts/postgres-instance.sh stop "$pg_dir"
    bash scripts/redis-instance.sh stop "$redis_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== Starting PostgreSQL, Redis and Elasticsearch"
DATABASE_URL=$(bash scripts/postgres-instance.sh start "$pg_dir")
export DATABASE_URL
REDIS_URL=$(bash scripts/redis-instance.sh start "$redis_dir")
export REDIS_URL
"$PY" -m devtools.elasticsearch start --base-port "$ES_BASE_PORT"
export ELASTICSEARCH_URL=http://127.0.0.1:$((ES_BASE_PORT + 1))
# The fault tests restart this PostgreSQL.
export BRO_TEST_POSTGRES_DIR=$pg_dir

"$@"
