from django.core.management.base import BaseCommand

from knowledge.demo_content.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Create the site's pages and snippets from the seed documents (knowledge/demo_content). "
        "Idempotent: existing pages are left as they are."
    )

    def handle(self, *args, **options):
        report = load_demo_content()
        self.stdout.write(f"Demo content: {report}.")
