#!/usr/bin/env bash
# `make screenshots`: with a private PostgreSQL and Elasticsearch node (scripts/with-services.sh),
# load and index the demo content, save full-page PNGs of every kind of public page into
# screenshots/ (git-ignored) and print their names.
set -euo pipefail

if [ "${1:-}" != --with-services ]; then
    export ELASTICSEARCH_INDEX=bro-screenshots
    exec bash scripts/with-services.sh screenshots bash "$0" --with-services
fi

PY=.venv/bin/python
echo "== Loading and indexing the demo content"
"$PY" manage.py migrate --noinput -v 0 >/dev/null
"$PY" manage.py load_demo_content
"$PY" manage.py search_index --rebuild --quiet

echo "== Screenshots"
"$PY" scripts/screenshots.py screenshots
