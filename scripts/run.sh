#!/usr/bin/env bash
# `make run`: migrate, load the demo content, start Elasticsearch when Java is there, index, serve.
#
# A newcomer sees one line per step; what each step printed goes to .services/logs/, and only
# a failure shows its end. The site is served even when Elasticsearch cannot start: search then
# answers from the database, and one line says why the node failed and how to retry.
# Ctrl-C stops the site, the index worker, and the Elasticsearch node if this script started it.
set -euo pipefail

PY=.venv/bin/python
PORT=${PORT:-8000}
ES_BASE_PORT=${ES_BASE_PORT:-9200}
LOGS=.services/logs
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.dev}
export ELASTICSEARCH_URL=${ELASTICSEARCH_URL:-http://127.0.0.1:$((ES_BASE_PORT + 1))}
es=("$PY" -m search.engine)
started_node=no
worker_supervisor=
mkdir -p "$LOGS"

stop_services() {
    if [ -n "$worker_supervisor" ]; then
        # The supervisor first, so that it does not start the worker again.
        local worker
        worker=$(pgrep -P "$worker_supervisor" || true)
        kill "$worker_supervisor" 2>/dev/null || true
        if [ -n "$worker" ]; then kill $worker 2>/dev/null || true; fi
    fi
    if [ "$started_node" = yes ]; then
        echo "Stopping the Elasticsearch node this run started..."
        "${es[@]}" stop --base-port "$ES_BASE_PORT" >>"$LOGS/elasticsearch.log" 2>&1 || true
    fi
}
trap stop_services EXIT
trap 'exit 130' INT TERM

# step LOG DESCRIPTION COMMAND...: run COMMAND with its output in LOG; on failure show its end.
step() {
    local log=$LOGS/$1 what=$2
    shift 2
    printf '%s ... ' "$what"
    if "$@" >"$log" 2>&1; then
        echo done
    else
        echo FAILED
        tail -n 20 "$log" >&2
        echo "The whole output is in $log." >&2
        exit 1
    fi
}

# The node starts in the background while the database is prepared.
node_starter=
if ! command -v java >/dev/null; then
    echo "Java was not found: the site runs, and search answers from the database only."
elif ! "${es[@]}" status --base-port "$ES_BASE_PORT" >/dev/null 2>&1; then
    echo "Starting Elasticsearch in the background (the first time fetches it from Maven Central)."
    "${es[@]}" start --base-port "$ES_BASE_PORT" >"$LOGS/elasticsearch.log" 2>&1 &
    node_starter=$!
    started_node=yes
fi

step migrate.log "Preparing the database" "$PY" manage.py migrate --noinput
# Its stdout is the summary and the admin login; warnings (engine not up yet) go to the log.
echo "Loading the demo content ..."
"$PY" manage.py load_demo_content --admin 2>"$LOGS/demo-content.log" || {
    tail -n 20 "$LOGS/demo-content.log" >&2
    exit 1
}

search_up=no
if [ -n "$node_starter" ] && ! wait "$node_starter"; then
    started_node=no
    reason=$(grep -m1 '^error: ' "$LOGS/elasticsearch.log" | cut -c8- || true)
    echo "Elasticsearch did not start (${reason:-see $LOGS/elasticsearch.log}); the site runs and" \
        "search answers from the database. Retry: make es-start && $PY manage.py search_index --ensure" >&2
elif "${es[@]}" status --base-port "$ES_BASE_PORT" >/dev/null 2>&1; then
    search_up=yes
fi
if [ "$search_up" = yes ]; then
    step search-index.log "Building the search index" "$PY" manage.py search_index --ensure --quiet
fi

# The worker sends page changes that could not reach Elasticsearch at once (e.g. while it is
# down). Should it ever stop, the terminal says so and it is started again.
(
    while true; do
        "$PY" manage.py search_index --worker >>"$LOGS/search-worker.log" 2>&1 || true
        echo "The search index worker stopped (see $LOGS/search-worker.log); restarting it." >&2
        sleep 5
    done
) &
worker_supervisor=$!

echo
echo "Bro is served at http://127.0.0.1:$PORT/ (admin: http://127.0.0.1:$PORT/admin/). Ctrl-C stops it."
"$PY" manage.py runserver 127.0.0.1:"$PORT"
