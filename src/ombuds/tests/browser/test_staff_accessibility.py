"""The staff pages, checked by axe-core in headless Chromium for the WCAG 2.0/2.1 A and AA
rules at desktop (1280 px) and phone (375 px) width, without sideways scrolling and without a
Content-Security-Policy refusal (``crawl.Crawler``): the pages each role works in every day,
with real content (a case with a timeline, deadlines and a signal, a complaint case, a case
in the secretariat's intake), and a form after a failed submit. The resident pages have their
own test (test_public_accessibility), the beheer too (test_beheer_accessibility)."""

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
from ombuds.tests.browser.crawl import Crawler
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
    # A phone intake the secretariat registered and has not handed on: theirs to open.
    intake = register_case(office, user=office.secretariaat, name="Truus Mulder",
                           title="Vraag over eigen bijdrage")
    return SimpleNamespace(office=office, case=case, signal=signal, complaint_case=complaint_case,
                           intake=intake)


ROLE_PAGES = {
    "ombudsman": lambda w: [
        "/werk/zaken/", "/werk/zaken/nieuw/", f"/werk/zaken/{w.case.reference}/",
        f"/werk/zaken/{w.case.reference}/gegevens/",
        "/werk/cijfers/", "/werk/signalen/", f"/werk/signalen/{w.signal.pk}/",
        "/werk/rapportages/", "/werk/patronen/", "/werk/werkverdeling/", "/werk/afspraken/",
        "/werk/bewaartermijnen/", "/werk/avg/", f"/werk/avg/nieuw/?persoon={w.case.person_id}",
        "/werk/sociale-kaart/",
        "/werk/mijn-account/", "/werk/mijn-account/wachtwoord/",
        f"/werk/zaken/{w.complaint_case.reference}/",
        *(f"/werk/zaken/{w.complaint_case.reference}/klacht/{step}/"
          for step in ("klacht", "vereisten", "behandeling", "niet-behandelen", "horen",
                       "opgelost", "bevindingen")),
        f"/werk/zaken/{w.complaint_case.reference}/klacht/onderdelen/nieuw/",
    ],
    "secretariaat": lambda w: [
        "/werk/zaken/", "/werk/zaken/?view=nieuw", f"/werk/zaken/{w.intake.reference}/",
        "/werk/sociale-kaart/", "/werk/mijn-account/",
    ],
    "coordinator": lambda w: [
        "/werk/zaken/?view=alle", "/werk/werkverdeling/", f"/werk/zaken/{w.case.reference}/",
    ],
    "beleid": lambda w: [
        "/werk/cijfers/", "/werk/signalen/", "/werk/rapportages/",
    ],
    "beheer": lambda w: [
        "/werk/audit/", "/werk/import/", "/werk/export/", "/werk/bewaartermijnen/",
        "/werk/mijn-account/",
    ],
}


def crawl(chromium, live_server, username: str, urls: list[str]) -> Crawler:
    crawler = Crawler(chromium, live_server.url)
    login(crawler.page, username)
    for url in urls:
        # A case page loads its related cases after itself (htmx): wait for them too.
        crawler.visit(url, idle=url.startswith("/werk/zaken/") and url.count("/") == 4)
    return crawler


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", sorted(ROLE_PAGES))
def test_every_staff_page_has_no_wcag_a_or_aa_violation(chromium, live_server, staff_world,
                                                       role):
    crawler = crawl(chromium, live_server, role, ROLE_PAGES[role](staff_world))
    crawler.close()
    assert not crawler.problems, "\n".join(crawler.problems)


@pytest.mark.django_db(transaction=True)
def test_a_failed_staff_form_has_no_wcag_violation(chromium, live_server, staff_world):
    crawler = crawl(chromium, live_server, "ombudsman", [])
    page = crawler.page
    page.goto("/werk/zaken/nieuw/")
    page.get_by_role("button", name="Aanmelding registreren").click()
    page.wait_for_load_state()
    assert page.locator(".ombuds-error-summary").count() == 1
    crawler.check("/werk/zaken/nieuw/ (fouten)")
    crawler.close()
    assert not crawler.problems, "\n".join(crawler.problems)
