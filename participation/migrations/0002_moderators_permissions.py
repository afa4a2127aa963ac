"""Wagtail's own Moderators and Editors groups may read what visitors send in; moderators also
decide on it (approve an experience, mark a request handled) and delete it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("proposal", "reviewrequest", "experience")
RIGHTS = {"Moderators": ("view", "change", "delete"), "Editors": ("view",)}


def grant(apps, schema_editor):
    app = apps.get_app_config("participation")
    app.models_module = True  # a migration's app stub; Django's own permission maker asks for it
    create_permissions(app, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, rights in RIGHTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{right}_{model}" for right in rights for model in MODELS]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="participation", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_participation"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
