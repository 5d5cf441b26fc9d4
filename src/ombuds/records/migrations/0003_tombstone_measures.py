"""The tombstone keeps what the measures of the reports need (issue 16): how the case was
handled, the day of the first contact with the resident, and the time spent.

Tombstones made before this keep what can still be known: a destroyed case with a complaint
was handled as a complaint or investigation (the most intensive way, whatever else happened),
and the day its office's promise of first contact was met is the first contact. Otherwise
``handling`` stays empty and the reports count the case as "no longer known".
"""

from django.db import migrations, models


def keep_what_is_known(apps, schema_editor):
    Tombstone = apps.get_model("records", "Tombstone")
    TombstoneDeadline = apps.get_model("records", "TombstoneDeadline")
    Tombstone.objects.filter(complaints__isnull=False).update(handling="onderzoek")
    for tombstone_id, met_on in TombstoneDeadline.objects.filter(
            kind="eerste_contact", met_on__isnull=False).values_list("tombstone_id", "met_on"):
        Tombstone.objects.filter(pk=tombstone_id).update(first_contact_on=met_on)


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0002_tombstonecomplaint_outcome"),
    ]

    operations = [
        migrations.AddField(
            model_name="tombstone",
            name="first_contact_on",
            field=models.DateField(blank=True, null=True, verbose_name="eerste contact"),
        ),
        migrations.AddField(
            model_name="tombstone",
            name="handling",
            field=models.CharField(blank=True, max_length=20, verbose_name="behandeling"),
        ),
        migrations.AddField(
            model_name="tombstone",
            name="minutes_spent",
            field=models.PositiveIntegerField(blank=True, null=True,
                                              verbose_name="bestede tijd (minuten)"),
        ),
        migrations.RunPython(keep_what_is_known, migrations.RunPython.noop),
    ]
