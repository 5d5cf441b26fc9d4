#!/usr/bin/env python3
"""Time the annual report of one municipality (part of ``make bench``).

Builds ``REPORT_SCALE`` cases (default 10,000) of one municipality in one year with bulk
inserts — with domains, themes, parties, referrals (one in five) and anonymous survey
answers (one in twenty closed cases) — in a scratch database (SQLite in a temporary
directory, or ``BENCH_DATABASE_URL``, which it migrates and fills: point it only at a
scratch database). Then it builds the report's figures and renders CSV, HTML and PDF, both
publishable and exact, printing seconds and the number of queries. The figures are
aggregates computed by the database, so the number of queries does not depend on the scale.

The issue-5 target: a municipality-year with 100,000 cases in under 10 s on PostgreSQL:
    REPORT_SCALE=100000 BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/ombuds_bench \\
        .venv/bin/python scripts/bench_report.py
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

SCALE = int(os.environ.get("REPORT_SCALE", "10000"))
YEAR = 2025

scratch = tempfile.TemporaryDirectory(prefix="ombuds-bench-report-")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{Path(scratch.name) / 'bench.sqlite3'}")
os.environ["OMBUDS_DATA_DIR"] = scratch.name
os.environ["DJANGO_SETTINGS_MODULE"] = "ombuds.config.settings_test"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.cases.models import Case, CaseOrganisation, Channel, Person  # noqa: E402
from ombuds.core.models import Domain, Theme  # noqa: E402
from ombuds.demo.loader import load_configuration  # noqa: E402
from ombuds.mediation.models import Referral, SurveyResponse  # noqa: E402
from ombuds.reports import render  # noqa: E402
from ombuds.reports.figures import report_build  # noqa: E402
from ombuds.reports.periods import Period  # noqa: E402
from ombuds.socialmap.models import Organisation  # noqa: E402


def build(municipality, scale: int) -> None:
    rng = random.Random(7)  # noqa: S311 - reproducible bench data, not a secret
    author = User.objects.get(username="ombudsman")
    persons = Person.objects.bulk_create(
        Person(office=municipality.office, name=f"Inwoner {i}") for i in range(1000))
    start = datetime(YEAR, 1, 1, tzinfo=timezone.get_current_timezone())
    workflow = municipality.workflow
    outcomes = [o.code for o in workflow.workflow.outcomes]
    cases = []
    for i in range(scale):
        opened = start + timedelta(minutes=rng.randrange(60 * 24 * 365))
        closed = opened + timedelta(days=rng.randrange(1, 120)) if i % 2 else None
        cases.append(Case(
            reference=f"BNC-{YEAR}-{i:07d}", municipality=municipality, workflow=workflow,
            status="afgesloten" if closed else workflow.workflow.initial,
            outcome=rng.choice(outcomes) if closed else "", channel=rng.choice(Channel.values),
            person=persons[i % 1000], title="Bench", story="Bench", created_by=author,
            opened_at=opened, closed_at=closed,
            procedure_avoided=rng.choice(["ja", "nee", "onbekend"]) if closed else ""))
    cases = Case.objects.bulk_create(cases, batch_size=2000)
    domains = list(Domain.objects.all())
    themes = list(Theme.objects.filter(municipality=municipality))
    organisations = list(Organisation.objects.filter(municipalities=municipality))
    Case.domains.through.objects.bulk_create(
        (Case.domains.through(case_id=c.pk, domain_id=rng.choice(domains).pk) for c in cases),
        batch_size=5000)
    Case.themes.through.objects.bulk_create(
        (Case.themes.through(case_id=c.pk, theme_id=rng.choice(themes).pk) for c in cases),
        batch_size=5000)
    CaseOrganisation.objects.bulk_create(
        (CaseOrganisation(case=c, organisation=rng.choice(organisations)) for c in cases),
        batch_size=5000)
    Referral.objects.bulk_create(
        (Referral(case=c, route="bezwaar", referred_on=c.opened_at.date(),
                  check_on=c.opened_at.date(), created_by=author) for c in cases[::5]),
        batch_size=5000)
    SurveyResponse.objects.bulk_create(
        (SurveyResponse(municipality=municipality, variant=workflow.variant,
                        closed_month=c.closed_at.date().replace(day=1), felt_heard="ja",
                        problem_solved="deels", grade=rng.randrange(1, 11))
         for c in cases[1::20] if c.closed_at), batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main() -> int:
    call_command("migrate", verbosity=0)
    municipality = load_configuration()["GM1708"]
    t0 = time.perf_counter()
    build(municipality, SCALE)
    print(f"database: {connection.vendor}; {SCALE} cases of {municipality.name} in {YEAR}, "
          f"built in {time.perf_counter() - t0:.1f} s")
    print(f"{'version':<12} {'format':<6} {'queries':>7} {'figures s':>10} {'render s':>9} {'total s':>8}")
    for exact in (False, True):
        for fmt in ("csv", "html", "pdf"):
            t0 = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                report = report_build(municipality=municipality, period=Period.parse(str(YEAR)),
                                      exact=exact)
            t1 = time.perf_counter()
            render.render(report, fmt)
            t2 = time.perf_counter()
            print(f"{'exact' if exact else 'publishable':<12} {fmt:<6} "
                  f"{len(queries.captured_queries):>7} {t1 - t0:>10.2f} {t2 - t1:>9.2f} {t2 - t0:>8.2f}")
    # Issue 16: the annual report (jaarverslag) — the publishable figures protected together
    # with the office's other municipalities and their regional report, the signals, and a
    # written part with approved stories — as tagged PDF and as Word document.
    from ombuds.reports.annual import annual_export
    from ombuds.reports.models import AnnualReport, CaseStory

    annual = AnnualReport.objects.create(municipality=municipality, year=YEAR,
                                         foreword="Voorwoord. " * 40,
                                         pilot_evaluation="Wat de pilot liet zien. " * 30)
    CaseStory.objects.bulk_create(
        CaseStory(annual_report=annual, title=f"Casus {i}", text="Een verhaal. " * 80,
                  position=i, approved_at=timezone.now()) for i in range(4))
    for fmt in ("pdf", "docx"):
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            content, _name = annual_export(user=None, municipality=municipality, year=YEAR,
                                           fmt=fmt)
        t1 = time.perf_counter()
        print(f"{'jaarverslag':<12} {fmt:<6} {len(queries.captured_queries):>7} {'':>10} {'':>9} "
              f"{t1 - t0:>8.2f}   ({len(content) // 1024} kB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
