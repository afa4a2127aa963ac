#!/usr/bin/env bash
# `make run`: migrate, load the demo content, start Elasticsearch when Java is there, index, serve.
# Ctrl-C stops the site, and the Elasticsearch node too if this script started it.
set -euo pipefail

PY=.venv/bin/python
PORT=${PORT:-8000}
ES_BASE_PORT=${ES_BASE_PORT:-9200}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.dev}
export ELASTICSEARCH_URL=${ELASTICSEARCH_URL:-http://127.0.0.1:$((ES_BASE_PORT + 1))}
started_node=no
worker_pid=

stop_services() {
    if [ -n "$worker_pid" ]; then kill "$worker_pid" 2>/dev/null || true; fi
    if [ "$started_node" = yes ]; then
        echo "Stopping the Elasticsearch node this run started..."
        "$PY" -m devtools.elasticsearch stop --base-port "$ES_BASE_PORT" || true
    fi
}
trap stop_services EXIT
trap 'exit 130' INT TERM

# The node starts in the background while the database is prepared.
node_starter=
if command -v java >/dev/null; then
    if ! "$PY" -m devtools.elasticsearch status --base-port "$ES_BASE_PORT" >/dev/null 2>&1; then
        "$PY" -m devtools.elasticsearch start --base-port "$ES_BASE_PORT" &
        node_starter=$!
        started_node=yes
    fi
else
    echo "Java was not found: the site runs, and search answers from the database only."
fi

"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py load_demo_content --admin
if [ -n "$node_starter" ]; then wait "$node_starter"; fi
if "$PY" -m devtools.elasticsearch status --base-port "$ES_BASE_PORT" >/dev/null 2>&1; then
    "$PY" manage.py search_index --ensure --quiet
fi
# The worker sends page changes that could not reach Elasticsearch at once (e.g. while it is down).
"$PY" manage.py search_index --worker >.services/search-worker.log 2>&1 &
worker_pid=$!
echo
echo "Bro is served at http://127.0.0.1:$PORT/ (admin: http://127.0.0.1:$PORT/admin/). Ctrl-C stops it."
"$PY" manage.py runserver 127.0.0.1:"$PORT"
