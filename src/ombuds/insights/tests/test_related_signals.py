"""Signals in the pattern finder: a closing case suggests the open signals it may belong to,
and a signal suggests the cases that may rest on it; both within the municipality."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from ombuds.insights.selectors import related_cases_for_signal, related_signals
from ombuds.insights.tests.factories import case
from ombuds.signals.services import signal_create
from ombuds.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def signal(office, *, municipality=None, user=None, cases=(), **kwargs):
    municipality = municipality or office.steenwijkerland
    organisation = kwargs.pop("organisation", None) or OrganisationFactory(
        municipalities=[municipality])
    return signal_create(user=user or office.ombudsman, municipality=municipality,
                         title=kwargs.pop("title", "Scootmobielen worden te laat geleverd"),
                         description=kwargs.pop("description",
                                                "De leverancier levert scootmobielen maanden te laat."),
                         organisation=organisation, cases=cases, **kwargs)


def test_a_case_suggests_open_signals_by_words_theme_or_organisation(office):
    provider = OrganisationFactory(municipalities=[office.steenwijkerland])
    mine = case(office, title="Scootmobiel te laat",
                story="De leverancier van mijn scootmobiel komt niet.", parties=[provider])
    by_words = signal(office)
    by_party = signal(office, title="Bereikbaarheid", description="Telefoon wordt niet opgenomen.",
                      organisation=provider)
    signal(office, title="Schuldhulp", description="Lange wachttijd bij schuldhulp.")
    signal(office, municipality=office.westerveld, user=office.ombudsman_westerveld)
    already = signal(office, cases=[mine])
    found = related_signals(office.ombudsman, mine)
    assert [r.signal for r in found] == [by_words, by_party] or \
        [r.signal for r in found] == [by_party, by_words]
    assert already not in [r.signal for r in found]
    words = next(r for r in found if r.signal == by_words)
    assert "leverancier" in words.words
    assert next(r for r in found if r.signal == by_party).same_party


def test_policy_staff_get_no_signals_suggested_on_a_case(office):
    mine = case(office, title="Scootmobiel te laat", story="De leverancier komt niet.")
    signal(office)
    assert related_signals(office.beleid, mine) == []


def test_a_signal_suggests_cases_not_linked_yet(office):
    provider = OrganisationFactory(municipalities=[office.steenwijkerland])
    linked = case(office, title="Scootmobiel", story="De leverancier levert de scootmobiel niet.")
    alike = case(office, title="Scootmobiel weer te laat",
                 story="Mijn scootmobiel: de leverancier is maanden te laat.")
    same_party = case(office, title="Iets anders", parties=[provider])
    case(office, title="Scootmobiel", story="De leverancier levert niet.",
         municipality=office.westerveld)
    raised = signal(office, cases=[linked], organisation=provider)
    found = related_cases_for_signal(office.ombudsman, raised)
    assert {r.case for r in found} == {alike, same_party}


def test_the_signal_tag_renders_for_ombudspersons_only(office):
    alike = case(office, title="Scootmobiel weer te laat",
                 story="Mijn scootmobiel: de leverancier is maanden te laat.")
    raised = signal(office)
    template = Template("{% load insights %}{% related_cases_for_signal signal %}")
    request = RequestFactory().get("/")
    request.user = office.ombudsman
    html = template.render(Context({"request": request, "signal": raised}))
    assert alike.reference in html
    assert reverse("signals:link_cases", args=[raised.pk]) in html
    request.user = office.beleid
    assert alike.reference not in template.render(Context({"request": request, "signal": raised}))


def test_the_closing_case_page_lists_the_signals(office, client):
    mine = case(office, title="Scootmobiel te laat",
                story="De leverancier van mijn scootmobiel komt niet.", closed=True)
    raised = signal(office)
    client.force_login(office.ombudsman)
    body = client.get(reverse("cases:detail", args=[mine.reference])).content.decode()
    assert reverse("signals:detail", args=[raised.pk]) in body
