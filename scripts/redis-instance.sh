#!/usr/bin/env bash
# A private, throw-away Redis server: the shared cache of `make run` and `make test`.
#
#   scripts/redis-instance.sh start DIR   start on a free port of 127.0.0.1, print REDIS_URL
#   scripts/redis-instance.sh stop DIR    stop it and delete DIR
#
# Debian's redis-server, started directly like scripts/postgres-instance.sh does PostgreSQL: no
# system service, no persistence (a cache and counters only), nothing written outside DIR.
set -euo pipefail

command=${1:?usage: redis-instance.sh start|stop DIR}
dir=${2:?usage: redis-instance.sh start|stop DIR}

case "$command" in
start)
    mkdir -p "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 100); do
        if redis-cli -p "$port" ping >/dev/null 2>&1; then break; fi
        sleep 0.1
    done
    redis-cli -p "$port" ping >/dev/null
    echo "redis://127.0.0.1:$port/0"
    ;;
stop)
    if [ -f "$dir/redis.pid" ]; then
        pid=$(cat "$dir/redis.pid")
        kill "$pid" 2>/dev/null || true
        # Gone when this returns: a caller stopping Redis goes on to count on its absence.
        for _ in $(seq 100); do
            if ! kill -0 "$pid" 2>/dev/null; then break; fi
            sleep 0.1
        done
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: redis-instance.sh start|stop DIR" >&2
    exit 2
    ;;
esac
