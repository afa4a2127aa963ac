"""Database indexes on the translated slug columns, so that routing a path is an index look-up.

wagtail-modeltranslation adds `slug_da`, `slug_sv` and `slug_en` to Wagtail's page table outside
migrations: its `migrate` runs the migrations, then `sync_page_translation_fields` adds the
columns. No migration can declare an index on them (wagtailcore's migration state has no such
fields, and a project must not add migrations to wagtailcore), and a `post_migrate` receiver
runs before that sync. So this receiver first runs the same sync itself when a column is
missing (the later one then finds nothing to do), and then adds each missing index. Every
`migrate` does this – `make run`, the test database, the Dockerfile's start – the same way, on
PostgreSQL and SQLite alike, and a language added later gets its column and index on the next
`migrate`.

Each index is on the slug and the depth: the router asks, for each level of a path, for the
pages at that depth whose slug in some language is that level's part (base/routing.py).
"""

from django.core.management import call_command
from django.db import connections, models
from wagtail.models import Page

from .languages import LANGUAGES


def index_name(language):
    return f"bro_page_slug_{language}_depth"


def slug_indexes():
    return [
        models.Index(fields=[f"slug_{language}", "depth"], name=index_name(language))
        for language in LANGUAGES
    ]


def add_slug_indexes(using="default", **kwargs):
    """post_migrate receiver: the translated slug columns, then their indexes, where missing."""
    connection = connections[using]
    table = Page._meta.db_table
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return  # wagtailcore migrated back to zero
        columns = {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }
        if any(f"slug_{language}" not in columns for language in LANGUAGES):
            call_command("sync_page_translation_fields", interactive=False)
        existing = connection.introspection.get_constraints(cursor, table)
    with connection.schema_editor() as editor:
        for index in slug_indexes():
            if index.name not in existing:
                editor.add_index(Page, index)
