"""`manage.py export_open_data --format json|csv|studies|... --output FILE`: an open-data export
to a file.

The same exports as /api/open-data/ serves (export.json, export.csv and the CSV tables of
studies, sites, external ratings and rating history), written piece by piece. Without --output
(or with "-") it goes to standard output.
"""

from django.core.management.base import BaseCommand

from knowledge.open_data.export import EXPORTS


class Command(BaseCommand):
    help = "Export every published programme and method as JSON or CSV, or one of its tables."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(EXPORTS), default="json")
        parser.add_argument("--output", default="-", help="File to write; - for standard output.")

    def handle(self, *args, **options):
        chunks = EXPORTS[options["format"]].chunks()
        output = options["output"]
        if output == "-":
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            return
        # newline="": the CSV writer ends its rows with \r\n itself, as RFC 4180 asks.
        with open(output, "w", encoding="utf-8", newline="") as file:
            for chunk in chunks:
                file.write(chunk)
        self.stderr.write(f"Wrote {output}")
