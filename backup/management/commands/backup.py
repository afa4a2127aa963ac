from django.core.management.base import BaseCommand

from backup.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write the whole site (pages, revisions, snippets, users, groups, workflows, thesaurus, "
        "media files) into one compressed archive; `manage.py restore FILE` reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="the archive to write (.tar.gz)")

    def handle(self, *args, output, **options):
        summary = write_backup(output)
        self.stdout.write(
            f"Backed up {summary.objects} objects and {summary.media_files} media files "
            f"to {output}."
        )
