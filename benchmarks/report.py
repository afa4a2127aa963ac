"""Writes benchmarks/RESULTS.md from a run's results (benchmarks/results.json keeps the raw ones).

Everything above the notes marker is generated; the notes written by hand below it are kept.
"""

import datetime
import json
import os
import platform
import subprocess
import urllib.request
from importlib.metadata import version
from pathlib import Path

from .measure import CONCURRENCY, FIXED_CONCURRENCY
from .queries import ENGINES

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
RAW = Path(__file__).resolve().parent / "results.json"
MARKER = "<!-- Notes below this line are written by hand and kept when the file is rewritten. -->"
PEERS = [engine for engine in ENGINES if engine != "ours"]
TARGET_SIZE = "10000"
LARGEST_SIZE = "100000"
#: The mixes of the search tables, each with its wrk concurrencies.
LOG_MIXES = {"log": CONCURRENCY}
FIXED_MIXES = {"text": FIXED_CONCURRENCY, "filtered": FIXED_CONCURRENCY}


def machine(es_url):
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    try:
        with urllib.request.urlopen(es_url, timeout=5) as answer:
            es_version = json.load(answer)["version"]["number"]
    except OSError:
        es_version = "?"
    postgres = subprocess.run(
        "ls /usr/lib/postgresql | sort -V | tail -1", shell=True, capture_output=True, text=True
    ).stdout.strip()
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split()[:2]
    return [
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("Memory", f"{memory_kib / 1024 / 1024:.1f} GiB"),
        ("System", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        (
            "Packages",
            ", ".join(
                f"{name} {version(name)}"
                for name in ("django", "wagtail", "modelsearch", "elasticsearch", "gunicorn")
            ),
        ),
        ("Elasticsearch", f"{es_version} (devtools/elasticsearch node, 1 node, heap as it sets)"),
        ("PostgreSQL", f"{postgres} (scripts/postgres-instance.sh: fsync off)"),
        ("Load tool", " ".join(wrk)),
        ("Server", "gunicorn, 3 sync workers (as the Dockerfile), benchmarks.settings"),
    ]


def ms(value):
    return f"{value:.1f}"


def ratio(peer, ours):
    return f"×{peer / ours:.2f}" if ours else "–"


def took(figures):
    """Elasticsearch's own time (`took`) p50 / p95, as the answers' Server-Timing said."""
    if figures.get("took_p50_ms") is None:
        return "–"
    return f"{figures['took_p50_ms']} / {figures['took_p95_ms']}"


def overhead(figures):
    """End-to-end p50 ÷ `took` p50: what the stack adds to the engine's own time."""
    if not figures.get("took_p50_ms"):
        return "–"
    return f"{figures['p50_ms'] / figures['took_p50_ms']:.2f}"


def search_table(sizes, mixes):
    head = (
        "| pages | mix | c | ours p50 / p95 / p99 ms | ES took p50 / p95 ms | p50 ÷ took |"
        " ours req/s |"
    )
    rule = "|---:|---|---:|---|---|---:|---:|"
    for peer in PEERS:
        head += f" {peer} p95 ms (× ours) | {peer} req/s (× ours) |"
        rule += "---|---|"
    rows = [head, rule]
    for size, figures in sizes.items():
        for mix, concurrencies in mixes.items():
            for concurrency in concurrencies:
                ours = figures["search"].get(f"ours|{mix}|{concurrency}")
                if not ours:
                    continue
                row = (
                    f"| {int(size):,} | {mix} | {concurrency} | {ms(ours['p50_ms'])} / "
                    f"{ms(ours['p95_ms'])} / {ms(ours['p99_ms'])} | {took(ours)} |"
                    f" {overhead(ours)} | {ours['rps']:.0f} |"
                )
                for peer in PEERS:
                    other = figures["search"][f"{peer}|{mix}|{concurrency}"]
                    row += (
                        f" {ms(other['p95_ms'])} ({ratio(other['p95_ms'], ours['p95_ms'])}) |"
                        f" {other['rps']:.0f} ({ratio(other['rps'], ours['rps'])}) |"
                    )
                rows.append(row)
    return rows


def full_search_table(sizes):
    rows = [
        "| pages | engine | mix | c | p50 ms | p95 ms | p99 ms | ES took p50 / p95 ms | req/s"
        " | non-200 |",
        "|---:|---|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for size, figures in sizes.items():
        for key, value in figures["search"].items():
            engine, mix, concurrency = key.split("|")
            rows.append(
                f"| {int(size):,} | {engine} | {mix} | {concurrency} | {ms(value['p50_ms'])} |"
                f" {ms(value['p95_ms'])} | {ms(value['p99_ms'])} | {took(value)} |"
                f" {value['rps']:.0f} | {value['non_200'] + value['socket_errors']} |"
            )
    return rows


def build_table(builds):
    rows = [
        "| pages | engine | seconds | pages/s | × ours | peak RSS of the build (MiB) |"
        " load avg start → end |",
        "|---:|---|---:|---:|---:|---:|---|",
    ]
    for size, figures in builds.items():
        ours = figures["ours"]["pages_per_second"]
        for engine in ENGINES:
            build = figures[engine]
            rows.append(
                f"| {int(size):,} | {engine} | {build['seconds']:.1f} |"
                f" {build['pages_per_second']:.0f} | {ratio(build['pages_per_second'], ours)} |"
                f" {build['peak_rss_kib'] / 1024:.0f} | {' '.join(figures['load_average_start'])}"
                f" → {' '.join(figures['load_average_end'])} |"
            )
    return rows


def publish_table(sizes):
    rows = ["| pages | engine | median s | max s | × ours (median) |", "|---:|---|---:|---:|---:|"]
    for size, figures in sizes.items():
        ours = figures["publish"]["ours"]["median"]
        for engine, timing in figures["publish"].items():
            rows.append(
                f"| {int(size):,} | {engine} | {timing['median']:.3f} | {timing['max']:.3f} |"
                f" {ratio(timing['median'], ours)} |"
            )
    return rows


def render_table(sizes):
    rows = [
        "| pages | page | c | p50 ms | p95 ms | p99 ms | req/s | SQL queries (median / max) |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for size, figures in sizes.items():
        for key, value in figures["render"].items():
            kind, concurrency = key.split("|")
            counts = figures["queries"].get(kind, {})
            rows.append(
                f"| {int(size):,} | {kind} | {concurrency} | {ms(value['p50_ms'])} |"
                f" {ms(value['p95_ms'])} | {ms(value['p99_ms'])} | {value['rps']:.0f} |"
                f" {counts.get('median', '–')} / {counts.get('max', '–')} |"
            )
    return rows


def load_table(loads):
    rows = [
        "| pages | added | seconds | pages/s | tree (find_problems) | pages rendered"
        " | load avg at its end |",
        "|---:|---:|---:|---:|---|---|---|",
    ]
    for size, load in loads.items():
        verify = load.get("verify")
        rate = load["added"] / load["seconds"] if load["seconds"] else 0
        rows.append(
            f"| {int(size):,} | {load['added']:,} | {load['seconds']:.0f} | {rate:.0f} |"
            f" {tree_status(verify)} | {render_status(verify)} |"
            f" {' '.join(load.get('load_average', []))} |"
        )
    return rows


def tree_status(verify):
    if verify is None:
        return "not checked"
    return "clean" if verify["tree_ok"] else str(verify["tree_problems"])


def render_status(verify):
    if verify is None:
        return "not checked"
    return "all 200" if not verify["render_failures"] else str(verify["render_failures"])


def targets(sizes, builds):
    """Issue 16's targets, from the query log (and the fixed mix where a target names it)."""
    middle, largest = sizes.get(TARGET_SIZE), sizes.get(LARGEST_SIZE)
    if not middle:
        return ["(no 10,000-page run)"]
    rows = ["| figure | target | measured | met |", "|---|---|---|---|"]
    log8 = middle["search"]["ours|log|8"]
    rows.append(
        f"| search p95 at 10,000 pages, c=8 (query log) | < 50 ms | {ms(log8['p95_ms'])} ms"
        f" | {yes(log8['p95_ms'] < 50)} |"
    )
    rows.append(
        f"| search req/s at 10,000 pages, c=8 (query log) | ≥ 150 | {log8['rps']:.0f}"
        f" | {yes(log8['rps'] >= 150)} |"
    )
    if largest:
        ratios = {
            mix: largest["search"][f"ours|{mix}|8"]["rps"]
            / largest["search"][f"wagtail-es|{mix}|8"]["rps"]
            for mix in ("log", "text", "filtered")
        }
        rows.append(
            "| search req/s at 100,000 pages, c=8, ÷ Wagtail's Elasticsearch backend | ≥ 1.5× | "
            + ", ".join(f"{mix} ×{value:.2f}" for mix, value in ratios.items())
            + f" | {yes(min(ratios.values()) >= 1.5)} |"
        )
        growth = (
            largest["search"]["ours|log|1"]["p50_ms"] / middle["search"]["ours|log|1"]["p50_ms"]
        )
        rows.append(
            f"| growth of search p50 from 10,000 to 100,000 pages, c=1 (query log) | ≤ 1.5× |"
            f" ×{growth:.2f} | {yes(growth <= 1.5)} |"
        )
    else:
        rows.append("| search at 100,000 pages | | (no 100,000-page run) | |")
    log1 = middle["search"]["ours|log|1"]
    if log1.get("took_p50_ms"):
        share = log1["p50_ms"] / log1["took_p50_ms"]
        rows.append(
            f"| end-to-end p50 ÷ Elasticsearch took p50, c=1 (10,000 pages, query log) | ≤ 1.3 |"
            f" {ms(log1['p50_ms'])} ÷ {log1['took_p50_ms']} = {share:.2f} | {yes(share <= 1.3)} |"
        )
    for size in (TARGET_SIZE, LARGEST_SIZE):
        if size not in sizes:
            continue
        programme = sizes[size]["render"].get("programme|8", {})
        queries = sizes[size]["queries"].get("programme", {}).get("max", 0)
        met = programme and programme["p95_ms"] < 40 and queries <= 15
        rows.append(
            f"| programme page at {int(size):,} pages, c=8 | p95 < 40 ms, ≤ 15 queries |"
            f" {ms(programme.get('p95_ms', 0))} ms, {queries} queries | {yes(met)} |"
        )
    if LARGEST_SIZE in builds:
        build = builds[LARGEST_SIZE]["ours"]["pages_per_second"]
        rows.append(
            f"| full rebuild at 100,000 pages | ≥ 1,500 pages/s | {build:.0f} pages/s |"
            f" {yes(build >= 1500)} |"
        )
    return rows


def query_log_summary(sizes):
    logs = [figures["query_log"] for figures in sizes.values() if "query_log" in figures]
    if not logs:
        return ""
    return (
        f"{logs[0]['distinct']:,} distinct searches, drawn Zipf-like ({logs[0]['requested']:,}"
        " of them in the log's requests); each run starts at its own place in the log, the same"
        " for every engine."
    )


def yes(condition):
    return "yes" if condition else "**no**"


def commands(runs):
    """The command behind the figures, or the commands of the partial runs that added up."""
    if len(runs) == 1:
        return [f"Command: `{runs[0]['command']}` (see benchmarks/README.md)."]
    return [
        "Written by several partial runs, in this order (a full `make bench` is one command):",
        "",
        *[f"- `{run['command']}`" for run in runs],
        "",
    ]


def relevance_table(relevance):
    """Recall@10 and MRR of the relevance suite with each corpus around its pages."""
    rows = [
        f"| {int(size):,} | {f['pages']} | {f['queries']} | {f['recall_at_10']:.1%} | "
        f"{f['mrr']:.3f} |"
        for size, f in relevance.items()
    ]
    header = [
        "| corpus pages | suite pages | queries | recall@10 | MRR |",
        "|---:|---:|---:|---:|---:|",
    ]
    return [*header, *rows]


def write_report(results, es_url):
    RAW.write_text(json.dumps(results, indent=1))
    sizes = results.get("sizes", {})
    loads = results.get("loads", {})
    notes = ""
    if RESULTS.exists() and MARKER in RESULTS.read_text():
        notes = RESULTS.read_text().split(MARKER, 1)[1]
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        *commands(results["runs"]),
        f"Written {now}. Raw figures: `benchmarks/results.json`.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in machine(es_url)],
        "| Load average (1/5/15 min) at each size's start → end | "
        + "; ".join(
            f"{int(size):,}: {' '.join(f['load_average_start'])} → "
            + " ".join(f["load_average_end"])
            for size, f in sizes.items()
        )
        + " |",
        "",
        "## Targets",
        "",
        *targets(sizes, results.get("builds", {})),
        "",
        "## Search through the whole stack: the query log (benchmarks/query_log.py)",
        "",
        "JSON endpoints, wrk. " + query_log_summary(sizes) + " Ratios are peer ÷ ours: above 1"
        " for latency, or below 1 for req/s, means ours is ahead. ES took: Elasticsearch's own"
        " time for our search's requests, from the answers' `Server-Timing` header.",
        "",
        *search_table(sizes, LOG_MIXES),
        "",
        "## Search through the whole stack: the fixed mix (28 queries in turn)",
        "",
        *search_table(sizes, FIXED_MIXES),
        "",
        "## Indexing: full rebuild",
        "",
        *build_table(results.get("builds", {})),
        "",
        "## From publish to searchable",
        "",
        *publish_table(sizes),
        "",
        "## Page rendering",
        "",
        *render_table(sizes),
        "",
        "## Memory",
        "",
        "| pages | gunicorn worker peak RSS (MiB, VmHWM, largest of 3) |",
        "|---:|---:|",
        *[
            f"| {int(size):,} | {figures['worker_peak_rss_kib'] / 1024:.0f} |"
            for size, figures in sizes.items()
        ],
        "",
        "## Relevance suite among the corpus (tests/relevance)",
        "",
        *relevance_table(results.get("relevance", {})),
        "",
        "## Corpus",
        "",
        *load_table(loads),
        "",
        "## Every search figure",
        "",
        *full_search_table(sizes),
        "",
        MARKER,
    ]
    RESULTS.write_text("\n".join(lines) + (notes or "\n"))
