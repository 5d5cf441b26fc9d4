"""A GIN index for the name search of residents and representatives, on PostgreSQL only.

The worklist finds a person by the words of their name, each as the start of a word of the
name ("jans" finds "Piet Jansen", "hoogland" finds "Zwiers-Hoogland"): a ``simple``
(unstemmed, lower-case) text-search vector of the name, indexed with the very expression
``selectors.person_name_filter`` queries with, so the planner uses it. SQLite has no such
index; the name search matches word starts with ``LIKE`` there.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(SearchVector("name", config="simple"), name="person_name_simple_idx")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("cases", "Person"), INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("cases", "Person"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("cases", "0012_search_keys")]
    operations = [migrations.RunPython(create, drop)]
