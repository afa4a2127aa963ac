"""Experiences get an area and the page revision they became; proposals' files go private.

Files uploaded before were kept in the public media (`MEDIA_ROOT/proposals/`); they move to the
private storage, under the same name.
"""

import django.db.models.deletion
from django.core.files.storage import storages
from django.db import migrations, models

import participation.storage


def move_files_to_private_storage(apps, schema_editor):
    Proposal = apps.get_model("participation", "Proposal")
    public, private = storages["default"], storages["participation_uploads"]
    for proposal in Proposal.objects.exclude(source_file=""):
        name = proposal.source_file.name
        if not public.exists(name):
            continue
        with public.open(name, "rb") as handle:
            stored = private.save(name, handle)
        if stored != name:
            Proposal.objects.filter(pk=proposal.pk).update(source_file=stored)
        public.delete(name)


class Migration(migrations.Migration):

    dependencies = [
        ('knowledge', '0007_load_registries'),
        ('participation', '0002_moderators_permissions'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='experience',
            name='area',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='knowledge.area', verbose_name='area'),
        ),
        migrations.AddField(
            model_name='experience',
            name='revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='page version with the site'),
        ),
        migrations.AlterField(
            model_name='experience',
            name='place',
            field=models.CharField(blank=True, help_text='As the visitor wrote it; a moderator may add a finer area term from it.', max_length=255, verbose_name='town or district'),
        ),
        migrations.AlterField(
            model_name='experience',
            name='status',
            field=models.CharField(choices=[('pending', 'Waiting for moderation'), ('approved', 'Approved: added to the page'), ('rejected', 'Rejected')], default='pending', max_length=10, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='proposal',
            name='source_file',
            field=models.FileField(blank=True, storage=participation.storage.private_uploads, upload_to='proposals/', verbose_name='source file'),
        ),
        migrations.RunPython(move_files_to_private_storage, migrations.RunPython.noop),
    ]
