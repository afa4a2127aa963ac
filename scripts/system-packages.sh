#!/usr/bin/env bash
# Installs the Debian packages the project needs when they are missing: the PostgreSQL server
# (tests run their own instance), the Redis server (the shared cache `make run` and the tests
# start), Java and Maven (the local Elasticsearch node), gettext (compiling the .po files), npm
# (axe-core), Chromium (the browser tests drive Debian's build, never one downloaded by
# Playwright) and Apertium with its Swedish–Danish pair (the editors' machine drafts). Does
# nothing when everything is there.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v msgfmt >/dev/null || missing+=(gettext)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v apertium >/dev/null || missing+=(apertium)
[ -f /usr/share/apertium/modes/swe-dan.mode ] || missing+=(apertium-swe-dan)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
