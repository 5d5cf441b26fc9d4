"""Bulk-load a realistic register into a scratch PostgreSQL database (part of ``make bench``).

``load(scale)`` expects Django set up against an empty, migrated *scratch* database. It
creates the demo configuration (two municipalities, their themes and organisations) plus
18 more municipalities, about one handler per 2,000 cases, and then ``scale`` cases with:

- residents (about 0.85 per case; some come back), cases spread over 2019 up to today with
  a realistic status mix (old cases closed with an outcome, recent ones mostly open), a
  story in Dutch built from everyday complaint phrases, so full-text search finds a
  realistic fraction;
- one municipality-year that is big on purpose: a tenth of all cases are Steenwijkerland's
  in 2025 (100,000 at ``SCALE=1000000``), for the annual report;
- timeline entries (8 per case on average, spread 2–14; one case, ``STW-2026-999999``, has
  200), parties (organisations involved, ~1.3 per case), domains and themes;
- deadlines: open cases with a formal procedure (about a third) have open, watched
  deadlines, and ``next_deadline_*`` on the case is their minimum, as the procedures app
  keeps it; closed ones have met deadlines;
- signals (one per ~500 cases) linked to a few cases each.

Cases and residents are generated in Python and streamed with COPY; the rows that follow
from them (timeline, deadlines, parties) are generated inside PostgreSQL with
``INSERT … SELECT generate_series``. The secondary indexes of the big tables are dropped
before the load and rebuilt afterwards (faster than maintaining them row by row), foreign
keys are not checked during the load (``session_replication_role = replica``: the
generator produces only valid keys), and the database is ANALYZEd at the end.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

from django.db import connection

#: The case with 200 timeline entries (the case-page scenario).
BIG_CASE = "STW-2026-999999"
BIG_YEAR = 2025
BENCH_USER = "ombudsman"

TOPICS = [
    "wachttijd voor de indicatie huishoudelijke hulp",
    "de eigen bijdrage voor de Wmo is te hoog",
    "de scootmobiel is al weken kapot",
    "de traplift wordt niet vergoed",
    "het persoonsgebonden budget is stopgezet",
    "de bijstandsuitkering is teruggevorderd",
    "de energietoeslag is afgewezen",
    "de kostendelersnorm klopt niet",
    "de bewindvoerder reageert niet",
    "schulden bij de zorgverzekeraar lopen op",
    "een betalingsregeling werd geweigerd",
    "de jeugdhulp voor mijn zoon stopt na zijn achttiende",
    "de wachtlijst bij de jeugd-ggz is lang",
    "het leerlingenvervoer is niet geregeld",
    "de huurachterstand dreigt tot uitzetting te leiden",
    "de woningcorporatie herstelt de schimmel niet",
    "urgentie voor een woning werd afgewezen",
    "de afsluiting van gas en stroom dreigt",
    "de re-integratie past niet bij mijn gezondheid",
    "de sollicitatieplicht is ontheffing geweigerd",
    "het bezwaar is nog steeds niet behandeld",
    "ik krijg geen antwoord op mijn e-mails",
    "de beschikking is onbegrijpelijk",
    "de mantelzorgwaardering is niet uitgekeerd",
    "het keukentafelgesprek ging over mijn hoofd heen",
    "de thuiszorg komt steeds te laat",
    "de rolstoel past niet in de woning",
    "de kinderopvangtoeslag moet worden terugbetaald",
    "de gemeente stuurt mij van het kastje naar de muur",
    "de klacht over de medewerker is niet serieus genomen",
    "het vervoer naar de dagbesteding valt vaak uit",
    "de dagbesteding is zonder overleg gestopt",
    "de inkomenstoets is verkeerd berekend",
    "de bijzondere bijstand voor de wasmachine is afgewezen",
    "mijn moeder krijgt geen respijtzorg",
    "de beslissing op het bezwaar duurt te lang",
]
OPENERS = ["Ik wacht al maanden en", "Sinds vorig jaar", "Na een verhuizing", "Mijn buurvrouw zegt dat",
           "Volgens de consulent", "Ondanks drie telefoontjes", "Het is onduidelijk waarom",
           "Sinds de herindicatie"]
WISHES = ["Ik wil dat iemand met mij meekijkt.", "Ik wil een besluit waar ik mee verder kan.",
          "Ik wil excuses en een oplossing.", "Ik wil weten waar ik aan toe ben.",
          "Ik wil dat de betaling wordt hervat."]
FIRST = ["Anna", "Mohammed", "Sanne", "Jan", "Fatma", "Pieter", "Lotte", "Ahmet", "Ingrid",
         "Kees", "Noor", "Bram", "Yara", "Wim", "Esra", "Gerrit", "Sofie", "Daan", "Aylin", "Henk"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
        "Yilmaz", "Bos", "Vos", "Peters", "Hendriks", "el Amrani", "Dekker", "Kok", "Brouwer"]
CITIES = ["Steenwijk", "Vollenhove", "Giethoorn", "Havelte", "Diever", "Dwingeloo", "Zwolle"]
KINDS = ["status", "telefoon", "email_in", "email_uit", "notitie", "gesprek", "brief", "document",
         "toewijzing", "bijeenkomst"]
DEADLINE_KINDS = [
    ("beslissing_bezwaar", "Beslistermijn bezwaar", "Awb art. 7:10 lid 1"),
    ("bezwaar", "Bezwaartermijn", "Awb art. 6:7"),
]
#: Indexes of these tables are dropped before the load and rebuilt after it.
BIG_TABLES = ["cases_person", "cases_case", "cases_timelineentry", "cases_caseorganisation",
              "cases_case_domains", "cases_case_themes", "procedures_deadline",
              "procedures_disputeddecision"]


def _log(message: str, start: float) -> None:
    print(f"  {message:<46} {time.perf_counter() - start:7.1f} s", flush=True)


def _configuration(scale: int):
    """The demo configuration, 18 more municipalities and the handlers; returns them."""
    from ombuds.accounts.models import Membership, User
    from ombuds.accounts.roles import Role
    from ombuds.core.models import Municipality, Theme, WorkflowDefinition
    from ombuds.demo.loader import load_configuration
    from ombuds.socialmap.models import Organisation

    municipalities = load_configuration()
    # The bench runs outside demo mode: the demo accounts become ordinary accounts here.
    User.objects.update(is_demo=False)
    office = municipalities["GM1708"].office
    workflows = list(WorkflowDefinition.objects.order_by("variant", "-version"))
    by_variant = {}
    for w in workflows:
        by_variant.setdefault(w.variant, w)
    variants = sorted(by_variant)
    template_themes = list(Theme.objects.filter(municipality=municipalities["GM1708"]))
    organisations = list(Organisation.objects.all())
    for n in range(1, 19):
        code = f"GM9{n:03d}"
        municipality, _ = Municipality.objects.update_or_create(
            cbs_code=code, defaults={
                "office": office, "name": f"Benchgemeente {n}",
                "reference_prefix": "B" + "".join(chr(65 + int(d)) for d in f"{n:02d}"),
                "workflow": by_variant[variants[n % len(variants)]],
                "phone": "14 0000", "email": f"gemeente{n}@bench.example"})
        municipalities[code] = municipality
        Theme.objects.bulk_create([Theme(municipality=municipality, domain_id=t.domain_id,
                                         name=t.name) for t in template_themes])
        for organisation in organisations[n % 3::3]:
            organisation.municipalities.add(municipality)
    # Handlers: about one per 2,000 cases of a municipality (the bench user is one of them).
    weights = _weights(list(municipalities))
    handlers: dict[int, list[int]] = {}
    bench_user = User.objects.get(username=BENCH_USER)
    users = []
    for code, municipality in municipalities.items():
        share = weights[code] / sum(weights.values())
        count = max(2, round(scale * share / 2000))
        ids = [bench_user.pk] if code in ("GM1708", "GM1701") else []
        for i in range(count - len(ids)):
            users.append(User(username=f"bench-{code}-{i}", first_name="Behandelaar",
                              last_name=f"{code} {i}", email=f"b{code}{i}@bench.example"))
        handlers[municipality.pk] = ids
    created = User.objects.bulk_create(users)
    memberships = []
    for user in created:
        code = user.username.split("-")[1]
        municipality = municipalities[code]
        handlers[municipality.pk].append(user.pk)
        memberships.append(Membership(user=user, municipality=municipality,
                                      role=Role.OMBUDSPERSON))
    Membership.objects.bulk_create(memberships)
    return municipalities, handlers, weights


def _weights(codes: list[str]) -> dict[str, float]:
    """Share of the cases outside the big municipality-year: the demo two are larger."""
    return {code: (6.0 if code == "GM1708" else 3.0 if code == "GM1701" else 1.0)
            for code in codes}


def _copy(table: str, columns: list[str], rows) -> int:
    count = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg cursor behind Django's wrapper
        with raw.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    return count


def _drop_indexes() -> list[str]:
    """Drop the secondary (non-constraint) indexes of the big tables; return their DDL."""
    with connection.cursor() as cursor:
        cursor.execute("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ANY(%s) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        """, [BIG_TABLES])
        found = cursor.fetchall()
        for name, _ in found:
            cursor.execute(f"DROP INDEX {name}")
    return [ddl for _, ddl in found]


def load(scale: int, *, seed: int = 2016) -> dict:
    """Fill the (migrated, empty) database with ``scale`` cases; return facts the bench needs."""
    from ombuds.cases.models import Case

    rng = random.Random(seed)  # noqa: S311 - reproducible bench data, not a secret
    start = time.perf_counter()
    municipalities, handlers, weights = _configuration(scale)
    _log(f"configuration: {len(municipalities)} municipalities, "
         f"{sum(len(v) for v in handlers.values())} handlers", start)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET maintenance_work_mem = '512MB'")
        cursor.execute("SET synchronous_commit = off")
    index_ddl = _drop_indexes()

    office_id = municipalities["GM1708"].office_id
    now = datetime.now(UTC).replace(microsecond=0)
    today = now.date()

    # --- residents
    n_persons = max(1, int(scale * 0.85))

    def persons():
        for i in range(1, n_persons + 1):
            name = f"{FIRST[i % len(FIRST)]} {LAST[(i // 7) % len(LAST)]}"
            born = date(1930, 1, 1) + timedelta(days=(i * 7919) % 27000)
            yield (i, office_id, name, born, f"inwoner{i}@example.org" if i % 3 else "",
                   f"06{i:08d}"[:10] if i % 2 else "", f"Dorpsstraat {i % 300 + 1}",
                   f"{8330 + i % 70} AB", CITIES[i % len(CITIES)], "", "[]", "", False, "", now)

    _copy("cases_person", ["id", "office_id", "name", "date_of_birth", "email", "phone",
                           "street", "postcode", "city", "preferred_channel", "avoid_channels",
                           "interpreter_language", "easy_language", "accessibility_needs",
                           "created_at"], persons())
    _log(f"{n_persons} residents", start)

    # --- cases
    codes = list(municipalities)
    code_weights = [weights[c] for c in codes]
    flows = {}
    for code, m in municipalities.items():
        wf = m.workflow.workflow
        flows[code] = (m.pk, m.workflow_id, m.reference_prefix,
                       [s.code for s in wf.statuses if not s.closed],
                       [s.code for s in wf.statuses if s.closed],
                       [o.code for o in wf.outcomes])
    channels = ["telefoon"] * 5 + ["email"] * 3 + ["inloop"] * 2 + ["web"] * 2 + ["brief",
                                                                                  "verwijzing"]
    first_day = datetime(2019, 1, 1, tzinfo=UTC)
    span = (now - first_day).total_seconds()
    big_start = datetime(BIG_YEAR, 1, 1, tzinfo=UTC)
    counters: dict[tuple[str, int], int] = {}
    bench_user_id = handlers[municipalities["GM1708"].pk][0]
    deadline_count = 0

    def cases():
        nonlocal deadline_count
        for i in range(1, scale + 1):
            if i <= scale // 10:  # the big municipality-year
                code = "GM1708"
                opened = big_start + timedelta(seconds=rng.random() * 365 * 86400)
            else:
                code = rng.choices(codes, code_weights)[0]
                # Growing use: more cases in recent years (square-root spread).
                opened = now - timedelta(seconds=span * (1 - rng.random() ** 0.7))
            if i == scale:  # the big case, opened this year
                code, opened = "GM1708", now - timedelta(days=60)
            m_id, wf_id, prefix, open_statuses, closed_statuses, outcomes = flows[code]
            age = (now - opened).days
            closed = rng.random() < (0.97 if age > 180 else 0.5 if age > 30 else 0.15)
            if i == scale:
                closed = False
            key = (prefix, opened.year)
            counters[key] = counters.get(key, 0) + 1
            reference = BIG_CASE if i == scale else f"{prefix}-{opened.year}-{counters[key]:06d}"
            if closed:
                status = rng.choice(closed_statuses)
                outcome = rng.choice(outcomes)
                closed_at = min(now, opened + timedelta(days=rng.randrange(2, 150)))
            else:
                status, outcome, closed_at = rng.choice(open_statuses), "", None
            pool = handlers[m_id]
            assignee = (rng.choice(pool) if rng.random() < 0.93 or closed else None)
            if i == scale:
                assignee = bench_user_id
            topic = rng.sample(TOPICS, 2)
            title = topic[0][:1].upper() + topic[0][1:]
            story = (f"{rng.choice(OPENERS)} {topic[0]}. Daarnaast {topic[1]}. "
                     f"Ik heb al contact gehad met de gemeente, maar dat leverde niets op.")
            wish = rng.choice(WISHES)
            nd_end = nd_raw = None
            nd_name = ""
            if not closed and rng.random() < 0.35:
                kind = rng.choice(DEADLINE_KINDS)
                nd_raw = today + timedelta(days=rng.randrange(-10, 90))
                nd_end = nd_raw + timedelta(days=2 if nd_raw.weekday() == 5 else
                                            1 if nd_raw.weekday() == 6 else 0)
                nd_name = kind[1]
                deadline_count += 1
            yield (i, reference, m_id, wf_id, status, outcome, rng.choice(channels), "",
                   1 + (i * 48271) % n_persons, None, "", title, story, wish, "", "",
                   "spoed" if rng.random() < 0.03 else "hoog" if rng.random() < 0.1 else
                   "normaal", assignee, assignee or bench_user_id,
                   rng.choice(["ja", "nee", "onbekend"]) if closed else "", "",
                   rng.randrange(15, 600) if closed else None,
                   opened, closed_at, closed_at or opened, nd_end, nd_raw, nd_name,
                   nd_end, nd_raw, nd_name, f"{title}\n{story}\n{wish}")

    columns = ["id", "reference", "municipality_id", "workflow_id", "status", "outcome",
               "channel", "referred_by", "person_id", "representative_id",
               "representative_relation", "title", "story", "wish", "route_tried",
               "sensitive_details", "urgency", "assignee_id", "created_by_id",
               "procedure_avoided", "procedure_avoided_what", "minutes_spent", "opened_at",
               "closed_at", "updated_at", "next_deadline_end", "next_deadline_raw_end",
               "next_deadline_name", "next_legal_end", "next_legal_raw_end", "next_legal_name",
               "search_text"]
    # Generated columns (the search keys) are the database's to fill.
    missing = {f.column for f in Case._meta.concrete_fields if not f.generated} - set(columns)
    assert not missing, f"the generator misses case columns: {missing}"
    _copy("cases_case", columns, cases())
    _log(f"{scale} cases", start)

    sql = [
        # Timeline: 2–14 entries per case (8 on average), 200 for the big case.
        ("timeline entries", """
        INSERT INTO cases_timelineentry (case_id, kind, occurred_at, author_id, created_at,
            summary, body, sensitive, sent_to_resident, status_from, status_to, outcome)
        SELECT c.id, (%(kinds)s::text[])[1 + (c.id * 31 + g) %% 10],
               c.opened_at + g * interval '5 hours',
               coalesce(c.assignee_id, c.created_by_id), c.opened_at + g * interval '5 hours',
               'Contact over ' || lower(left(c.title, 60)),
               CASE WHEN g %% 3 = 0 THEN 'Gebeld met de inwoner; afgesproken dat wij de gemeente '
                    'vragen om een reactie binnen twee weken.' ELSE '' END,
               g %% 17 = 0, g %% 5 = 0, '', '', ''
        FROM cases_case c
        CROSS JOIN LATERAL generate_series(1, CASE WHEN c.reference = %(big)s THEN 200
                                                   ELSE 2 + (c.id * 7919) %% 13 END) g
        """),
        # A disputed decision behind every case with a deadline: open cases with a formal
        # procedure (their watched deadline is next_deadline_end) and a fifth of the closed
        # ones (met deadlines).
        ("disputed decisions", """
        INSERT INTO procedures_disputeddecision (case_id, organisation_id, subject,
            made_known_on, objection_filed_on, committee, postponed_on, objection_decided_on,
            appeal_filed_on, given_by_resident, lateness_reason, created_at, updated_at)
        SELECT c.id, NULL, 'Aanvraag afgewezen',
               coalesce(c.next_deadline_raw_end - 42, c.opened_at::date - 10),
               CASE WHEN c.next_deadline_name = 'Bezwaartermijn' THEN NULL
                    ELSE coalesce(c.next_deadline_raw_end - 42, c.opened_at::date - 10) + 20 END,
               false, NULL, c.closed_at::date, NULL, false, '', now(), now()
        FROM cases_case c
        WHERE c.next_deadline_end IS NOT NULL OR (c.closed_at IS NOT NULL AND c.id %% 5 = 0)
        """),
        ("deadlines", """
        INSERT INTO procedures_deadline (case_id, decision_id, complaint_id, kind, name, start,
            raw_end, "end", basis, explanation, caveat, watched, met_on, computed_at)
        SELECT c.id, d.id, NULL,
               CASE WHEN c.next_deadline_name = 'Bezwaartermijn' THEN 'bezwaar'
                    ELSE 'beslissing_bezwaar' END,
               coalesce(nullif(c.next_deadline_name, ''), 'Beslistermijn bezwaar'),
               d.made_known_on + 1, coalesce(c.next_deadline_raw_end, d.made_known_on + 42),
               coalesce(c.next_deadline_end, d.made_known_on + 42), 'Awb art. 6:7 en 7:10',
               'Zes weken na de bekendmaking.', '', true, c.closed_at::date, now()
        FROM cases_case c JOIN procedures_disputeddecision d ON d.case_id = c.id
        """),
        # Parties: 1 organisation for most cases, 2 for a third.
        ("parties", """
        INSERT INTO cases_caseorganisation (case_id, organisation_id, role, contact_person,
            contact_email, contact_phone)
        SELECT c.id, o.id, 'uitvoerder', 'Consulent', '', ''
        FROM cases_case c
        JOIN LATERAL (
            SELECT organisation_id AS id FROM socialmap_organisation_municipalities om
            WHERE om.municipality_id = c.municipality_id
            ORDER BY (om.organisation_id * 2654435761 + c.id) %% 1000
            LIMIT CASE WHEN c.id %% 3 = 0 THEN 2 ELSE 1 END) o ON true
        """),
        ("domains", """
        INSERT INTO cases_case_domains (case_id, domain_id)
        SELECT c.id, d.id FROM cases_case c
        JOIN LATERAL (SELECT id FROM core_domain ORDER BY (id * 40503 + c.id) %% 97 LIMIT 1) d
          ON true
        """),
        ("themes", """
        INSERT INTO cases_case_themes (case_id, theme_id)
        SELECT c.id, t.id FROM cases_case c
        JOIN LATERAL (SELECT id FROM core_theme t WHERE t.municipality_id = c.municipality_id
                      ORDER BY (t.id * 40503 + c.id) %% 97 LIMIT 1) t ON true
        """),
    ]
    params = {"kinds": KINDS, "big": BIG_CASE}
    with connection.cursor() as cursor:
        for label, statement in sql:
            cursor.execute(statement, params)
            _log(f"{label}: {cursor.rowcount}", start)
    _signals(scale, municipalities, bench_user_id, rng)
    _log("signals", start)

    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = origin")
        for ddl in index_ddl:
            cursor.execute(ddl)
        _log(f"{len(index_ddl)} indexes rebuilt (incl. full text)", start)
        for table in ("cases_person", "cases_case", "cases_timelineentry",
                      "cases_caseorganisation", "procedures_deadline",
                      "procedures_disputeddecision"):
            statement = (f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                         f"(SELECT coalesce(max(id), 1) FROM {table}))")  # fixed table names
            cursor.execute(statement)
        # Reference numbers continue after the generated ones.
        cursor.execute("""
            INSERT INTO cases_referencecounter (municipality_id, year, last_number)
            SELECT municipality_id, extract(year FROM opened_at)::int, count(*) + 1
            FROM cases_case GROUP BY 1, 2
            ON CONFLICT (municipality_id, year) DO UPDATE SET last_number = excluded.last_number
        """)
        cursor.execute("VACUUM ANALYZE" if connection.get_autocommit() else "ANALYZE")
    _log("analyzed", start)
    return {"big_case": BIG_CASE, "bench_user": BENCH_USER, "seconds": time.perf_counter() - start}


def _signals(scale: int, municipalities, author_id: int, rng) -> None:
    from ombuds.signals.models import Signal
    from ombuds.socialmap.models import Organisation

    organisations = list(Organisation.objects.all())
    today = date.today()
    signals = []
    for i in range(max(4, scale // 500)):
        municipality = list(municipalities.values())[i % len(municipalities)]
        topic = TOPICS[i % len(TOPICS)]
        signals.append(Signal(
            municipality=municipality, title=f"Patroon: {topic}"[:160],
            description=f"Meerdere inwoners melden dat {topic}.",
            organisation=organisations[i % len(organisations)],
            status=rng.choice(["gesignaleerd", "gedeeld", "beantwoord", "afgesloten"]),
            raised_on=today - timedelta(days=rng.randrange(1, 2000)), created_by_id=author_id))
    signals = Signal.objects.bulk_create(signals, batch_size=2000)
    with connection.cursor() as cursor:
        cursor.execute("""
            INSERT INTO signals_signal_cases (signal_id, case_id)
            SELECT DISTINCT s.id, 1 + (s.id * 7919 + k * 104729) %% %s
            FROM signals_signal s CROSS JOIN generate_series(1, 5) k
        """, [max(1, scale)])
