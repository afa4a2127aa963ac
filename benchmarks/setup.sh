#!/usr/bin/env bash
# `make bench-setup`: the one Debian package the benchmarks need beyond the site's (wrk, the
# load generator). Does nothing when it is there.
set -euo pipefail

command -v wrk >/dev/null && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "The benchmarks need wrk. Install it with: sudo apt-get install wrk" >&2
    exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
