"""A GIN index for Dutch full-text search over cases, on PostgreSQL only.

The index expression is built from the same ``SearchVector`` that ``selectors.search_filter``
queries with, so the planner can use it. SQLite has no such index; search falls back to
substring matching there.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(SearchVector("search_text", config="dutch"), name="case_search_dutch_idx")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("cases", "Case"), INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("cases", "Case"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
