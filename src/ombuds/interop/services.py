"""Import cases from an office's spreadsheet: upload, map columns, dry run, real import.

Every case is created through ``cases.services.case_register`` (``imported=True``), so it
gets its reference, timeline entry and audit entry like any other. A row's stable key (the
office's own number, or a hash of its defining cells) is stored in ``ImportedCase`` under a
unique constraint: importing the same file twice creates each case once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.accounts.roles import IMPORT_ROLES
from ombuds.cases.models import Case
from ombuds.cases.permissions import can_import
from ombuds.cases.services import PersonData, case_register
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows
from ombuds.core.models import Municipality
from ombuds.interop import columns, reader
from ombuds.interop.models import ImportedCase, ImportJob
from ombuds.socialmap.models import Organisation

PROGRESS_EVERY = 20  # rows between two progress updates the page can show
CHECK_PROGRESS_EVERY = 500  # the same for the dry run, whose rows are checked much faster

NEW, ALREADY, REFUSED = "nieuw", "al geïmporteerd", "fout"


def importable_municipalities(user: User):
    """The municipalities ``user`` may import cases into (as their beheerder)."""
    return Municipality.objects.filter(pk__in=user.municipality_ids(IMPORT_ROLES))


def _audit(user, job: ImportJob, event: str, **details) -> None:
    audit_log(user=user, action=Action.CREATE if event == "import.finished" else Action.EXECUTE,
              event=event, obj=job, object_label=f"import {job.pk}", role="beheerder",
              authorisation="rol beheerder",
              municipality_code=job.municipality.cbs_code if job.municipality else "",
              details={"job": job.pk, "format": job.file_format, **details})


def import_job_create(*, user: User, filename: str, content: bytes,
                      municipality: Municipality | None) -> ImportJob:
    """Store an uploaded file, read its headers and guess (or remember) the column mapping."""
    if municipality is not None and not can_import(user, municipality.pk):
        raise PermissionDenied("U mag in deze gemeente geen zaken importeren.")
    if municipality is None and not can_import(user):
        raise PermissionDenied("U mag geen zaken importeren.")
    fmt = reader.file_format(filename)
    headers, _ = reader.headers_and_rows(content, fmt)
    office = municipality.office if municipality else importable_municipalities(user)[0].office
    remembered = (ImportJob.objects.filter(office=office, headers=headers)
                  .exclude(mapping={}).values_list("mapping", flat=True).first())
    with transaction.atomic():
        job = ImportJob.objects.create(
            office=office, municipality=municipality, created_by=user, filename=filename[:200],
            file_format=fmt, content=content, headers=headers,
            mapping=remembered or columns.guess_mapping(headers),
        )
        _audit(user, job, "import.uploaded", remembered_mapping=bool(remembered))
    return job


@transaction.atomic
def import_mapping_set(*, user: User, job: ImportJob, mapping: dict[str, str]) -> ImportJob:
    """Set which header feeds which field; refuse unknown headers and missing required ones."""
    job = _locked(user, job)
    mapping = {k: v for k, v in mapping.items() if v}
    errors = {}
    for name, header in mapping.items():
        if name not in columns.COLUMN_NAMES or header not in job.headers:
            errors[name] = f"Kolom '{header}' staat niet in het bestand."
    if len(set(mapping.values())) != len(mapping):
        errors["__all__"] = "Gebruik elke kolom voor één veld."
    required = set(columns.REQUIRED) | ({"municipality"} if job.municipality is None else set())
    for name in sorted(required - set(mapping)):
        label = next(c.label for c in columns.COLUMNS if c.name == name)
        errors[name] = f"Kies de kolom voor '{label}'."
    if errors:
        raise ValidationError(errors)
    job.mapping = mapping
    job.state = ImportJob.State.UPLOADED
    job.save(update_fields=["mapping", "state"])
    return job


def _check_owner(user: User, job: ImportJob) -> None:
    if job.created_by_id != user.pk:
        raise PermissionDenied("Dit is de import van een andere beheerder.")
    if (job.is_running and not job.is_stalled) or job.state == ImportJob.State.DONE:
        raise ValidationError("Deze import is al gestart.")


def _locked(user: User, job: ImportJob) -> ImportJob:
    """Re-read ``job`` with its row locked until the transaction ends, and check that it is
    the user's and that no worker has it: two submits at once (a double click, two tabs) then
    run one after the other, and the second sees what the first did."""
    job = lock_own_rows(ImportJob.objects.select_related("created_by", "municipality")
                        ).get(pk=job.pk)
    _check_owner(user, job)
    return job


@dataclass
class RowPlan:
    """What one row will become, or why it cannot be imported."""

    row: int
    key: str = ""
    problems: list[str] = field(default_factory=list)
    action: str = NEW
    existing: str = ""  # the reference the row already became
    municipality: Municipality | None = None
    opened_on: date | None = None
    person: PersonData | None = None
    title: str = ""
    story: str = ""
    wish: str = ""
    channel: str = "import"
    organisation: Organisation | None = None

    def as_report(self) -> dict:
        return {"row": self.row, "key": self.key, "problems": self.problems,
                "action": self.action if not self.problems else REFUSED,
                "existing": self.existing}


class RowChecker:
    """Checks rows in file order; remembers keys seen so far to find duplicates in the file."""

    def __init__(self, job: ImportJob, *, today: date | None = None) -> None:
        self.job = job
        self.today = today or timezone.localdate()
        self.seen: dict[str, int] = {}
        allowed = [m for m in Municipality.objects.filter(office=job.office)
                   if can_import(job.created_by, m.pk)]
        self.municipalities: dict[str, Municipality] = {}
        for m in allowed:
            for name in (m.name, m.cbs_code, m.cbs_code.removeprefix("GM")):
                self.municipalities[columns.normalise(name)] = m
        #: Keys imported before, read once (a dry run of a large file must not ask per row).
        self.imported: dict[tuple[int, str], str] = {
            (m, key): reference for m, key, reference in ImportedCase.objects.filter(
                municipality__in=allowed).values_list("municipality_id", "external_key",
                                                      "case__reference")}
        self.organisations: dict[tuple[int, str], list[Organisation]] = {}
        for org in Organisation.objects.filter(municipalities__in=allowed).prefetch_related(
                "municipalities"):
            for m in org.municipalities.all():
                self.organisations.setdefault((m.pk, columns.normalise(org.name)), []).append(org)

    def check(self, number: int, values: dict[str, object]) -> RowPlan:
        plan = RowPlan(row=number)
        text = {name: columns.cell_text(values.get(name)) for name in columns.COLUMN_NAMES}
        for name in columns.REQUIRED:
            if not text[name]:
                label = next(c.label for c in columns.COLUMNS if c.name == name)
                plan.problems.append(f"{label} ontbreekt")
        plan.municipality = self._municipality(text["municipality"], plan)
        try:
            plan.opened_on = columns.parse_date(values.get("opened_on"), today=self.today)
        except columns.CellError as error:
            plan.problems.append(f"Datum binnengekomen: {error}")
        try:
            date_of_birth = columns.parse_date(values.get("date_of_birth"), today=self.today)
        except columns.CellError as error:
            plan.problems.append(f"Geboortedatum: {error}")
            date_of_birth = None
        try:
            plan.channel = columns.parse_channel(text["channel"]) or "import"
        except columns.CellError as error:
            plan.problems.append(f"Kanaal: {error}")
        if text["email"]:
            try:
                validate_email(text["email"])
            except ValidationError:
                plan.problems.append(f"E-mail: '{text['email']}' is geen e-mailadres")
        if text["organisation"] and plan.municipality is not None:
            found = self.organisations.get(
                (plan.municipality.pk, columns.normalise(text["organisation"])), [])
            if len(found) == 1:
                plan.organisation = found[0]
            else:
                plan.problems.append(
                    f"Organisatie '{text['organisation']}' staat niet op de sociale kaart van "
                    f"{plan.municipality.name}" if not found else
                    f"Organisatie '{text['organisation']}' komt meer dan eens voor")
        for name, limit in (("title", 160), ("name", 200)):
            if len(text[name]) > limit:
                plan.problems.append(f"{name == 'title' and 'Onderwerp' or 'Naam'} is langer "
                                     f"dan {limit} tekens")
        plan.title, plan.wish = text["title"], text["wish"]
        plan.story = text["story"] or text["title"]
        plan.person = PersonData(name=text["name"], date_of_birth=date_of_birth,
                                 email=text["email"], phone=text["phone"][:40],
                                 postcode=text["postcode"][:10], city=text["city"][:100])
        plan.key = self._key(text, plan)
        if plan.key:
            if plan.key in self.seen:
                plan.problems.append(f"Dubbel in het bestand: dezelfde zaak als rij "
                                     f"{self.seen[plan.key]}")
            else:
                self.seen[plan.key] = number
        if not plan.problems:
            self._against_existing(plan)
        return plan

    def _municipality(self, text: str, plan: RowPlan) -> Municipality | None:
        if not text:
            if self.job.municipality is None:
                plan.problems.append("Gemeente ontbreekt")
            return self.job.municipality
        found = self.municipalities.get(columns.normalise(text))
        if found is None:
            plan.problems.append(f"Onbekende gemeente '{text}' (of een gemeente waarvoor u "
                                 f"geen beheerder bent)")
        return found

    def _key(self, text: dict[str, str], plan: RowPlan) -> str:
        if text["external_key"]:
            return f"nr:{text['external_key'][:90]}"
        if not (text["name"] and plan.opened_on and text["title"]):
            return ""
        defining = "|".join([columns.normalise(text["name"]), plan.opened_on.isoformat(),
                             columns.normalise(text["title"])])
        return "hash:" + hashlib.sha256(defining.encode()).hexdigest()[:32]

    def _against_existing(self, plan: RowPlan) -> None:
        done = self.imported.get((plan.municipality.pk, plan.key))
        if done is not None:
            plan.action, plan.existing = ALREADY, done
            return
        twin = (same_day_cases(plan.municipality, plan.opened_on)
                .filter(person__name__iexact=plan.person.name, title__iexact=plan.title)
                .values_list("reference", flat=True).first())
        if twin:
            plan.problems.append(f"Bestaat al in Ombuds als {twin} (zelfde inwoner, datum en "
                                 f"onderwerp)")


def same_day_cases(municipality: Municipality, day: date):
    """The municipality's cases opened on ``day`` (local time), as a range on ``opened_at``
    that the (municipality, opened_at) index answers. ``opened_at__date`` would convert every
    case of the municipality to a date first: a scan per row of a dry run at a million cases."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
    return Case.objects.filter(municipality=municipality, opened_at__gte=start, opened_at__lt=end)


def planned_rows(job: ImportJob, *, today: date | None = None) -> Iterator[RowPlan]:
    """Read the file again and check every data row (row numbers as the spreadsheet shows)."""
    headers, data = reader.headers_and_rows(bytes(job.content), job.file_format)
    index = {name: headers.index(header) for name, header in job.mapping.items()
             if header in headers}
    checker = RowChecker(job, today=today)
    for number, row in enumerate(data, start=2):
        values = {name: row[i] if i < len(row) else None for name, i in index.items()}
        yield checker.check(number, values)


def import_check(*, user: User, job: ImportJob, today: date | None = None) -> list[dict]:
    """The dry run, here and now (the ``import_cases`` command): check every row, store the
    row-by-row report, write nothing else. The pages queue it instead (``import_check_queue``)."""
    _check_owner(user, job)
    return _check_rows(job, today=today, from_states=[job.state])


def _check_rows(job: ImportJob, *, from_states, today: date | None = None,
                progress=None) -> list[dict]:
    """Check every row and store the report, if the job is still in one of ``from_states``
    (the worker's run writes nothing when the job was taken back meanwhile)."""
    report = []
    for plan in planned_rows(job, today=today):
        report.append(plan.as_report())
        if progress is not None and len(report) % CHECK_PROGRESS_EVERY == 0:
            progress(len(report))
    with transaction.atomic():
        stored = ImportJob.objects.filter(pk=job.pk, state__in=from_states).update(
            report=report, total_rows=len(report), processed_rows=len(report),
            state=ImportJob.State.CHECKED, failure="", touched_at=timezone.now())
        if stored:
            _audit(job.created_by, job, "import.checked", rows=len(report),
                   **report_counts(report))
    job.refresh_from_db()
    return report


@transaction.atomic
def import_check_queue(*, user: User, job: ImportJob) -> ImportJob:
    """Queue the dry run for the task worker: a large file takes longer than a request may.
    Also starts a dry run again whose worker stopped (``ImportJob.is_stalled``)."""
    from ombuds.interop.tasks import run_check

    job = _locked(user, job)
    job.state, job.failure = ImportJob.State.CHECK_QUEUED, ""
    job.processed_rows = job.total_rows = 0
    job.touched_at = timezone.now()
    job.save(update_fields=["state", "failure", "processed_rows", "total_rows", "touched_at"])
    _audit(user, job, "import.check_queued")
    transaction.on_commit(lambda: run_check.enqueue(job_id=job.pk))
    return job


def import_check_run(*, job_id: int, today: date | None = None) -> ImportJob:
    """The worker's dry run: count the rows (so the page can show how far it is), check them,
    store the report. A file that cannot be read sends the job back to the column choice with
    the reason; nothing else is written."""
    claimed = ImportJob.objects.filter(pk=job_id, state=ImportJob.State.CHECK_QUEUED).update(
        state=ImportJob.State.CHECKING, processed_rows=0, touched_at=timezone.now())
    job = ImportJob.objects.select_related("created_by", "municipality").get(pk=job_id)
    if not claimed:
        return job  # another worker has it, or the beheerder changed the mapping meanwhile
    mine = ImportJob.objects.filter(pk=job.pk, state=ImportJob.State.CHECKING)

    def progress(rows: int) -> None:
        mine.update(processed_rows=rows, touched_at=timezone.now())

    try:
        _, data = reader.headers_and_rows(bytes(job.content), job.file_format)
        mine.update(total_rows=sum(1 for _ in data), touched_at=timezone.now())
        _check_rows(job, today=today, progress=progress, from_states=[ImportJob.State.CHECKING])
    except reader.UnreadableFile as error:
        _check_failed(job, mine, str(error))
    except BaseException:
        # Also when the worker is told to stop mid-way: the job must not stay "bezig".
        _check_failed(job, mine, f"er ging onverwacht iets mis (import {job.pk}). Probeer het "
                                 "opnieuw; gebeurt dit weer, meld dan dit importnummer aan "
                                 "wie Ombuds beheert.")
        raise
    return job


def _check_failed(job: ImportJob, mine, reason: str) -> None:
    if mine.update(state=ImportJob.State.UPLOADED, failure=reason, processed_rows=0,
                   touched_at=timezone.now()):
        _audit(job.created_by, job, "import.check_failed")
    job.refresh_from_db()


def report_counts(report: list[dict]) -> dict[str, int]:
    return {"new": sum(r["action"] == NEW for r in report),
            "already": sum(r["action"] == ALREADY for r in report),
            "refused": sum(r["action"] == REFUSED for r in report)}


@transaction.atomic
def import_queue(*, user: User, job: ImportJob) -> ImportJob:
    """Queue the real import for the task worker, after a dry run; or again, when the worker
    stopped mid-way (rows imported before are skipped by their key)."""
    from ombuds.interop.tasks import run_import

    job = _locked(user, job)
    resume = job.state == ImportJob.State.FAILED or (
        job.is_stalled and job.state in (ImportJob.State.QUEUED, ImportJob.State.RUNNING))
    if job.state != ImportJob.State.CHECKED and not resume:
        raise ValidationError("Doe eerst de proefimport.")
    job.state, job.processed_rows = ImportJob.State.QUEUED, 0
    job.touched_at = timezone.now()
    job.save(update_fields=["state", "processed_rows", "touched_at"])
    _audit(user, job, "import.queued")
    transaction.on_commit(lambda: run_import.enqueue(job_id=job.pk))
    return job


def import_run(*, job_id: int, today: date | None = None) -> ImportJob:
    """Import every row that passed its checks; rows already imported are skipped.

    Each row is its own transaction (case, key); progress is written every
    ``PROGRESS_EVERY`` rows so the page can show it while the import runs.
    """
    claimed = ImportJob.objects.filter(
        pk=job_id, state__in=[ImportJob.State.QUEUED, ImportJob.State.CHECKED]
    ).update(state=ImportJob.State.RUNNING, processed_rows=0, touched_at=timezone.now())
    job = ImportJob.objects.select_related("created_by", "municipality").get(pk=job_id)
    if not claimed:
        return job  # another worker has it, or it already ran
    created = skipped = errors = processed = 0
    try:
        for plan in planned_rows(job, today=today):
            if plan.problems:
                errors += 1
            elif plan.action == ALREADY or not _import_row(job, plan):
                skipped += 1
            else:
                created += 1
            processed += 1
            if processed % PROGRESS_EVERY == 0:
                ImportJob.objects.filter(pk=job.pk).update(processed_rows=processed,
                                                           touched_at=timezone.now())
    except BaseException as error:  # also a worker told to stop: never left "bezig"
        ImportJob.objects.filter(pk=job.pk).update(
            state=ImportJob.State.FAILED, failure=str(error)[:1000], processed_rows=processed,
            created_count=created, skipped_count=skipped, error_count=errors)
        raise
    ImportJob.objects.filter(pk=job.pk).update(
        state=ImportJob.State.DONE, processed_rows=processed, total_rows=processed,
        created_count=created, skipped_count=skipped, error_count=errors,
        finished_at=timezone.now(), content=b"")
    job.refresh_from_db()
    _audit(job.created_by, job, "import.finished", created=created, skipped=skipped,
           refused=errors)
    return job


def _import_row(job: ImportJob, plan: RowPlan) -> bool:
    """Create the case of one row; ``False`` when its key was imported meanwhile."""
    opened_at = timezone.make_aware(datetime.combine(plan.opened_on, time(12, 0)))
    try:
        with transaction.atomic():
            case = case_register(
                user=job.created_by, municipality=plan.municipality, channel=plan.channel,
                title=plan.title, story=plan.story, wish=plan.wish, person_data=plan.person,
                organisations=[plan.organisation] if plan.organisation else [],
                opened_at=opened_at, imported=True,
            )
            ImportedCase.objects.create(municipality=plan.municipality,
                                        external_key=plan.key, case=case, job=job)
    except IntegrityError:
        return False  # the unique key: a concurrent run imported this row first
    return True
