"""The measurements of one run, per corpus size, into the results dictionary.

Order per size: build every index (timed, with peak memory), pick the pages, count their SQL
queries, start gunicorn, load it with wrk (search of every engine, page rendering), time
publish-to-searchable, read the workers' peak memory, stop gunicorn.
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
RENDER_CONCURRENCY = [1, 8]
PUBLISH_REPEATS = 5
LUA = Path(__file__).resolve().parent / "load.lua"


def wrk(base_url, paths, concurrency, duration):
    """One wrk run over `paths` in turn; its latency percentiles and requests per second."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
        file.write("\n".join(paths) + "\n")
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


def serve_size(size, base_url, es_url, args):
    environment = environment_for(size, base_url, es_url)
    figures = {"load_average_start": load_average(), "started": time.strftime("%H:%M:%S")}
    sample = step("sample", 30, environment=environment)
    urls = {kind: sample[kind] for kind in ("programme", "search", "compare")}
    figures["queries"] = step("render_queries", json.dumps(urls), environment=environment)["counts"]
    server = services.Gunicorn(args.port, environment)
    try:
        search_paths = {
            (engine, filtered): make(filtered)
            for engine, make in queries.ENGINES.items()
            for filtered in (False, True)
        }
        figures["warm_failures"] = {}
        for (engine, filtered), paths in search_paths.items():
            if engine == "ours":
                warm(server.url, paths)
            else:
                key = f"{engine}|{'filtered' if filtered else 'text'}"
                figures["warm_failures"][key] = warm_peer(server.url, paths)
        for paths in urls.values():
            warm(server.url, paths)
        figures["search"] = {}
        for (engine, filtered), paths in search_paths.items():
            for concurrency in CONCURRENCY:
                key = f"{engine}|{'filtered' if filtered else 'text'}|{concurrency}"
                figures["search"][key] = wrk(server.url, paths, concurrency, args.duration)
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
    return (
        f"p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, "
        f"p99 {figures['p99_ms']:.1f} ms, {figures['rps']:.0f} req/s, "
        f"non-200 {figures['non_200']}"
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
