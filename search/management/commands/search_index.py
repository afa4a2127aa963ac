from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from base.visibility import publicly_visible
from search import indexing, queue, worker
from search.client import UNAVAILABLE


class Command(BaseCommand):
    help = "Build, check and keep the Elasticsearch index of programme and method pages."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument(
            "--rebuild",
            action="store_true",
            help="Build a new index from every publicly visible page and swap the alias to it.",
        )
        action.add_argument(
            "--ensure",
            action="store_true",
            help="Build the index only if there is none yet; otherwise send waiting updates.",
        )
        action.add_argument(
            "--check",
            action="store_true",
            help="Report pages whose index entry is missing, stale or orphaned.",
        )
        action.add_argument(
            "--drain", action="store_true", help="Send the waiting index updates once."
        )
        action.add_argument(
            "--worker",
            action="store_true",
            help="Keep draining the queue, rebuilding and writing the open-data exports every "
            "few seconds; a failed round is logged and retried (stop with Ctrl-C).",
        )
        action.add_argument(
            "--worker-status",
            action="store_true",
            help="Print the worker's state; fail unless it is ok (a container health check).",
        )
        parser.add_argument("--quiet", action="store_true", help="No progress bar.")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="Seconds between drains (--worker)."
        )

    def handle(self, *args, **options):
        try:
            if options["rebuild"] or (options["ensure"] and not indexing.current_indices()):
                self.rebuild(options["quiet"])
            elif options["ensure"]:
                sent = queue.drain_all(rebuilds=True)
                self.stdout.write(f"Index in place; {sent} waiting updates sent.")
            elif options["check"]:
                self.check_index()
            elif options["drain"]:
                self.stdout.write(f"{queue.drain_all(rebuilds=True)} index updates sent.")
            elif options["worker_status"]:
                self.worker_status()
            else:
                self.stdout.write("Indexing worker started; Ctrl-C stops it.")
                try:
                    worker.run(options["interval"])
                except KeyboardInterrupt:
                    self.stdout.write("Indexing worker stopped.")
        except UNAVAILABLE as error:
            raise CommandError(f"Elasticsearch cannot be reached: {error}") from error

    def rebuild(self, quiet):
        total = sum(publicly_visible(model.objects).count() for model in indexing.PAGE_TYPES)
        with tqdm(total=total, disable=quiet, unit="page", desc="Indexing") as bar:
            result = indexing.rebuild(progress=bar.update)
        self.stdout.write(f"Indexed {result.indexed} pages into {result.index}.")

    def check_index(self):
        result = indexing.check()
        for name in ("missing", "stale", "orphaned"):
            ids = getattr(result, name)
            self.stdout.write(f"{name}: {len(ids)}" + (f" {ids[:20]}" if ids else ""))
        pending = queue.pending()
        self.stdout.write(f"waiting in the queue: {pending}")
        if not result.ok:
            raise CommandError("The index differs from the published pages.")

    def worker_status(self):
        state = worker.status()
        self.stdout.write(" ".join(f"{key}: {value}" for key, value in state.items() if value))
        if state["state"] != "ok":
            raise CommandError(f"The indexing worker is {state['state']}.")
