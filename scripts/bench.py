#!/usr/bin/env python3
"""A small, rerunnable benchmark of the worklist and the case page (``make bench``).

It builds a scratch database (SQLite in a temporary directory, or the database named by
``BENCH_DATABASE_URL`` — which it migrates and fills, so point it only at a scratch
database), creates the demo configuration and ``SCALE`` cases (default 2,000) with bulk
inserts, then requests each page ``REPEAT`` times (default 50) through Django's test client,
logged in as the demo ombudsperson. It prints the median and 95th percentile per page and
the ratio to a *floor*: an authenticated view that does one primary-key query, i.e. the
cheapest page the same middleware can serve.

This is the small benchmark of the foundation. The full one (several app processes,
PostgreSQL, a realistic register of tens of thousands of cases) arrives with the scale issue.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
import types
from datetime import timedelta
from pathlib import Path

SCALE = int(os.environ.get("SCALE", "2000"))
REPEAT = int(os.environ.get("REPEAT", "50"))
WARMUP = 5

scratch = tempfile.TemporaryDirectory(prefix="ombuds-bench-")
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{Path(scratch.name) / 'bench.sqlite3'}"
)
os.environ["OMBUDS_DATA_DIR"] = scratch.name
os.environ["OMBUDS_DEMO_MODE"] = "1"  # the bench logs in as the demo ombudsperson
(Path(scratch.name) / "static").mkdir()
os.environ["DJANGO_SETTINGS_MODULE"] = "ombuds.config.settings_test"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import include, path, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from ombuds.accounts.models import User  # noqa: E402
from ombuds.cases.models import Case, Channel, EntryKind, Person, TimelineEntry  # noqa: E402
from ombuds.demo.loader import load_configuration  # noqa: E402
from ombuds.tests.otp import complete_second_factor  # noqa: E402


def floor_view(request):
    """The floor: authenticate, then one primary-key query."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    return HttpResponse(Case.objects.only("reference").get(pk=request.GET["pk"]).reference)


bench_urls = types.ModuleType("ombuds_bench_urls")
bench_urls.urlpatterns = [path("__floor__/", floor_view),
                          path("", include(settings.ROOT_URLCONF))]
sys.modules["ombuds_bench_urls"] = bench_urls


def build(scale: int) -> list[str]:
    """Create the demo configuration and ``scale`` cases with bulk inserts."""
    rng = random.Random(2016)  # noqa: S311 - reproducible test data, not security
    municipalities = list(load_configuration().values())
    author = User.objects.get(username="ombudsman")
    now = timezone.now()
    persons = Person.objects.bulk_create(
        Person(office=municipalities[0].office, name=f"Inwoner {i}", city="Steenwijk")
        for i in range(scale)
    )
    cases = []
    for i, person in enumerate(persons):
        municipality = municipalities[i % len(municipalities)]
        workflow = municipality.workflow
        statuses = [s.code for s in workflow.workflow.statuses]
        story = f"Ik wacht al maanden op een besluit. Casus {i}, met wachttijden."
        cases.append(Case(
            reference=f"{municipality.reference_prefix}-BENCH-{i:06d}",
            municipality=municipality, workflow=workflow, status=rng.choice(statuses),
            channel=rng.choice(Channel.values), person=person, title=f"Benchmarkzaak {i}",
            story=story, search_text=story, created_by=author,
            assignee=author if i % 3 else None,
            opened_at=now - timedelta(minutes=rng.randrange(60 * 24 * 400)),
        ))
    cases = Case.objects.bulk_create(cases, batch_size=500)
    TimelineEntry.objects.bulk_create(
        (TimelineEntry(case=case, kind=kind, occurred_at=case.opened_at, author=author,
                       summary=f"{kind} {case.reference}")
         for case in cases for kind in (EntryKind.STATUS, EntryKind.PHONE, EntryKind.NOTE)),
        batch_size=1000,
    )
    return [c.reference for c in cases]


def measure(client: Client, urls: list[str]) -> tuple[list[float], int, int]:
    """Request the urls round-robin; return timings (ms), status of the last, query count."""
    timings, status, queries = [], 0, 0
    for i in range(WARMUP + REPEAT):
        url = urls[i % len(urls)]
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - start) * 1000
        status, queries = response.status_code, len(captured)
        if i >= WARMUP:
            timings.append(elapsed)
    return timings, status, queries


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> int:
    setup_test_environment()
    settings.ROOT_URLCONF = "ombuds_bench_urls"
    print(f"database: {connection.vendor}; scale: {SCALE} cases; {REPEAT} requests per page")
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    references = build(SCALE)
    print(f"built in {time.perf_counter() - start:.1f} s")
    client = Client()
    ombudsman = User.objects.get(username="ombudsman")
    client.force_login(ombudsman)
    complete_second_factor(client, ombudsman)  # a real TOTP device, as after a correct code
    sample = random.Random(1).sample(references, min(20, len(references)))  # noqa: S311
    pks = list(Case.objects.filter(reference__in=sample).values_list("pk", flat=True))
    pages = {
        "floor (1 pk query)": [f"/__floor__/?pk={pk}" for pk in pks],
        "worklist": [reverse("cases:worklist"), reverse("cases:worklist") + "?view=alle"],
        "case page": [reverse("cases:detail", args=[ref]) for ref in sample],
    }
    floor = None
    failed = False
    print(f"{'page':<20} {'status':>6} {'queries':>7} {'median ms':>10} {'p95 ms':>8} {'× floor':>8}")
    for name, urls in pages.items():
        try:
            timings, status, queries = measure(client, urls)
        except Exception as exc:  # a page under construction should not hide the others
            print(f"{name:<20} failed: {exc.__class__.__name__}: {exc}")
            failed = True
            continue
        median = statistics.median(timings)
        floor = floor or median
        print(f"{name:<20} {status:>6} {queries:>7} {median:>10.1f} {p95(timings):>8.1f} "
              f"{median / floor:>8.1f}")
        failed |= status != 200
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        connection.close()
        scratch.cleanup()
