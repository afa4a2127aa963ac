"""The thesaurus's starting vocabulary (thesaurus.csv) arrives with the tables.

Loaded here rather than by the first index build, so that no path can build an index before the
thesaurus is in the database: `make run`, a fresh production database and a restore alike.
"""

from django.db import migrations


def load_starting_vocabulary(apps, schema_editor):
    from search.thesaurus import load_csv

    load_csv(model=apps.get_model("search", "ThesaurusConcept"))


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(load_starting_vocabulary, migrations.RunPython.noop)]
