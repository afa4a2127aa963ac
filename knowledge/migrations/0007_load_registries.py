"""The first version of the registries list and its mapping (knowledge/registry_mapping.py)."""

from django.db import migrations

from knowledge.registry_mapping import REGISTRIES


def load(apps, schema_editor):
    Registry = apps.get_model("knowledge", "Registry")
    RegistryLabel = apps.get_model("knowledge", "RegistryLabel")
    for name, slug, url, labels in REGISTRIES:
        registry, _created = Registry.objects.get_or_create(
            slug=slug, defaults={"name": name, "url": url}
        )
        for order, (label, level, reasoning) in enumerate(labels):
            RegistryLabel.objects.get_or_create(
                registry=registry,
                label=label,
                defaults={"level": level, "reasoning_en": reasoning, "sort_order": order},
            )


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0006_registries")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
