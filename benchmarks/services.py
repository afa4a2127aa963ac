"""The services a benchmark run starts for itself: PostgreSQL, Elasticsearch, Redis, gunicorn.

PostgreSQL is the private, throw-away server of `scripts/postgres-instance.sh` (as `make test`
uses it); each corpus size gets its own database in it (`bench_1000` ...), the larger ones
copied from the smaller (`CREATE DATABASE ... TEMPLATE`) and then grown. Elasticsearch is the
project's node (`devtools/elasticsearch`) on the benchmark's own base port. Redis is the private
one of `scripts/redis-instance.sh`, for the whole run: the cache the gunicorn workers share, as
production's do (production's settings refuse to start without one); each corpus size keeps
its entries under a key prefix of its own.
"""

import datetime
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STATIC_ROOT = ROOT / ".services" / "bench" / "static"


def instance_start(script, folder):
    """Start one of the project's throw-away servers (scripts/*-instance.sh); its URL."""
    out = subprocess.run(
        ["bash", f"scripts/{script}", "start", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[0]


def instance_stop(script, folder):
    subprocess.run(["bash", f"scripts/{script}", "stop", str(folder)], cwd=ROOT)


def postgres_start(folder):
    return instance_start("postgres-instance.sh", folder)


def postgres_stop(folder):
    instance_stop("postgres-instance.sh", folder)


def redis_start(folder):
    return instance_start("redis-instance.sh", folder)


def redis_stop(folder):
    instance_stop("redis-instance.sh", folder)


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_exists(url, name):
    with psycopg.connect(url, autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return found.fetchone() is not None


def create_database(url, name, template=None):
    """An empty database, or a copy of `template` (which nobody may be connected to)."""
    with psycopg.connect(url, autocommit=True) as connection:
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
        connection.execute(sql)


def es_start(base_port):
    """Start the node unless it runs; returns its URL and whether this call started it."""
    url = f"http://127.0.0.1:{base_port + 1}"
    try:
        with urllib.request.urlopen(url, timeout=5):
            return url, False
    except OSError:
        pass
    subprocess.run(
        [PYTHON, "-m", "devtools.elasticsearch", "start", "--base-port", str(base_port)],
        cwd=ROOT,
        check=True,
    )
    return url, True


def es_stop(base_port):
    subprocess.run(
        [PYTHON, "-m", "devtools.elasticsearch", "stop", "--base-port", str(base_port)], cwd=ROOT
    )


class Gunicorn:
    """gunicorn serving the site as the Dockerfile does (3 sync workers), on the loopback."""

    def __init__(self, port, environment, workers=3):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        command = [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment)
        try:
            self.wait_ready()
        except BaseException:
            self.stop()
            raise

    def wait_ready(self, timeout=300):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=5):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("gunicorn exited") from None
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def peak_rss_kib(pid):
    """VmHWM: the most resident memory the process has had, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def collectstatic(environment):
    """Production's manifest storage serves only what collectstatic has hashed.

    Skipped when the manifest is newer than every file of the project's static folder.
    """
    manifest = STATIC_ROOT / "staticfiles.json"
    sources = [path.stat().st_mtime for path in (ROOT / "static").rglob("*") if path.is_file()]
    if manifest.exists() and manifest.stat().st_mtime > max(sources, default=0):
        return
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )


def django_environment(database_url, elasticsearch_url, **extra):
    """The environment of a Django process on one corpus: its database and its own indexes."""
    name = urlsplit(database_url).path.strip("/")
    environment = dict(os.environ)
    environment |= {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ELASTICSEARCH_INDEX": f"bench-pages-{name}",
        "BENCH_PEER_INDEX_PREFIX": f"bench-wagtail-{name}-",
        "CACHE_KEY_PREFIX": name,
        "PYTHONPATH": str(ROOT),
        "STATIC_ROOT": str(STATIC_ROOT),
        **extra,
    }
    return environment


def step(name, *args, environment):
    """Run one step of benchmarks/steps.py in a child process and return its RESULT."""
    command = [PYTHON, "-m", "benchmarks.steps", name, *map(str, args)]
    out = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    lines = [line for line in out.stdout.splitlines() if line.startswith("RESULT ")]
    if out.returncode != 0 or not lines:
        sys.stderr.write(out.stdout[-3000:] + out.stderr[-5000:])
        raise RuntimeError(f"step {name} failed")
    return json.loads(lines[-1].removeprefix("RESULT "))


def log(message):
    stamp = datetime.datetime.now(datetime.UTC).strftime("%H:%M:%S")
    print(f"[{stamp}] {message}", flush=True)
