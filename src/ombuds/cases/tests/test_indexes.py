"""The worklist's filters are backed by indexes, on whatever database runs the tests."""

import pytest
from django.db import connection

from ombuds.cases.models import Case

# Worklist filter → the column the database filters on (within a municipality scope).
FILTER_COLUMNS = {
    "municipality": "municipality_id",
    "status": "status",
    "channel": "channel",
    "urgency": "urgency",
    "assignee / mine / new": "assignee_id",
    "registered by me": "created_by_id",
    "reference": "reference",
    "sorting by date": "opened_at",
}


def index_columns(table):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    return [tuple(c["columns"]) for c in constraints.values() if c["index"] or c["unique"]]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "column"), FILTER_COLUMNS.items())
def test_every_worklist_filter_is_led_by_or_follows_the_scope_in_an_index(name, column):
    indexes = index_columns(Case._meta.db_table)
    usable = [cols for cols in indexes if cols and (
        cols[0] == column or (cols[0] in ("municipality_id", "assignee_id") and column in cols[:3])
    )]
    assert usable, f"no index serves the {name} filter ({column}); indexes: {indexes}"


@pytest.mark.django_db
def test_theme_and_domain_filters_join_through_indexed_link_tables():
    for field in ("themes", "domains"):
        through = Case._meta.get_field(field).remote_field.through._meta.db_table
        leading = {cols[0] for cols in index_columns(through) if cols}
        assert "case_id" in leading and any(c.endswith("_id") and c != "case_id" for c in leading)
