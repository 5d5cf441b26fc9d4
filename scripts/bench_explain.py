#!/usr/bin/env python3
"""Print the query plans of the worklist, the filtered case list and the search, as the app
issues them (``EXPLAIN (ANALYZE, BUFFERS)``), against the bench database.

    BENCH_DATABASE=ombuds_h_bench_1m .venv/bin/python scripts/bench_explain.py

``make bench`` runs it at the end and writes the plans to ``var/bench-plans-<SCALE>.txt``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DATABASE = os.environ.get("BENCH_DATABASE", "ombuds_h_bench")
os.environ.update({
    "DATABASE_URL": f"{PG}/{DATABASE}", "DJANGO_SETTINGS_MODULE": "ombuds.config.settings_test",
    "OMBUDS_DATA_DIR": str(Path(__file__).resolve().parent.parent / "var" / "bench"),
})
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.cases.models import Person  # noqa: E402
from ombuds.cases.selectors import (  # noqa: E402
    PERSON_MATCHES_MAX,
    CaseFilter,
    case_list,
    person_name_filter,
)
from ombuds.cases.views.worklist import PAGE_SIZE  # noqa: E402
from ombuds.cases.views.worklist_rows import COLUMNS  # noqa: E402
from ombuds.core.models import Municipality  # noqa: E402


def explain(title: str, queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return f"### {title}\n\n```\n{plan}\n```\n"


def main() -> int:
    user = User.objects.get(username="ombudsman")
    stw = Municipality.objects.get(cbs_code="GM1708")
    lists = {
        "Worklist: open cases of one ombudsperson, nearest deadline first (page 1, 50 rows)":
            CaseFilter(view="mijn"),
        "Case list: all open cases of Steenwijkerland by telephone (page 1, 50 rows)":
            CaseFilter(view="alle", municipality=stw.pk, channel="telefoon"),
        "Full-text search 'scootmobiel kapot', best matches first (page 1, 50 rows)":
            CaseFilter(view="alle", q="scootmobiel kapot"),
        # Issue 15: the persons are found first (one indexed lookup, not shown here), then
        # their cases by person_id/representative_id; a case number by reference_number.
        "Search by phone '06-00001235' (page 1, 50 rows)":
            CaseFilter(view="alle", q="06-00001235"),
        "Search by name 'Pieter Jansen', the name's cases first (page 1, 50 rows)":
            CaseFilter(view="alle", q="Pieter Jansen"),
        "Search by part of a case number '2026-0031' (page 1, 50 rows)":
            CaseFilter(view="alle", q="2026-0031"),
    }
    out = []
    for title, filters in lists.items():
        rows = case_list(user, filters)
        # As the worklist view reads them: a page of the shown columns, the count by id.
        out.append(explain(title, rows.values_list(*COLUMNS)[:PAGE_SIZE]))
        out.append(explain(title.split(":")[0] + ": the capped count (at most 1,001 rows)",
                           rows.order_by()[:1001].values("pk")))
    persons = {
        "Person lookup by phone key": Person.objects.filter(phone_key="0600001235"),
        "Person lookup by postcode key": Person.objects.filter(postcode_key="8331AB"),
        "Person lookup by name 'Pieter Jansen' (word starts, GIN)":
            person_name_filter(Person.objects.all(), ["pieter", "jansen"]),
    }
    for title, persons_qs in persons.items():
        out.append(explain(title, persons_qs.order_by("pk").values("pk")[:PERSON_MATCHES_MAX + 1]))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
