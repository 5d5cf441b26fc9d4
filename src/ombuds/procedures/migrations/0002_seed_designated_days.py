"""Seed the designated days (Atw art. 3 lid 3) of the decrees for 2023–2025 and 2026–2028."""

from datetime import date

from django.db import migrations

DECREES = [
    ("Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en "
     "30 mei 2025 met een algemeen erkende feestdag", 2023, 2025),
    ("Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en "
     "26 mei 2028 met een algemeen erkende feestdag", 2026, 2028),
]


def seed(apps, schema_editor):
    from ombuds.domain.deadlines import DESIGNATED_DAYS

    Decree = apps.get_model("procedures", "DesignationDecree")
    Day = apps.get_model("procedures", "DesignatedDay")
    for title, first, last in DECREES:
        decree, _ = Decree.objects.get_or_create(
            first_year=first, last_year=last, defaults={"title": title})
        for day, description in DESIGNATED_DAYS.items():
            if first <= day.year <= last:
                Day.objects.get_or_create(day=day, defaults={
                    "decree": decree, "description": description})
    assert Day.objects.filter(day=date(2026, 5, 15)).exists()


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
