"""The measurements of one run, per corpus size, into the results dictionary.

Order per size: build every index (timed, with peak memory), pick the pages, count their SQL
queries, start gunicorn, load it with wrk (search of every engine: the query log, then the
fixed mix; page rendering), time publish-to-searchable, read the workers' peak memory, stop
gunicorn.

Each wrk run over the query log starts at its own place in it (the same place for every
engine), so no run finds the searches of the run before it already cached.
"""

import json
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from . import queries, services
from .services import log, step

CONCURRENCY = [1, 8, 32]
#: The fixed mix is kept as a second table, at fewer concurrencies.
FIXED_CONCURRENCY = [1, 8]
#: Requests of the query log apart at which successive wrk runs start.
LOG_STRIDE = 5_000
#: Searches of the log requested once before timing (the workers' first-use costs).
LOG_WARM = 100
RENDER_CONCURRENCY = [1, 8]
PUBLISH_REPEATS = 5
LUA = Path(__file__).resolve().parent / "load.lua"


def wrk(base_url, paths, concurrency, duration, start=0):
    """One wrk run over `paths` in turn from `start`; its latency percentiles and requests per
    second, and Elasticsearch's own time (`took`) where the answers tell it."""
    start %= len(paths)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
        file.write("\n".join(paths[start:] + paths[:start]) + "\n")
    threads = min(concurrency, 2)
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{duration}s",
        "--timeout",
        "30s",
        "-s",
        str(LUA),
        base_url,
        "--",
        file.name,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(file.name).unlink()
    line = next(line for line in out.splitlines() if line.startswith("JSON "))
    figures = json.loads(line.removeprefix("JSON "))
    figures["rps"] = figures["requests"] / figures["seconds"]
    for key in ("took_p50_ms", "took_p95_ms"):
        if figures[key] < 0:  # no answer said
            figures[key] = None
    return figures


def warm(base_url, paths):
    """One request per path before timing: the workers' first-use costs are not the figure."""
    for path in paths:
        try:
            with urllib.request.urlopen(base_url + path, timeout=60) as answer:
                answer.read()
        except OSError as error:
            raise RuntimeError(f"{path}: {error}") from error


def warm_peer(base_url, paths, seconds=60):
    """Warm a peer for at most `seconds`, counting its failures rather than stopping the run.

    Wagtail's database backend needs tens of seconds per query at 100,000 pages; gunicorn's
    30-second worker timeout then answers 502, which wrk counts as a failed request too.
    """
    deadline = time.monotonic() + seconds
    failures = 0
    for path in paths:
        if time.monotonic() > deadline:
            break
        try:
            warm(base_url, [path])
        except RuntimeError:
            failures += 1
    return failures


def settle(base_url, limit=120):
    """Wait until the requests wrk left queued are served: a cheap request answers quickly."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        started = time.monotonic()
        warm(base_url, ["/healthz"])
        if time.monotonic() - started < 0.5:
            return


def load_average():
    return Path("/proc/loadavg").read_text().split()[:3]


def build_indexes(environment):
    builds = {}
    log("rebuild: ours (search_index --rebuild)")
    builds["ours"] = step("rebuild_ours", environment=environment)
    log("rebuild: Wagtail database backend (update_index)")
    builds["wagtail-db"] = step("rebuild_peer", "default", environment=environment)
    log("rebuild: Wagtail Elasticsearch 8 backend (update_index)")
    builds["wagtail-es"] = step("rebuild_peer", "elasticsearch", environment=environment)
    for name, build in builds.items():
        pages = build.get("indexed") or build.get("pages")
        build["pages_per_second"] = pages / build["seconds"]
        log(f"  {name}: {pages} pages in {build['seconds']:.1f} s")
    return builds


def environment_for(size, base_url, es_url):
    return services.django_environment(services.with_database(base_url, f"bench_{size}"), es_url)


def search_runs(log_paths):
    """`{(engine, mix): (paths, concurrencies)}`: the query log, then the fixed mix."""
    runs = {}
    for engine in queries.ENGINES:
        runs[(engine, "log")] = (log_paths[engine], CONCURRENCY)
    for engine, make in queries.ENGINES.items():
        for filtered in (False, True):
            runs[(engine, "filtered" if filtered else "text")] = (make(filtered), FIXED_CONCURRENCY)
    return runs


def serve_size(size, base_url, es_url, args):
    environment = environment_for(size, base_url, es_url)
    figures = {"load_average_start": load_average(), "started": time.strftime("%H:%M:%S")}
    sample = step("sample", 30, environment=environment)
    urls = {kind: sample[kind] for kind in ("programme", "search", "compare")}
    figures["queries"] = step("render_queries", json.dumps(urls), environment=environment)["counts"]
    log_step = step("query_log", args.seed, environment=environment)
    figures["query_log"] = {key: log_step[key] for key in ("distinct", "requested")}
    server = services.Gunicorn(args.port, environment)
    try:
        runs = search_runs(log_step["paths"])
        figures["warm_failures"] = {}
        for (engine, mix), (paths, _concurrencies) in runs.items():
            paths = paths[:LOG_WARM] if mix == "log" else paths
            if engine == "ours":
                warm(server.url, paths)
            else:
                figures["warm_failures"][f"{engine}|{mix}"] = warm_peer(server.url, paths)
        for paths in urls.values():
            warm(server.url, paths)
        figures["search"] = {}
        for (engine, mix), (paths, concurrencies) in runs.items():
            for number, concurrency in enumerate(concurrencies):
                key = f"{engine}|{mix}|{concurrency}"
                start = LOG_WARM + number * LOG_STRIDE if mix == "log" else 0
                figures["search"][key] = wrk(server.url, paths, concurrency, args.duration, start)
                settle(server.url)
                log(f"  search {key}: {summary(figures['search'][key])}")
        figures["render"] = {}
        for kind, paths in urls.items():
            for concurrency in RENDER_CONCURRENCY if paths else []:
                key = f"{kind}|{concurrency}"
                figures["render"][key] = wrk(server.url, paths, concurrency, args.duration)
                settle(server.url)
                log(f"  render {key}: {summary(figures['render'][key])}")
        figures["publish"] = {}
        for engine in queries.ENGINES:
            figures["publish"][engine] = step(
                "publish", engine, server.url, PUBLISH_REPEATS, environment=environment
            )["seconds"]
            log(f"  publish → searchable {engine}: {figures['publish'][engine]['median']:.3f} s")
        figures["worker_peak_rss_kib"] = max(
            services.peak_rss_kib(pid) for pid in server.worker_pids()
        )
    finally:
        server.stop()
    figures["load_average_end"] = load_average()
    return figures


def summary(figures):
    took = (
        f", took p50 {figures['took_p50_ms']} ms" if figures.get("took_p50_ms") is not None else ""
    )
    return (
        f"p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, "
        f"p99 {figures['p99_ms']:.1f} ms, {figures['rps']:.0f} req/s, "
        f"non-200 {figures['non_200']}{took}"
    )


def index_all(results, base_url, es_url, sizes, save):
    """Every engine's full build of every size's index, timed (ours first, then the peers)."""
    results.setdefault("builds", {})
    for size in sizes:
        log(f"building the indexes of {size} pages")
        builds = {"load_average_start": load_average()}
        builds |= build_indexes(environment_for(size, base_url, es_url))
        builds["load_average_end"] = load_average()
        results["builds"][str(size)] = builds
        save()


def serve_all(results, base_url, es_url, sizes, args, save):
    """Search, rendering and publishing through gunicorn, on the indexes `index_all` built."""
    results.setdefault("sizes", {})
    for size in sizes:
        log(f"serving {size} pages")
        results["sizes"][str(size)] = serve_size(size, base_url, es_url, args)
        save()
