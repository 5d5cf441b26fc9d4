"""The tombstone of a complaint keeps the complaint's own outcome (issue 13): the register
(Awb 9:12a) counts ``Complaint.outcome``, so a destroyed case must keep the same value.

Tombstones made before this kept only the case's outcome; a complaint's outcome was that
same value when its case was closed, so it is copied from there.
"""

from django.db import migrations, models


def copy_case_outcome(apps, schema_editor):
    TombstoneComplaint = apps.get_model("records", "TombstoneComplaint")
    for row in TombstoneComplaint.objects.select_related("tombstone").only(
            "id", "tombstone__outcome").iterator():
        if row.tombstone.outcome:
            TombstoneComplaint.objects.filter(pk=row.pk).update(outcome=row.tombstone.outcome)


class Migration(migrations.Migration):

    dependencies = [
        ("records", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="tombstonecomplaint",
            name="outcome",
            field=models.CharField(blank=True, max_length=30),
        ),
        migrations.RunPython(copy_case_outcome, migrations.RunPython.noop),
    ]
