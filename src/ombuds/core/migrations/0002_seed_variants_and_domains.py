"""Seed the six process variants of the council note and the domains of the social domain."""

from django.db import migrations

DOMAINS = [
    ("wmo", "Wmo (maatschappelijke ondersteuning)"),
    ("jeugd", "Jeugdhulp"),
    ("participatie", "Werk en inkomen (Participatiewet)"),
    ("schulden", "Schuldhulpverlening"),
    ("wonen", "Wonen"),
    ("zorg", "Zorg en gezondheid"),
    ("onderwijs", "Onderwijs en leerlingenvervoer"),
    ("overig", "Overig"),
]


def seed(apps, schema_editor):
    from ombuds.domain.variants import VARIANTS

    WorkflowDefinition = apps.get_model("core", "WorkflowDefinition")
    Domain = apps.get_model("core", "Domain")
    for number, workflow in VARIANTS.items():
        WorkflowDefinition.objects.get_or_create(
            variant=number, version=1,
            defaults={"name": workflow.name, "definition": workflow.to_dict()},
        )
    for code, name in DOMAINS:
        Domain.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
