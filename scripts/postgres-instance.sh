#!/usr/bin/env bash
# A private, throw-away PostgreSQL server for the test run.
#
#   scripts/postgres-instance.sh start DIR   initdb in DIR, start on a free port, print DATABASE_URL
#   scripts/postgres-instance.sh restart DIR restart it on the same port (the fault tests)
#   scripts/postgres-instance.sh pause DIR   stop the server, keep DIR (a database outage)
#   scripts/postgres-instance.sh resume DIR  start it again on the same port
#   scripts/postgres-instance.sh stop DIR    stop it and delete DIR
#
# It uses Debian's server binaries directly, so it needs no system cluster and no Docker. As
# root it runs the server as the `postgres` system user, because PostgreSQL refuses to run as root.
set -euo pipefail

command=${1:?usage: postgres-instance.sh start|restart|pause|resume|stop DIR}
dir=$(realpath -m "${2:?usage: postgres-instance.sh start|restart|pause|resume|stop DIR}")
initdb=$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | sort -V | tail -1 || true)
if [ -z "$initdb" ]; then
    echo "PostgreSQL's server is not installed: apt-get install postgresql" >&2
    exit 1
fi
bindir=$(dirname "$initdb")

# Run as the server's owner, from DIR: the caller's folder may be one that `postgres` cannot
# enter (a clone under /root, or in a `mktemp -d` folder).
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        (cd "$dir" && runuser -u postgres -- "$@")
    else
        (cd "$dir" && "$@")
    fi
}

start_server() {  # on the port in $dir/port
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 start \
        -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
}

case "$command" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bindir/initdb" -D "$dir/data" -U bro --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
    echo "$port" >"$dir/port"
    start_server
    echo "postgres://bro@127.0.0.1:$port/bro"
    as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U bro bro
    ;;
restart)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -m fast -w -t 60 restart >/dev/null
    ;;
pause)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null
    ;;
resume)
    start_server
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: postgres-instance.sh start|restart|pause|resume|stop DIR" >&2
    exit 2
    ;;
esac
