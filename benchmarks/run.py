"""One command for the benchmarks of issue 6: `make bench` (or `python -m benchmarks.run`).

For each corpus size it loads the corpus (once; kept in the benchmark's PostgreSQL), verifies it,
builds every search index while timing it, serves the site with gunicorn and loads it with wrk,
then writes benchmarks/RESULTS.md. See benchmarks/README.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import measure, report, services

ROOT = services.ROOT
STATE = ROOT / ".services" / "bench"
SIZES = [1_000, 10_000, 100_000]
PHASES = ["prepare", "index", "serve", "relevance"]


def prepare(base_url, es_url, sizes, seed, loads, save):
    """Each size's database: copied from the next smaller one, migrated, grown to its size.

    `loads` holds the earlier loads' figures; a size already loaded is only verified again.
    """
    previous = None
    for size in sizes:
        name = f"bench_{size}"
        url = services.with_database(base_url, name)
        environment = services.django_environment(url, es_url)
        if not services.database_exists(base_url, name):
            services.create_database(base_url, name, template=previous)
            subprocess.run(
                [services.PYTHON, "manage.py", "migrate", "--noinput"],
                cwd=ROOT,
                env=environment,
                check=True,
                capture_output=True,
            )
        services.log(f"loading the corpus of {size} pages into {name}")
        loaded = services.step("load", size, seed, environment=environment)
        loaded["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
        services.log(f"loaded: {loaded}")
        if loaded["added"] or str(size) not in loads:
            loads[str(size)] = loaded
            save()
        loads[str(size)]["verify"] = services.step("verify", environment=environment)
        services.log(f"verified: {loads[str(size)]['verify']}")
        save()
        previous = name


def relevance_all(results, base_url, es_url, sizes, save):
    """The relevance suite's figures among each corpus (`benchmarks/relevance.py`)."""
    for size in sizes:
        url = services.with_database(base_url, f"bench_{size}")
        services.log(f"relevance suite among {size} pages")
        figures = services.step("relevance", environment=services.django_environment(url, es_url))
        services.log(f"relevance: {figures}")
        results.setdefault("relevance", {})[str(size)] = figures
        save()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--seed", type=int, default=6)
    # From the environment too, so that runs beside each other on one machine need not collide.
    parser.add_argument(
        "--es-base-port", type=int, default=int(os.environ.get("BENCH_ES_BASE_PORT", 9760))
    )
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8010)))
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument(
        "--phase",
        default=",".join(PHASES),
        help="comma-separated, in this order: prepare (load and verify the corpora), index "
        "(build and time every index), serve (wrk, rendering, publishing; needs the indexes), "
        "relevance (the relevance suite among each corpus)",
    )
    parser.add_argument(
        "--pg-dir",
        help="a PostgreSQL folder from scripts/postgres-instance.sh to reuse and keep",
    )
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    STATE.mkdir(parents=True, exist_ok=True)
    own_pg = not args.pg_dir
    pg_dir = Path(args.pg_dir or tempfile.mkdtemp(prefix="bro-bench-postgres."))
    port_file = pg_dir / "port"
    if port_file.exists():
        base_url = f"postgres://bro@127.0.0.1:{port_file.read_text().strip()}/bro"
    else:
        base_url = services.postgres_start(pg_dir)
    es_url, own_es = services.es_start(args.es_base_port)
    redis_dir = tempfile.mkdtemp(prefix="bro-bench-redis.")
    # Every Django process of the run shares it (services.django_environment copies os.environ).
    os.environ["REDIS_URL"] = services.redis_start(redis_dir)
    try:
        services.log("collectstatic")
        services.collectstatic(services.django_environment(base_url, es_url))
        phases = args.phase.split(",")
        results_file = STATE / "results.json"
        results = {}
        if set(phases) != set(PHASES) and results_file.exists():
            # A partial run adds to the figures of the runs before it; a full run starts afresh.
            results = json.loads(results_file.read_text())
        results.setdefault("runs", []).append(
            {"command": " ".join(["python -m benchmarks.run", *sys.argv[1:]]), "phases": phases}
        )
        # The corpus's load figures live with its databases, which a later run may reuse.
        loads_file = pg_dir / "loads.json"
        results["loads"] = json.loads(loads_file.read_text()) if loads_file.exists() else {}

        def save():
            results_file.write_text(json.dumps(results, indent=1))
            loads_file.write_text(json.dumps(results["loads"], indent=1))

        if "prepare" in phases:
            prepare(base_url, es_url, sizes, args.seed, results["loads"], save)
        if "index" in phases:
            measure.index_all(results, base_url, es_url, sizes, save)
        if "serve" in phases:
            measure.serve_all(results, base_url, es_url, sizes, args, save)
        if "relevance" in phases:
            relevance_all(results, base_url, es_url, sizes, save)
        if set(phases) - {"prepare"}:
            report.write_report(results, es_url)
    finally:
        services.redis_stop(redis_dir)
        if own_es:
            services.es_stop(args.es_base_port)
        if own_pg:
            services.postgres_stop(pg_dir)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONPATH", str(ROOT))
    main()
