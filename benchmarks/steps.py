"""The parts of a run that need Django, each in its own process: `python -m benchmarks.steps`.

The harness (`benchmarks/run.py`) runs each step as a child process, so a step's time and peak
memory are its own, and reads the one `RESULT {...}` line the step prints.
"""

import json
import resource
import sys
import time

import django

from .services import ROOT


def result(**values):
    values["peak_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("RESULT " + json.dumps(values, default=str), flush=True)


def step_load(size, seed):
    from home.demo_content import load_demo_content

    from .corpus import existing_pages, load_corpus

    load_demo_content()  # the frame and the real pages, through add_child; not timed
    before = existing_pages()
    started = time.perf_counter()
    progress_log = ROOT / ".services" / "bench" / f"load-{size}.log"
    done = 0

    def progress(count):
        nonlocal done
        done += count
        with open(progress_log, "a") as file:
            file.write(f"{done} pages in {time.perf_counter() - started:.0f} s\n")

    added = load_corpus(int(size), seed=int(seed), progress=progress)
    seconds = time.perf_counter() - started
    result(before=before, added=added, seconds=seconds, pages=existing_pages())


def step_verify():
    from .verify import verify

    result(**verify())


def step_rebuild_ours():
    from search.indexing import rebuild

    started = time.perf_counter()
    built = rebuild()
    result(indexed=built.indexed, seconds=time.perf_counter() - started)


def step_rebuild_peer(backend):
    from django.core.management import call_command

    from .corpus import existing_pages

    started = time.perf_counter()
    call_command("update_index", backend_name=backend, verbosity=0)
    result(pages=existing_pages(), seconds=time.perf_counter() - started)


def step_relevance():
    from .relevance import measure

    result(**measure())


def step_publish(engine, base_url, repeats):
    from .publish import publish_to_searchable

    result(seconds=publish_to_searchable(engine, base_url, int(repeats)))


def step_render_queries(urls_json):
    from .render import query_counts

    result(counts=query_counts(json.loads(urls_json)))


def step_sample(count):
    from .render import sample_urls

    result(**sample_urls(int(count)))


def step_query_log(seed):
    from .query_log import ENGINES, query_log

    distinct, requests = query_log(int(seed))
    paths = {engine: make(requests) for engine, make in ENGINES.items()}
    result(distinct=len(distinct), requested=len(set(requests)), paths=paths)


def step_profile(repeats, search_path, page_path):
    from .profile import profile

    result(search=profile(search_path, int(repeats)), page=profile(page_path, int(repeats)))


STEPS = {
    name.removeprefix("step_"): value
    for name, value in globals().items()
    if name.startswith("step_")
}


if __name__ == "__main__":
    django.setup()
    STEPS[sys.argv[1]](*sys.argv[2:])
