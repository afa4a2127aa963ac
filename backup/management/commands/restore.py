from django.core.management.base import BaseCommand, CommandError

from backup.archive import RestoreRefused, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an empty database, then queue a "
        "rebuild of the search index. --force replaces the content of a database that has some."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the file written by `manage.py backup`")
        parser.add_argument(
            "--force", action="store_true", help="delete everything in the database first"
        )

    def handle(self, *args, archive, force, **options):
        try:
            summary = restore_backup(archive, force=force)
        except (RestoreRefused, FileNotFoundError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {summary.objects} objects and {summary.media_files} media files from "
            f"{archive}. The search index is rebuilt by the worker, or now with "
            "`manage.py search_index --drain`."
        )
