from django.core.management.base import BaseCommand

from participation.retention import delete_expired


class Command(BaseCommand):
    help = "Erase the personal data of participation that is past its retention period."

    def handle(self, *args, **options):
        self.stdout.write(f"{delete_expired()} records erased or deleted.")
