"""Correcting the intake details of an open case: what changed goes on the timeline and in
the audit log (by name, never by content); closed cases, other municipalities' themes and
hidden health details are refused; bad input keeps what was typed."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from ombuds.cases.models import Case
from ombuds.cases.selectors import CaseFilter, case_list
from ombuds.cases.services import case_transition, case_update
from ombuds.core.models import AuditEntry, Domain, Theme
from ombuds.tests.factories import register_case

pytestmark = pytest.mark.django_db


def test_the_changed_details_are_saved_named_on_the_timeline_and_audited(office):
    case = register_case(office, title="Wacht op besluit", sensitive_details="Diabetes.")

    changed = case_update(user=office.ombudsman, case=case, title="Wacht op besluit scootmobiel",
                          wish="Een besluit binnen een maand.", urgency="hoog",
                          themes=[office.theme], sensitive_details="Diabetes.")

    assert changed == ["title", "wish", "urgency", "themes", "domains"]
    case.refresh_from_db()
    assert (case.title, case.urgency) == ("Wacht op besluit scootmobiel", "hoog")
    assert list(case.themes.all()) == [office.theme]
    assert list(case.domains.all()) == [office.wmo], "a theme brings its domain"
    entry = case.timeline.get(kind="gegevens")
    assert entry.summary == "Zaakgegevens gewijzigd: onderwerp, wens, urgentie, thema's, domeinen"
    assert entry.author == office.ombudsman
    audit = AuditEntry.objects.get(event="case.updated")
    assert audit.details == {"fields": changed}
    assert "scootmobiel" not in str(audit.details) and audit.person_id == case.person_id
    assert list(case_list(office.ombudsman, CaseFilter(q="scootmobiel"))) == [case]


def test_nothing_changed_writes_nothing(office):
    case = register_case(office)
    assert case_update(user=office.ombudsman, case=case, title=case.title, themes=[]) == []
    assert not case.timeline.filter(kind="gegevens").exists()
    assert not AuditEntry.objects.filter(event="case.updated").exists()


def test_refusals(office):
    case = register_case(office)
    elsewhere = Theme.objects.create(municipality=office.westerveld,
                                     domain=Domain.objects.get(code="wmo"), name="Vervoer")
    with pytest.raises(ValidationError, match="Kies alleen thema's van Steenwijkerland"):
        case_update(user=office.ombudsman, case=case, themes=[elsewhere])
    with pytest.raises(PermissionDenied):
        case_update(user=office.secretariaat, case=case, sensitive_details="")
    with pytest.raises(PermissionDenied):
        case_update(user=office.beleid, case=case, title="Iets anders")
    with pytest.raises(ValidationError, match="leeg|verplicht|blank|may not be blank|mag niet"):
        case_update(user=office.ombudsman, case=case, title="")
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="geen_contact")
    with pytest.raises(ValidationError, match="afgesloten"):
        case_update(user=office.ombudsman, case=case, title="Na afsluiten")
    assert Case.objects.get(pk=case.pk).title == "Wacht op besluit hulpmiddel"


def test_the_page_keeps_what_was_typed_and_says_what_is_wrong(office, client):
    case = register_case(office)
    url = reverse("cases:edit", args=[case.reference])
    client.force_login(office.ombudsman)
    page = client.get(url).content.decode()
    assert 'value="Wacht op besluit hulpmiddel"' in page
    assert "Gevoelige gegevens (gezondheid)" in page

    response = client.post(url, {"title": "", "story": "Nieuw verhaal in eigen woorden.",
                                 "urgency": "normaal"})

    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul een onderwerp in." in page and "Nieuw verhaal in eigen woorden." in page
    response = client.post(url, {"title": "Scootmobiel", "story": "Nieuw verhaal.",
                                 "urgency": "normaal", "themes": [office.theme.pk]})
    assert response["Location"] == reverse("cases:detail", args=[case.reference])
    detail = client.get(response["Location"]).content.decode()
    assert "De zaakgegevens zijn opgeslagen." in detail
    assert "Zaakgegevens gewijzigd: onderwerp, verhaal, thema&#x27;s, domeinen" in detail


def test_the_secretariat_edits_without_ever_seeing_the_health_details(office, client):
    case = register_case(office, user=office.secretariaat, sensitive_details="Depressie.")
    client.force_login(office.secretariaat)
    page = client.get(reverse("cases:edit", args=[case.reference])).content.decode()
    assert "Gevoelige gegevens" not in page and "Depressie" not in page
    client.post(reverse("cases:edit", args=[case.reference]),
                {"title": "Ander onderwerp", "story": case.story, "urgency": "normaal"})
    case.refresh_from_db()
    assert (case.title, case.sensitive_details) == ("Ander onderwerp", "Depressie.")


def test_a_closed_case_sends_back_to_the_case_page(office, client):
    case = register_case(office)
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="geen_contact")
    client.force_login(office.ombudsman)
    response = client.get(reverse("cases:edit", args=[case.reference]))
    assert response["Location"] == reverse("cases:detail", args=[case.reference])
    assert "Gegevens van de vraag wijzigen" not in client.get(response["Location"]).content.decode()


def test_the_api_corrects_only_the_fields_sent(office):
    from ombuds.cases.tests.test_api_cases import api_as

    case = register_case(office, title="Oud onderwerp", wish="Een besluit.")
    client = api_as(office.ombudsman)
    url = f"/api/v1/cases/{case.reference}/"

    response = client.patch(url, {"title": "Nieuw onderwerp", "themes": [office.theme.pk]},
                            format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "Nieuw onderwerp"
    case.refresh_from_db()
    assert (case.title, case.wish) == ("Nieuw onderwerp", "Een besluit.")
    assert AuditEntry.objects.get(event="case.updated").details == {
        "fields": ["title", "themes", "domains"]}
    bad = client.patch(url, {"title": "", "urgency": "heel erg"}, format="json")
    assert bad.status_code == 400 and set(bad.json()) == {"title", "urgency"}
    hidden = api_as(office.secretariaat).patch(url, {"sensitive_details": "x"}, format="json")
    assert hidden.status_code in (403, 404)
    case_transition(user=office.ombudsman, case=case, target="afgesloten", outcome="geen_contact")
    closed = client.patch(url, {"title": "Later"}, format="json")
    assert closed.status_code == 409 and closed.json()["code"] == "case_closed"


def test_a_retired_theme_stays_when_other_details_are_saved_but_is_not_added(office, client):
    retired = Theme.objects.create(municipality=office.steenwijkerland, domain=office.wmo,
                                   name="Oud thema")
    case = register_case(office, themes=[retired])
    Theme.objects.filter(pk=retired.pk).update(active=False)
    client.force_login(office.ombudsman)
    url = reverse("cases:edit", args=[case.reference])
    page = client.get(url).content.decode()
    assert "Oud thema" in page
    client.post(url, {"title": "Nieuw", "story": case.story, "urgency": "normaal",
                      "themes": [retired.pk], "domains": [office.wmo.pk]})
    case.refresh_from_db()
    assert case.title == "Nieuw" and list(case.themes.all()) == [retired]
    other = register_case(office)
    with pytest.raises(ValidationError, match="niet meer gebruikt"):
        case_update(user=office.ombudsman, case=other, themes=[retired])


def test_only_who_may_open_the_case_may_change_it(office):
    case = register_case(office)
    from ombuds.cases.services import case_assign

    case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    with pytest.raises(PermissionDenied):  # the secretariat no longer sees an assigned case
        case_update(user=office.secretariaat, case=case, title="Iets anders")
