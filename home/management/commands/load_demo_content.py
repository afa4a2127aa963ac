import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from home.demo_content import load_demo_content

PASSWORD_FILE = Path(settings.BASE_DIR) / ".services" / "admin-password"


class Command(BaseCommand):
    help = (
        "Create the home page, and the pages and snippets of the seed documents "
        "(knowledge/demo_content) below it. "
        "Idempotent: existing pages are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Also make sure a local superuser `admin` exists, and print its login. "
            "The password is generated once and kept in .services/admin-password (git-ignored).",
        )

    def handle(self, *args, **options):
        report = load_demo_content()
        self.stdout.write(f"Demo content: {report}.")
        if options["admin"]:
            self.stdout.write(f"Admin login: admin / {ensure_admin()}")


def ensure_admin():
    PASSWORD_FILE.parent.mkdir(exist_ok=True)
    if not PASSWORD_FILE.exists():
        PASSWORD_FILE.write_text(secrets.token_urlsafe(12))
        PASSWORD_FILE.chmod(0o600)
    password = PASSWORD_FILE.read_text().strip()
    user, _created = get_user_model().objects.get_or_create(
        username="admin", defaults={"is_staff": True, "is_superuser": True}
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save()
    return password
