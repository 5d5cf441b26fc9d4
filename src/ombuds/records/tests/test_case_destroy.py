"""Destroying a case (issue 7, done-when 4): no personal data of it remains in any table or in
the file store, the tombstone and the audit entries stay, and the reports of the period give
the same totals before and after."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import models
from django.utils import timezone

from ombuds.cases.models import Attachment, Case, TimelineEntry
from ombuds.cases.services import timeline_entry_add
from ombuds.core.models import AuditEntry, Municipality
from ombuds.records.models import LegalHold, Tombstone
from ombuds.records.services import LegalHoldActive, case_destroy, legal_hold_place
from ombuds.reports.figures import complaints_build, report_build
from ombuds.reports.periods import Period

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.BinaryField)


def text_rows(markers: list[str]) -> list[tuple[str, str, str]]:
    """Every (model, field, marker) where a text field of any row of any table holds a marker."""
    found = []
    lowered = [m.lower() for m in markers]
    for model in apps.get_models(include_auto_created=True):
        fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not fields:
            continue
        for row in models.QuerySet(model=model).values_list(*fields).iterator():
            for name, value in zip(fields, row, strict=True):
                if value is None:
                    continue
                text = (bytes(value).decode("latin-1") if isinstance(value, bytes | memoryview)
                        else str(value)).lower()
                found += [(model._meta.label, name, m) for m in lowered if m in text]
    return found


def files_holding(root: Path, markers: list[str]) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file()
            and any(m.encode() in p.read_bytes() for m in markers)]


def demo_case(reference_prefix: str) -> Case:
    """A closed demo case whose resident has no other case, with as many wings as possible."""
    cases = (Case.objects.filter(municipality__reference_prefix=reference_prefix,
                                 closed_at__isnull=False)
             .annotate(n_letters=models.Count("letters", distinct=True),
                       n_meetings=models.Count("meetings", distinct=True),
                       n_consents=models.Count("consents", distinct=True))
             .order_by("-n_letters", "-n_meetings", "-n_consents", "pk"))
    for case in cases:
        if Case.objects.filter(models.Q(person=case.person_id)
                               | models.Q(representative=case.person_id)).count() == 1:
            return case
    raise AssertionError("no suitable demo case")


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def add_marked_attachment(case: Case, marker: str) -> Attachment:
    entry = timeline_entry_add(user=case.assignee or case.created_by, case=case, kind="notitie",
                               summary="Notitie", body=f"BSN 123456782, {marker}")
    attachment = Attachment(entry=entry, original_name=f"{marker}.txt", content_type="text/plain",
                            size=len(marker), sha256="0" * 64)
    attachment.file.save("x", ContentFile(f"verslag {marker}".encode()), save=False)
    attachment.save()
    return attachment


def test_na_vernietiging_staat_nergens_meer_iets_over_de_inwoner(
        demo, settings, django_capture_on_commit_callbacks):
    case = demo_case("STW")
    person = case.person
    marker = "ZQXMARKER7"
    attachment = add_marked_attachment(case, marker)
    path = Path(attachment.file.path)
    markers = [person.name, case.story[:40], marker, "123456782"]
    markers += [m for m in (person.email, person.phone, case.wish[:40],
                            case.sensitive_details[:40]) if m]
    assert text_rows(markers), "the markers are there before"
    assert path.exists()
    reference, case_id, person_id = case.reference, case.pk, person.pk
    wings = (case.letters.count(), case.meetings.count(), case.consents.count(),
             case.agreements.count())

    with django_capture_on_commit_callbacks(execute=True):
        tombstone = case_destroy(case, rule="behandeld: 5 jaar", by=None,
                                 reason="bewaartermijn verstreken")

    assert text_rows(markers) == []
    assert not path.exists()
    root = Path(settings.STORAGES["default"]["OPTIONS"]["location"])
    assert files_holding(root, [marker]) == []
    assert not Case.objects.filter(pk=case_id).exists()
    assert not TimelineEntry.objects.filter(case_id=case_id).exists()
    assert all(wings), wings
    assert Tombstone.objects.get(reference=reference) == tombstone
    assert tombstone.closed_at is not None and tombstone.rule == "behandeld: 5 jaar"
    # The audit entries about the case stay: they are the proof, and hold only ids.
    about = AuditEntry.objects.filter(object_id=str(case_id), object_type="cases.case")
    assert about.filter(event="case.destroyed").exists()
    assert AuditEntry.objects.filter(person_id=person_id, event="person.destroyed").exists()
    assert about.count() > 3


def report_rows(municipality, period):
    exact = [list(report_build(municipality=municipality, period=period, exact=True).rows()),
             list(complaints_build(municipality=municipality, period=period, exact=True).rows())]
    published = list(report_build(municipality=municipality, period=period).rows())
    return exact, published


def test_de_rapportages_van_de_periode_blijven_gelijk(demo, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    period = Period.parse(f"{today.year - 1}-01-01..{today.year}-12-31")
    for municipality in Municipality.objects.filter(reference_prefix__in=["STW", "WSV"]):
        before = report_rows(municipality, period)
        closed = list(Case.objects.filter(municipality=municipality, closed_at__isnull=False))
        assert len(closed) >= 5
        with django_capture_on_commit_callbacks(execute=True):
            for case in closed:
                case_destroy(case, rule="test", by=None, retrain_themes=False)
        assert Tombstone.objects.filter(municipality=municipality).count() == len(closed)
        assert report_rows(municipality, period) == before


def test_een_bewaarplicht_houdt_de_vernietiging_tegen(office):
    from ombuds.tests.factories import register_case

    case = register_case(office)
    legal_hold_place(user=office.ombudsman, case=case, reason="Klacht over de ombudsfunctie")
    with pytest.raises(LegalHoldActive):
        case_destroy(case, rule="test", by=office.ombudsman)
    assert Case.objects.filter(pk=case.pk).exists()
    assert LegalHold.objects.get(case=case).is_active
