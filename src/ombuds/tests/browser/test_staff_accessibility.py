"""The staff pages, checked by axe-core in headless Chromium for the WCAG 2.0/2.1 A and AA
rules, at phone and desktop width without sideways scrolling: the pages each role works in
every day, with real content (a case with a timeline, deadlines and a signal), and a form
after a failed submit. The resident pages have their own test (test_public_accessibility)."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from ombuds.cases.services import case_assign, case_transition, timeline_entry_add
from ombuds.procedures.complaints import complaint_of, element_create, element_update
from ombuds.procedures.services import complaint_update, decision_create
from ombuds.signals.services import signal_create
from ombuds.tests.browser.conftest import login
from ombuds.tests.browser.test_public_accessibility import check, screenshot_dir, slug
from ombuds.tests.factories import OrganisationFactory, register_case


@pytest.fixture
def staff_world(office):
    organisation = OrganisationFactory(name="Thuiszorg De Linde")
    organisation.municipalities.add(office.steenwijkerland)
    case = register_case(office, name="Sandra Vos", title="Huishoudelijke hulp stopt",
                         organisations=[organisation])
    case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    for n in range(3):
        timeline_entry_add(user=office.ombudsman, case=case, kind="telefoon",
                           summary=f"Gebeld met de inwoner ({n + 1})", body="Afspraak gemaakt.")
    # Made known five weeks ago: the objection term ends within the week, so the worklist and
    # the case page show their deadline warnings.
    decision_create(user=office.ombudsman, case=case, subject="Huishoudelijke hulp beëindigd",
                    made_known_on=timezone.localdate() - timedelta(weeks=5))
    signal = signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                           title="Hulp stopt zonder uitleg", description="Een patroon.",
                           organisation=organisation, cases=[case])
    # A Westerveld case converted into a formal complaint, heard, with a judged element: the
    # complaint section and the pages of its handling.
    complaint_case = register_case(office, municipality=office.westerveld, name="Henk Dijkstra",
                                   title="Consulent belt niet terug")
    case_transition(user=office.ombudsman, case=complaint_case, target="intake")
    case_transition(user=office.ombudsman, case=complaint_case, target="klacht")
    complaint = complaint_of(complaint_case)
    complaint_update(user=office.ombudsman, complaint=complaint, respondent_official="Consulent",
                     hearing_on=timezone.localdate(), hearing_report="Beiden gehoord.")
    element = element_create(user=office.ombudsman, complaint=complaint,
                             description="Niet teruggebeld")
    element_update(user=office.ombudsman, element=element, judgment="gegrond",
                   reasons="Drie keer beloofd, niet gedaan.")
    return SimpleNamespace(office=office, case=case, signal=signal, complaint_case=complaint_case)


ROLE_PAGES = {
    "ombudsman": lambda w: [
        "/werk/zaken/", "/werk/zaken/nieuw/", f"/werk/zaken/{w.case.reference}/",
        f"/werk/zaken/{w.case.reference}/gegevens/",
        "/werk/cijfers/", "/werk/signalen/", f"/werk/signalen/{w.signal.pk}/",
        "/werk/rapportages/", "/werk/patronen/", "/werk/werkverdeling/", "/werk/afspraken/",
        "/werk/bewaartermijnen/", "/werk/avg/",
        "/werk/sociale-kaart/",
        "/werk/mijn-account/", "/werk/mijn-account/wachtwoord/",
        f"/werk/zaken/{w.complaint_case.reference}/",
        *(f"/werk/zaken/{w.complaint_case.reference}/klacht/{step}/"
          for step in ("klacht", "vereisten", "behandeling", "niet-behandelen", "horen",
                       "opgelost", "bevindingen")),
        f"/werk/zaken/{w.complaint_case.reference}/klacht/onderdelen/nieuw/",
    ],
    "beheer": lambda w: [
        "/werk/audit/", "/werk/import/", "/werk/export/", "/werk/mijn-account/",
    ],
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", sorted(ROLE_PAGES))
def test_every_staff_page_has_no_wcag_a_or_aa_violation(axe_page, staff_world, role, tmp_path):
    page, shots = axe_page, screenshot_dir(tmp_path)
    login(page, role)
    problems = []
    for url in ROLE_PAGES[role](staff_world):
        response = page.goto(url)
        assert response.status == 200, url
        page.wait_for_load_state("networkidle")
        problems += check(page, url, f"staff-{role}-{slug(url)}", shots)
    assert not problems, "\n".join(problems)


@pytest.mark.django_db(transaction=True)
def test_a_failed_staff_form_has_no_wcag_violation(axe_page, staff_world, tmp_path):
    page = axe_page
    login(page, "ombudsman")
    page.goto("/werk/zaken/nieuw/")
    page.get_by_role("button", name="Aanmelding registreren").click()
    page.wait_for_load_state()
    assert page.locator(".ombuds-error-summary").count() == 1
    problems = check(page, "/werk/zaken/nieuw/ (fouten)", "staff-register-errors",
                     screenshot_dir(tmp_path))
    assert not problems, "\n".join(problems)
