"""The demo's earlier, closed cases (``demo.volume``): enough of them for the reports, each
complete, closed in its own workflow, in the municipality's sequence of references and out of
the staff's worklists."""

from __future__ import annotations

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.models import Case, EntryKind, ReferenceCounter, TimelineEntry
from ombuds.cases.selectors import CaseFilter, case_list, case_search
from ombuds.cases.services import PersonData, case_register
from ombuds.core.models import Municipality
from ombuds.demo.loader import ALL_CASES
from ombuds.demo.volume import (
    EXTRAS,
    PLAN,
    PROBLEMS,
    REQUEST_STORY,
    VOLUME_TITLES,
    _request_title,
    volume_cases,
)
from ombuds.domain.deidentify import findings
from ombuds.insights.evaluation import load_stories
from ombuds.mediation.models import (
    Consent,
    Meeting,
    Referral,
    SurveyInvitation,
    SurveyResponse,
)
from ombuds.procedures.models import Complaint, Deadline

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: Late in the year, so the current year's window is whole whatever day the tests run.
LOADED = datetime(2026, 11, 30, 10, tzinfo=AMSTERDAM)


def _number(reference: str) -> int:
    return int(reference.rsplit("-", 1)[1])


def _sentences(text: str) -> set[str]:
    """The sentences of five words or more (as ``insights`` keeps its test stories apart)."""
    parts = re.split(r"[.!?\n]+", " ".join(text.lower().split()))
    return {" ".join(p.split()) for p in parts if len(p.split()) >= 5}


def _texts() -> list[str]:
    return [f"{title}\n{p.story}{extra}\n{p.wish}" for p in PROBLEMS
            for title, extra in ((p.title, ""), (_request_title(p), REQUEST_STORY),
                                 *((p.title, e) for e in EXTRAS))]


def test_the_volume_texts_name_nobody_and_are_apart_from_the_stories():
    """Subjects and stories without personal data; no story case's subject (they tell the
    volume apart), and no sentence of the stories the intake's suggestion is measured on."""
    assert not {c.title for c in ALL_CASES} & VOLUME_TITLES
    assert all(len(title) <= 160 for title in VOLUME_TITLES)
    for text in _texts():
        assert not findings(text), text
    stories, _ = load_stories()
    measured = set().union(*(_sentences(story.text) for story in stories))
    for text in _texts():
        assert not _sentences(text) & measured, text


@pytest.mark.django_db
@time_machine.travel(LOADED, tick=False)
def test_the_demo_has_years_of_complete_closed_cases_that_stay_out_of_the_worklists(
        client, settings):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    volume = volume_cases().select_related("workflow", "municipality")
    n = volume.count()
    assert f"Loaded {len(ALL_CASES) + 1} demo cases and {n} earlier closed cases." in \
        out.getvalue()
    # The stories are as they were: their subjects are no volume subject.
    assert Case.objects.exclude(title__in=VOLUME_TITLES).count() == len(ALL_CASES) + 1

    # Enough for the council report: a municipality-year of some 100 cases.
    steenwijkerland = Municipality.objects.get(cbs_code="GM1708")
    assert Case.objects.filter(municipality=steenwijkerland, opened_at__year=2026).count() >= 80
    for code, (_this, before, two_before) in PLAN.items():
        opened = volume.filter(municipality__cbs_code=code)
        assert opened.filter(opened_at__year=2025).count() == before, code
        assert opened.filter(opened_at__year=2024).count() == two_before, code
        assert opened.filter(opened_at__year=2026).count() >= 0.9 * _this, code

    # Every one closed in the past by its own workflow's closing move, with its figures.
    now = timezone.now()
    closings = {c.case_id: c for c in TimelineEntry.objects.filter(
        case__in=volume, kind=EntryKind.STATUS, status_to=F("case__status"))}
    for case in volume:
        workflow = case.workflow.workflow
        assert workflow.is_closed(case.status), case.reference
        closing = closings[case.pk]
        workflow.check(closing.status_from, case.status, case.outcome)  # raises if invalid
        assert closing.outcome == case.outcome and closing.occurred_at == case.closed_at
        assert case.opened_at < case.closed_at < now, case.reference
        assert case.assignee_id and case.minutes_spent, case.reference
        assert case.procedure_avoided in ("ja", "nee", "onbekend"), case.reference
        assert (case.procedure_avoided == "ja") == bool(case.procedure_avoided_what)
        assert case.search_text.startswith(case.title) and case.story in case.search_text
        assert case.next_deadline_end is None, case.reference
    # ... with the promise of first contact kept, mostly in time, and no term still running.
    promises = Deadline.objects.filter(case__in=volume, kind="eerste_contact")
    assert promises.count() == n and not promises.filter(met_on=None).exists()
    assert 0.75 * n <= promises.filter(met_on__lte=F("end")).count() < n
    assert not Deadline.objects.filter(case__in=volume, watched=True, met_on=None).exists()
    # ... and what real cases have: parties, mediation, referrals, complaints, answers.
    with_party = volume.filter(organisations__isnull=False).distinct().count()
    assert 0.4 * n <= with_party <= 0.75 * n
    assert 0.12 * n <= volume.filter(referrals__isnull=False).distinct().count() <= 0.3 * n
    assert Consent.objects.filter(case__in=volume).exists()
    assert Meeting.objects.filter(case__in=volume, status="gehouden").exists()
    assert not Referral.objects.filter(case__in=volume, checked_on=None).exists()
    requests = volume.filter(municipality__cbs_code="GM1896")
    assert Complaint.objects.filter(case__in=requests).count() == requests.count()
    assert 0.22 * n <= volume.filter(procedure_avoided="ja").count() <= 0.4 * n
    answered = SurveyInvitation.objects.filter(case__in=volume, answered=True).count()
    assert 0.3 * n <= answered <= 0.5 * n
    assert SurveyResponse.objects.count() == SurveyInvitation.objects.filter(
        answered=True).count()
    channels = list(volume.values_list("channel", flat=True))
    assert channels.count("telefoon") > channels.count("email") > channels.count("brief")

    # Out of the worklists of open cases; found by the search over all cases.
    ombudsman = User.objects.get(username="ombudsman")
    open_list = set(case_list(ombudsman, CaseFilter()).values_list("pk", flat=True))
    assert open_list and not open_list & set(volume.values_list("pk", flat=True))
    case = volume.filter(municipality=steenwijkerland).order_by("opened_at").last()
    found, _outcome = case_search(ombudsman, CaseFilter(q=case.reference, open_only=False))
    assert list(found.values_list("pk", flat=True)) == [case.pk]
    short = f"{case.opened_at.year}-{_number(case.reference):04d}"
    found, _outcome = case_search(ombudsman, CaseFilter(q=short, open_only=False))
    assert case.pk in set(found.values_list("pk", flat=True))
    found, _outcome = case_search(ombudsman, CaseFilter(q=case.title, open_only=False))
    assert case.pk in set(found.values_list("pk", flat=True))

    # The case page shows it, closed, with its timeline (demo accounts: demo mode only).
    settings.DEMO_MODE = True
    client.force_login(ombudsman)
    for code in PLAN:
        shown = volume.filter(municipality__cbs_code=code).first()
        page = client.get(reverse("cases:detail", args=[shown.reference]))
        assert page.status_code == 200, shown.reference
        html = page.content.decode()
        assert shown.reference in html and shown.outcome_label in html
        assert "Zaak geregistreerd" in html and shown.title in html

    # One sequence of references per municipality and year, without gaps or doubles; the
    # counter stands at its last number, so the next case gets the next free one.
    references = list(Case.objects.values_list("municipality__reference_prefix", "reference"))
    assert len({r for _, r in references}) == len(references)
    sequences: dict[tuple[str, str], list[int]] = {}
    for prefix, reference in references:
        assert re.fullmatch(rf"{prefix}-20\d\d-\d{{4}}", reference), reference
        sequences.setdefault((prefix, reference.split("-")[1]), []).append(_number(reference))
    for (prefix, year), numbers in sequences.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), (prefix, year)
        counter = ReferenceCounter.objects.get(municipality__reference_prefix=prefix,
                                               year=int(year))
        assert counter.last_number == len(numbers), (prefix, year)
    for opened_at in (timezone.now(), datetime(2025, 6, 2, 10, tzinfo=AMSTERDAM)):
        year = str(opened_at.year)
        new = case_register(user=ombudsman, municipality=steenwijkerland, channel="telefoon",
                            title="Vraag over de Wmo", story="Ik wacht op een besluit.",
                            person_data=PersonData(name="Testpersoon Volume"),
                            opened_at=opened_at)
        assert new.reference == f"STW-{year}-{len(sequences['STW', year]) + 1:04d}"
