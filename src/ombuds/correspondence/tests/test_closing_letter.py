"""The closing letter is built from the case's real state: every agreement with its status,
every referral, every legal term still running with its date; in variants 4–6 it names the
ombudsman and the term to turn to it (Awb 9:12)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ombuds.correspondence.context import letter_context
from ombuds.correspondence.rendering import default_template, render_letter
from ombuds.correspondence.tests.factories import full_case
from ombuds.domain.deadlines import nl_date
from ombuds.mediation.models import Agreement, Meeting, Referral
from ombuds.procedures.applications import application_create
from ombuds.procedures.models import Deadline, DeadlineKind, DisputedDecision
from ombuds.procedures.services import decision_update
from ombuds.socialmap.models import Route
from ombuds.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def closing_letter(case) -> str:
    return render_letter(default_template("afsluiting"), letter_context(case)).body


@pytest.mark.parametrize("variant", [1, 2, 3, 4, 5, 6])
def test_it_lists_the_open_objection_term_with_its_date(office, variant):
    case, _, _ = full_case(office, variant)
    objection = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)
    body = closing_letter(case)
    assert "## Welke termijnen lopen nog?" in body
    assert ("- Bezwaar maken tegen het besluit over Traplift afgewezen. Doe dit uiterlijk "
            f"{nl_date(objection.raw_end, weekday=True)}.") in body
    assert "loopt er geen termijn meer" not in body


def test_when_the_law_moves_the_last_day_it_names_both_dates(office):
    case, _, _ = full_case(office, 3)
    objection = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)
    objection.end = objection.raw_end + timedelta(days=2)  # e.g. past a weekend (Atw)
    objection.save()
    body = closing_letter(case)
    assert f"Doe dit uiterlijk {nl_date(objection.raw_end, weekday=True)}." in body
    assert f"De wettelijke laatste dag is {nl_date(objection.end, weekday=True)}." in body


def test_after_the_objection_it_names_the_term_to_decide_on_it_not_no_term(office):
    """The issue: the letter said no term was running while the case page showed one."""
    case, _, _ = full_case(office, 3)
    decision = DisputedDecision.objects.get(case=case)
    decision_update(user=office.ombudsman, decision=decision,
                    objection_filed_on=timezone.localdate())
    term = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION_DECISION)
    body = closing_letter(case)
    assert "Bezwaar maken" not in body  # made already
    assert ("beslist op uw bezwaar tegen het besluit over Traplift afgewezen. Dit moet "
            f"uiterlijk {nl_date(term.end, weekday=True)} gebeuren.") in body
    assert "loopt er geen termijn meer" not in body


def test_it_lists_the_decision_term_of_an_application(office):
    case, _, _ = full_case(office, 3)
    application_create(user=office.ombudsman, case=case, kind="wmo_aanvraag",
                       subject="scootmobiel", submitted_on=timezone.localdate())
    term = Deadline.objects.get(case=case, kind=DeadlineKind.APPLICATION_DECISION)
    body = closing_letter(case)
    assert (f"beslist op uw aanvraag: scootmobiel. Dit moet uiterlijk "
            f"{nl_date(term.end, weekday=True)} gebeuren.") in body


def test_it_lists_every_agreement_of_every_meeting_with_its_status(office):
    case, party, meeting = full_case(office, 3)
    later = Meeting.objects.create(case=case, kind=Meeting.Kind.SEPARATE,
                                   starts_at=timezone.now() - timedelta(days=1),
                                   status=Meeting.Status.HELD, created_by=office.ombudsman)
    today = timezone.localdate()
    Agreement.objects.create(case=case, meeting=later, owner=Agreement.Owner.RESIDENT,
                             description="U stuurt het besluit naar ons.", due_on=today,
                             status=Agreement.Status.KEPT)
    Agreement.objects.create(case=case, meeting=meeting, owner=Agreement.Owner.OMBUDS,
                             description="Wij bellen de gemeente.", due_on=today,
                             status=Agreement.Status.NOT_KEPT, status_note="Geen gehoor.")
    body = closing_letter(case)
    assert "## Welke afspraken zijn er gemaakt?" in body
    assert ("- De Linde belt de inwoner voor een nieuwe afspraak. Wie: Zorgaanbieder De Linde. "
            f"Uiterlijk: {nl_date(today + timedelta(days=14))}. Dit moet nog gebeuren.") in body
    assert f"- U stuurt het besluit naar ons. Wie: u. Uiterlijk: {nl_date(today)}. Dit is gebeurd." \
        in body
    assert "- Wij bellen de gemeente. Wie: wij. Uiterlijk: " in body
    assert "Dit is niet gebeurd. Geen gehoor." in body


def test_it_lists_every_referral_not_only_the_last(office):
    case, _, _ = full_case(office, 3)
    today = timezone.localdate()
    desk = OrganisationFactory(name="Schuldhulp Steenwijkerland", phone="0521 00 00 00",
                               municipalities=[case.municipality])
    Referral.objects.create(case=case, route=Route.CLIENT_SUPPORT, organisation=desk,
                            referred_on=today - timedelta(days=10), check_on=today,
                            arrived=Referral.Arrived.YES, created_by=office.ombudsman)
    body = closing_letter(case)
    assert "## Naar wie hebben wij u verwezen?" in body
    assert "- Schuldhulp Steenwijkerland. Soort hulp: " in body
    assert "U heeft daar contact gehad." in body
    assert "- MEE IJsseloevers. Soort hulp: " in body
    assert "Wij weten niet of u daar al contact heeft gehad." in body
    assert body.index("Schuldhulp") < body.index("MEE IJsseloevers")  # oldest first


def test_without_agreements_or_referrals_those_parts_are_left_out(office):
    case, _, _ = full_case(office, 3)
    Agreement.objects.filter(case=case).delete()
    Referral.objects.filter(case=case).delete()
    body = closing_letter(case)
    assert "afspraken zijn er gemaakt" not in body and "verwezen?" not in body


@pytest.mark.parametrize("variant", [1, 2, 3])
def test_without_complaint_handling_it_points_to_the_complaint_procedure_not_the_ombudsman(
        office, variant):
    case, _, _ = full_case(office, variant)
    body = closing_letter(case)
    assert "klacht indienen" in body
    assert "ombudsman" not in body.lower()


@pytest.mark.parametrize("variant", [4, 5])
def test_with_complaint_handling_it_names_the_ombudsman_and_the_computed_term(office, variant):
    case, _, _ = full_case(office, variant)
    year = Deadline.objects.get(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR)
    body = closing_letter(case)
    assert "## Niet eens met ons oordeel?" in body
    assert "naar de Nationale ombudsman gaan" in body
    assert (f"uiterlijk op {nl_date(year.end, weekday=True)} (artikel 9:24 lid 1 onder a "
            "van de Algemene wet bestuursrecht)") in body
    assert "Postbus 93122, 2509 AC Den Haag" in body


def test_in_variant_6_it_names_the_year_after_the_municipality_findings_with_the_warning(office):
    case, _, _ = full_case(office, 6)
    year = Deadline.objects.get(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR)
    body = closing_letter(case)
    assert "## Verder naar de Nationale ombudsman?" in body
    assert (f"uiterlijk op {nl_date(year.end, weekday=True)} (artikel 9:24 lid 1 onder a "
            "van de Algemene wet bestuursrecht)") in body
    assert "ook terwijl wij uw verzoek behandelen, loopt deze termijn door" in body
    assert "na dit oordeel" not in body


def test_the_ombudsman_is_the_municipalitys_statutory_one_as_configured(office):
    case, _, _ = full_case(office, 5)
    municipality = case.municipality
    municipality.ombudsman_name = "de Ombudsman Metropool Amsterdam"
    municipality.ombudsman_address = "Postbus 202\n1000 AE Amsterdam"
    municipality.ombudsman_website = "www.ombudsmanmetropool.nl"
    municipality.save()
    case.refresh_from_db()
    body = closing_letter(case)
    assert "naar de Ombudsman Metropool Amsterdam gaan" in body
    assert "Adres: Postbus 202, 1000 AE Amsterdam." in body
    assert "Nationale ombudsman" not in body and "0800 33 55 555" not in body


@pytest.mark.parametrize("variant", [4, 6])
def test_without_a_computed_term_it_says_so_and_how_the_year_is_computed(office, variant):
    case, _, _ = full_case(office, variant)
    Deadline.objects.filter(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR).delete()
    body = closing_letter(case)
    assert "De precieze datum weten wij nog niet" in body
    assert "Awb 9:24" not in body and "artikel 9:24 lid 1" in body
    assert "na dit oordeel" not in body


def test_without_a_running_term_it_says_so(office):
    case, _, _ = full_case(office, 3)
    Deadline.objects.filter(case=case, kind=DeadlineKind.OBJECTION).update(met_on="2020-01-01")
    body = closing_letter(case)
    assert "Bezwaar maken" not in body
    assert "Voor zover wij weten, loopt er geen termijn meer." in body


def test_it_is_signed_with_the_handlers_name_not_their_username(office):
    case = full_case(office, 3)[0]
    case.assignee = office.ombudsman
    case.save(update_fields=["assignee"])
    letter = closing_letter(case)
    assert office.ombudsman.display_name in letter
    assert f"\n{office.ombudsman.username}\n" not in letter


@pytest.mark.pdf
def test_the_closing_letters_pdf_lists_every_agreement_referral_and_running_term(office):
    from ombuds.correspondence.services import letter_create, letter_draft
    from ombuds.correspondence.tests.test_services_letters import pdf_of, pdf_text

    case, _, meeting = full_case(office, 3)
    Agreement.objects.create(case=case, meeting=meeting, owner=Agreement.Owner.RESIDENT,
                             description="U vraagt de traplift opnieuw aan.",
                             due_on=timezone.localdate(), status=Agreement.Status.KEPT)
    draft = letter_draft(case=case, kind="afsluiting")
    letter = letter_create(user=office.ombudsman, case=case, kind="afsluiting", channel="post",
                           subject=draft.subject, body=draft.body)
    _, text = pdf_text(pdf_of(letter))
    objection = Deadline.objects.get(case=case, kind=DeadlineKind.OBJECTION)
    for words in ("Welke afspraken zijn er gemaakt?",
                  "De Linde belt de inwoner voor een nieuwe afspraak.",
                  "Wie: Zorgaanbieder De Linde.", "Dit moet nog gebeuren.",
                  "U vraagt de traplift opnieuw aan.", "Dit is gebeurd.",
                  "Naar wie hebben wij u verwezen?", "MEE IJsseloevers",
                  "Bezwaar maken tegen het besluit over Traplift afgewezen",
                  f"Doe dit uiterlijk {nl_date(objection.raw_end, weekday=True)}."):
        assert words in text, words
