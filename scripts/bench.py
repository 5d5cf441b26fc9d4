#!/usr/bin/env python3
"""``make bench``: Ombuds as in production (gunicorn, PostgreSQL) under a load from outside.

1. Creates the scratch database ``BENCH_DATABASE`` (default ``ombuds_h_bench``; it is
   dropped first, so never point it at data you want to keep) on the PostgreSQL server of
   ``BENCH_PG`` (default ``postgres://postgres@127.0.0.1:5432``), migrates it and bulk-loads
   ``SCALE`` cases (default 100,000) with ``scripts/bench_data.py``. ``BENCH_REUSE=1`` keeps
   a database an earlier run loaded at the same scale.
2. Starts the app as in production: ``gunicorn`` with ``BENCH_WORKERS`` (default 2) sync
   workers, DEBUG and demo mode off, collected static files, and the ``Server-Timing``
   header on (``OMBUDS_SERVER_TIMING``), which carries the time Django spent per request.
3. Logs the bench user in the way a browser session would end up: a session row created
   through Django's own ``login()`` (``Client.force_login``), sent as a cookie. Every
   scenario is first checked to answer 200, so a login change (e.g. a second factor) that
   the bench does not satisfy fails loudly instead of timing a redirect.
4. Runs ``scripts/bench_load.py`` in a separate process (the load tool: a small asyncio HTTP
   client, no dependency) and prints per scenario the median and 95th percentile of the
   server time, the ratio to the floor (an authenticated page doing one primary-key query),
   and the client-side latency on loopback for comparison.

The scenarios and the targets (issue 8) are listed in ``SCENARIOS`` below.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SCALE = int(os.environ.get("SCALE", "100000"))
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DATABASE = os.environ.get("BENCH_DATABASE", "ombuds_h_bench")
REUSE = os.environ.get("BENCH_REUSE", "") in ("1", "true", "yes")
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
REQUESTS = int(os.environ.get("REQUESTS", "200"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
FORM_SECONDS = float(os.environ.get("BENCH_FORM_SECONDS", "10"))
#: Comma-separated scenario names to run (``floor`` always runs; ``form`` is the request
#: form), e.g. ``BENCH_ONLY="case page (200 entries)"``; empty runs them all.
ONLY = {n.strip() for n in os.environ.get("BENCH_ONLY", "").split(",") if n.strip()}

if not DATABASE.startswith("ombuds_h_bench"):
    sys.exit("BENCH_DATABASE must start with ombuds_h_bench: the bench drops and refills it.")

#: Collected static files stay here between runs (collectstatic is then incremental).
scratch = ROOT / "var" / "bench"
scratch.mkdir(parents=True, exist_ok=True)
ENV = {
    **os.environ,
    "DATABASE_URL": f"{PG}/{DATABASE}",
    "OMBUDS_DATA_DIR": str(scratch),
    "OMBUDS_SECRET_KEY": secrets.token_urlsafe(40),
    "OMBUDS_DEMO_MODE": "0",
    "OMBUDS_DEBUG": "0",
    "OMBUDS_SERVER_TIMING": "1",
    # Plain HTTP on loopback: in production a TLS proxy sits in front (docs/security.md).
    "OMBUDS_SSL_REDIRECT": "0",
    "OMBUDS_HSTS_SECONDS": "0",
    "OMBUDS_SECURE_COOKIES": "0",
    "OMBUDS_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "OMBUDS_LOG_LEVEL": "WARNING",
    # The public form's per-address limit (issue 6): the load comes from one address.
    "OMBUDS_PUBLIC_REQUESTS_PER_HOUR": "1000000000",
    "DJANGO_SETTINGS_MODULE": "ombuds.config.settings",
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT / "src"))


def sh(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, check=True, env=ENV, **kwargs)  # noqa: S603 - fixed commands


def psql(sql: str, database: str = "postgres") -> str:
    """Run one statement outside Django (autocommit, so CREATE/DROP DATABASE work)."""
    import psycopg

    with psycopg.connect(f"{PG}/{database}", autocommit=True) as connection:
        cursor = connection.execute(sql)
        row = cursor.fetchone() if cursor.description else None
    return str(row[0]) if row else ""


def prepare_database() -> float:
    """(Re)create and fill the bench database; return the load time in seconds (0 if reused)."""
    if REUSE:
        try:  # written when a load completes; the form scenario adds cases afterwards
            found = psql("SELECT scale FROM bench_loaded", DATABASE)
        except Exception:  # noqa: BLE001 - no database, no table: load it
            found = "0"
        if int(found or 0) == SCALE:
            print(f"reusing {DATABASE} with {SCALE} cases (migrating it first)")
            sh(str(BIN / "ombuds"), "migrate", "--noinput", "--verbosity", "0")
            return 0.0
    print(f"creating {DATABASE} and loading {SCALE:,} cases", flush=True)
    psql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    psql(f"CREATE DATABASE {DATABASE}")
    start = time.perf_counter()
    sh(str(BIN / "ombuds"), "migrate", "--noinput", "--verbosity", "0")
    import django

    django.setup()
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench_data

    bench_data.load(SCALE)
    from django.db import connections

    connections.close_all()
    psql(f"CREATE TABLE bench_loaded AS SELECT {SCALE} AS scale", DATABASE)
    return time.perf_counter() - start


def session_cookie(username: str) -> str:
    """A session of ``username``, created through Django's own login (no password needed)."""
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from ombuds.accounts.models import User
    from ombuds.tests.otp import complete_second_factor

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    # Staff need a second factor outside demo mode: a real TOTP device, as after a code.
    complete_second_factor(client, user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def facts() -> dict:
    """The ids and query strings the scenarios need, read from the loaded database."""
    import django

    django.setup()
    from django.urls import NoReverseMatch, reverse

    from ombuds.cases.models import Case

    big = Case.objects.get(reference="STW-2026-999999")
    pks = list(Case.objects.filter(municipality=big.municipality)
               .order_by("-id").values_list("pk", flat=True)[:50])
    from django.utils.text import slugify

    try:  # the public request form (issue 6) of the big municipality, once it is on main
        form = os.environ.get("BENCH_FORM_URL") or reverse(
            "public:request", kwargs={"municipality": slugify(big.municipality.name)})
    except NoReverseMatch:
        form = ""
    return {"big_case": big.reference, "floor_pks": pks, "municipality": big.municipality.cbs_code,
            "form": form}


#: One resident's request; ``{n}`` makes each submission (and its double-submit key) unique.
FORM_FIELDS = {
    "name": "Inwoner {n}", "email": "inwoner{n}@example.org", "preferred_channel": "email",
    "who": "zelf", "story": "Mijn aanvraag voor huishoudelijke hulp ligt al maanden stil.",
    "wish": "Ik wil een besluit.", "consent": "on", "website": "",
    "submission_key": f"bench-{int(time.time())}-{{n}}",
}


def scenarios(f: dict) -> list[dict]:
    m = f["municipality"]
    return [
        {"name": "floor", "target": "—",
         "urls": [f"/werk/_floor/?pk={pk}" for pk in f["floor_pks"]]},
        {"name": "worklist", "target": "p95 ≤ 3× floor",
         "urls": ["/werk/zaken/?view=mijn"]},
        {"name": "worklist page 5", "target": "p95 ≤ 3× floor",
         "urls": ["/werk/zaken/?view=mijn&page=5"]},
        {"name": "case list (filtered)", "target": "p95 ≤ 3× floor",
         "urls": [f"/werk/zaken/?view=alle&gemeente={pk}&kanaal={ch}"
                  for pk in ("__STW__",) for ch in ("telefoon", "email", "inloop")]},
        {"name": "case page (200 entries)", "target": "p95 ≤ 3× floor",
         "urls": [f"/werk/zaken/{f['big_case']}/"]},
        # The related cases load after the case page (htmx); timed as the page without
        # JavaScript gets them. No target of its own in issue 8.
        {"name": "related cases of it", "target": "— (loads after the page)",
         "urls": [f"/werk/zaken/{f['big_case']}/verwant/"]},
        {"name": "full-text search", "target": "p95 ≤ 150 ms",
         "urls": ["/werk/zaken/?view=alle&q=scootmobiel+kapot",
                  "/werk/zaken/?view=alle&q=bewindvoerder",
                  "/werk/zaken/?view=alle&q=wachttijden+huishoudelijke+hulp",
                  "/werk/zaken/?view=alle&q=energietoeslag+afgewezen"]},
        # Issue 15: a resident by phone (any spelling), e-mail, postcode or name, and part
        # of a case number; each an indexed equality on a search key (docs/architecture.md).
        {"name": "person and case-number search", "target": "p95 ≤ 150 ms",
         "urls": ["/werk/zaken/?view=alle&q=06-00001235",
                  "/werk/zaken/?view=alle&q=%2B31+6+0000+4321",
                  "/werk/zaken/?view=alle&q=inwoner1237%40example.org",
                  "/werk/zaken/?view=alle&q=8331+ab",
                  "/werk/zaken/?view=alle&q=Pieter+Jansen",
                  "/werk/zaken/?view=alle&q=2026-0031",
                  "/werk/zaken/?view=alle&q=0031"]},
        {"name": "dashboard", "target": "≤ 1 s", "requests": 20,
         "urls": [f"/werk/rapportages/?gemeente={m}&periode=2026&versie=exact"]},
        {"name": "annual report (PDF)", "target": "≤ 10 s", "requests": 5,
         "urls": [f"/werk/rapportages/bestand/?gemeente={m}&periode={2025}&versie=exact"
                  "&formaat=pdf&soort=general"]},
    ]


def start_server() -> subprocess.Popen:
    sh(str(BIN / "ombuds"), "collectstatic", "--noinput", "--verbosity", "0")
    server = subprocess.Popen(  # noqa: S603 - fixed command
        [str(BIN / "gunicorn"), "ombuds.config.wsgi:application", "--workers", str(WORKERS),
         "--bind", f"127.0.0.1:{PORT}", "--timeout", "120", "--log-level", "warning"],
        env=ENV, start_new_session=True)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=2)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    sys.exit("gunicorn did not start")


def main() -> int:
    import platform

    loaded = prepare_database()
    import django

    django.setup()
    from ombuds.core.models import Municipality

    f = facts()
    stw = Municipality.objects.get(cbs_code="GM1708").pk
    plan = [s for s in scenarios(f) if not ONLY or s["name"] in ONLY | {"floor"}]
    for s in plan:
        s["urls"] = [u.replace("__STW__", str(stw)) for u in s["urls"]]
        s.setdefault("requests", REQUESTS)
    cookie = session_cookie("ombudsman")
    from django.db import connections

    connections.close_all()
    server = start_server()
    try:
        form = None
        if f["form"] and (not ONLY or "form" in ONLY):
            form = {"url": f["form"], "seconds": FORM_SECONDS, "concurrency": 8,
                    "fields": FORM_FIELDS, "count_sql": "SELECT count(*) FROM public_webrequest",
                    "before": int(psql("SELECT count(*) FROM public_webrequest", DATABASE))}
        # The form's clients also run against the floor page: the most the processes serve.
        config = {"base": f"http://127.0.0.1:{PORT}", "cookie": cookie, "scenarios": plan,
                  "form": form, "throughput": {"urls": plan[0]["urls"], "seconds": FORM_SECONDS,
                                               "concurrency": 8}}
        out = subprocess.run(  # noqa: S603 - our own script
            [sys.executable, str(ROOT / "scripts" / "bench_load.py")],
            input=json.dumps(config), stdout=subprocess.PIPE, text=True, env=ENV)
        if out.returncode:
            print(out.stdout)
            return out.returncode
        results = json.loads(out.stdout)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    print()
    print(f"Ombuds bench: {SCALE:,} cases on PostgreSQL ({psql('SHOW server_version')}), "
          f"gunicorn {WORKERS} workers, {os.cpu_count()} cores, {platform.node()}, "
          f"{time.strftime('%Y-%m-%d %H:%M %Z')}")
    if loaded:
        print(f"data loaded in {loaded / 60:.1f} min")
    floor = results["floor"]["server_p95"]
    floor_median = results["floor"]["server_median"]
    header = (f"{'scenario':<26} {'n':>4} {'server median':>13} {'p95 ms':>8} "
              f"{'× floor (med/p95)':>18} {'client p95':>10}  target")
    print(header)
    print("-" * len(header))
    for s in plan:
        r = results[s["name"]]
        if "error" in r:
            print(f"{s['name']:<26} FAILED: {r['error']}")
            continue
        print(f"{s['name']:<26} {r['n']:>4} {r['server_median']:>13.1f} {r['server_p95']:>8.1f} "
              f"{r['server_median'] / floor_median:>8.1f} / {r['server_p95'] / floor:>7.1f} "
              f"{r['client_p95']:>10.1f}  {s['target']}")
    form = results.get("form")
    if form is None:
        print("public request form: skipped (not in BENCH_ONLY, or no public:request "
              "route; BENCH_FORM_URL names another form)")
    elif "error" in form:
        print(f"public request form: FAILED: {form['error']}")
    else:
        stored = int(psql(form["count_sql"], DATABASE)) - config["form"]["before"]
        print(f"public request form: {form['ok']} accepted in {form['seconds']:.1f} s = "
              f"{form['ok'] / form['seconds']:.0f} submissions/s over {WORKERS} processes; "
              f"stored {stored}, lost {form['ok'] - stored}; refused {form['failed']} "
              f"{form['statuses']}; server time per submission median "
              f"{form['server_median'] or 0:.1f} ms, p95 {form['server_p95'] or 0:.1f} ms "
              "(target ≥ 200/s, 0 lost)")
    if "floor throughput" in results:
        ceiling = results["floor throughput"]
        print(f"floor page, 8 clients at once: {ceiling['ok'] / ceiling['seconds']:.0f} "
              f"requests/s over {WORKERS} processes (the most any page can reach here)")
    (ROOT / "var" / f"bench-{SCALE}.json").write_text(json.dumps(results, indent=1))
    plans = subprocess.run(  # noqa: S603 - our own script
        [sys.executable, str(ROOT / "scripts" / "bench_explain.py")], capture_output=True,
        text=True, env={**ENV, "BENCH_DATABASE": DATABASE})
    (ROOT / "var" / f"bench-plans-{SCALE}.md").write_text(plans.stdout + plans.stderr)
    print(f"results in var/bench-{SCALE}.json, query plans in var/bench-plans-{SCALE}.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
