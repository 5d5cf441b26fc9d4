"""Full-text search reads a stored ``tsvector`` instead of recomputing it, on PostgreSQL only.

0002 indexed the expression ``to_tsvector('dutch', search_text)``. The index finds the
matching rows, but PostgreSQL still recomputes the expression for every match (the bitmap
recheck) and again for ``ts_rank``: at a million cases a common word costs seconds. A
generated, stored column holds the vector once per row (kept in step by PostgreSQL on every
insert and update) and the GIN index, under the same name, is built on it. The model does
not declare the column (SQLite has no such type); ``selectors.search_vector`` refers to it.
"""

from django.db import migrations

FORWARD = [
    "DROP INDEX IF EXISTS case_search_dutch_idx",
    "ALTER TABLE cases_case ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(to_tsvector('dutch'::regconfig, coalesce(search_text, ''))) STORED",
    "CREATE INDEX case_search_dutch_idx ON cases_case USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS case_search_dutch_idx",
    "ALTER TABLE cases_case DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX case_search_dutch_idx ON cases_case USING gin "
    "(to_tsvector('dutch'::regconfig, COALESCE(search_text, ''::text)))",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_alter_case_channel")]
    operations = [migrations.RunPython(forward, backward)]
