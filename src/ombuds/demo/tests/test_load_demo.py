"""``ombuds load_demo``: the demo office with about 50 cases through the real services (the
earlier, closed cases of ``demo.volume`` are tested in ``test_volume``)."""

from __future__ import annotations

import contextlib
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.models import Case, Channel, Person, TimelineEntry
from ombuds.cases.selectors import similar_persons
from ombuds.core.chain import chain_verify
from ombuds.core.models import AuditEntry, Municipality, Office, OutboxMessage, Theme
from ombuds.correspondence.models import Letter
from ombuds.demo.data import USERS
from ombuds.demo.volume import VOLUME_TITLES
from ombuds.domain import not_in_time
from ombuds.mediation.models import (
    Agreement,
    Consent,
    ConsentOverride,
    Meeting,
    PartnerLink,
    Referral,
    SurveyInvitation,
    SurveyResponse,
)
from ombuds.mediation.partner import link_state
from ombuds.procedures.models import Complaint, Deadline, DisputedDecision
from ombuds.procedures.selectors import deadline_state, holiday_calendar
from ombuds.records.models import Tombstone
from ombuds.records.services import case_destroy
from ombuds.signals.models import Recommendation, Signal, SignalLink
from ombuds.socialmap.models import Organisation

pytestmark = pytest.mark.django_db


def load(*args):
    call_command("load_demo", *args, stdout=io.StringIO())


def story_cases():
    """The demo cases that tell a story, without the earlier closed ones (``demo.volume``)."""
    return Case.objects.exclude(title__in=VOLUME_TITLES)


def snapshot() -> dict:
    return {
        "offices": list(Office.objects.values_list("name", "phone")),
        "municipalities": list(Municipality.objects.values_list("cbs_code", "workflow__variant")),
        "themes": Theme.objects.count(),
        "organisations": list(Organisation.objects.order_by("name").values_list("name", "routes")),
        "users": list(User.objects.order_by("username").values_list("username", "password")),
        "cases": list(Case.objects.order_by("reference").values_list(
            "reference", "status", "outcome", "assignee__username", "opened_at")),
        "persons": Person.objects.count(),
        "timeline": TimelineEntry.objects.count(),
        "audit": AuditEntry.objects.count(),
        "deadlines": list(Deadline.objects.order_by("case__reference", "kind", "end").values_list(
            "case__reference", "kind", "raw_end", "end", "met_on")),
        "mediation": [model.objects.count() for model in (
            Consent, ConsentOverride, Meeting, Agreement, PartnerLink, Referral, Letter,
            SurveyInvitation, SurveyResponse, OutboxMessage)],
        "signals": list(Signal.objects.order_by("title").values_list(
            "title", "status", "raised_on", "shared_on", "answered_on", "closed_on")),
        "signal_rows": [model.objects.count() for model in (Recommendation, SignalLink)],
    }


def test_it_loads_about_fifty_cases_through_the_services():
    load()
    cases = story_cases().select_related("municipality")
    assert 45 <= cases.count() <= 58
    assert {c.reference[:3] for c in cases} == {"STW", "WSV", "ZWL"}
    for case in cases:
        assert case.timeline.count() >= 2, case.reference
        assert AuditEntry.objects.filter(event="case.created", object_label=case.reference).exists()
    assert cases.filter(assignee__isnull=True).exists()
    assert cases.filter(representative__isnull=False).count() >= 5
    assert Person.objects.exclude(interpreter_language="").exists()
    assert Person.objects.filter(easy_language=True).exists()
    assert Case.objects.filter(story__contains="wachttijden").exists()


def test_it_covers_every_status_of_variants_3_5_and_6_and_every_channel():
    load()
    for variant, least in ((3, 5), (5, 5), (6, 2)):
        cases = Case.objects.filter(workflow__variant=variant)
        statuses = {s.code for s in cases.first().workflow.workflow.statuses}
        assert set(cases.values_list("status", flat=True)) == statuses, variant
        outcomes = set(cases.exclude(outcome="").values_list("outcome", flat=True))
        assert len(outcomes) >= least, (variant, outcomes)
    # "import" is no intake channel: those cases come from an old spreadsheet (interop).
    intake_channels = set(Channel.values) - {Channel.IMPORT}
    assert set(Case.objects.values_list("channel", flat=True)) == intake_channels


def test_it_spreads_the_cases_over_the_last_fourteen_months():
    load()
    now = timezone.now()
    opened = list(story_cases().values_list("opened_at", flat=True))
    assert min(opened) >= now - timedelta(days=14 * 31)
    assert min(opened) <= now - timedelta(days=365)
    assert max(TimelineEntry.objects.values_list("occurred_at", flat=True)) <= now


@time_machine.travel(datetime(2027, 1, 2, 0, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
def test_it_works_on_any_date_even_just_after_new_year():
    load()
    now = timezone.now()
    assert Case.objects.filter(reference__contains="-2026-").exists()
    assert Case.objects.filter(reference__contains="-2027-").exists()
    assert all(c.opened_at <= now and (c.closed_at is None or c.closed_at <= now)
               for c in Case.objects.all())


def test_running_it_twice_leaves_the_same_data():
    load()
    before = snapshot()
    load()
    assert snapshot() == before


def test_reset_wipes_and_reloads_in_demo_mode(settings):
    load()
    first_ids = set(Case.objects.values_list("pk", flat=True))
    references = set(Case.objects.values_list("reference", flat=True))
    mails = OutboxMessage.objects.count()
    # A destroyed demo case leaves a tombstone; the reset removes it with the rest.
    case_destroy(Case.objects.filter(closed_at__isnull=False).first(), rule="test", by=None,
                 retrain_themes=False)
    settings.DEMO_MODE = True
    load("--reset")
    assert not Tombstone.objects.exists()
    # The reset removed audit entries on purpose and chained what is left anew.
    assert chain_verify().ok
    assert set(Case.objects.values_list("reference", flat=True)) == references
    assert not first_ids & set(Case.objects.values_list("pk", flat=True))
    assert Signal.objects.count() == 4
    assert OutboxMessage.objects.count() == mails
    assert SurveyResponse.objects.count() == SurveyInvitation.objects.filter(
        answered=True).count()
    assert Person.objects.count() == Case.objects.count() - 1 + Case.objects.exclude(
        representative=None).count()


def test_reset_is_refused_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        load("--reset")


def test_a_returning_resident_shows_up_in_the_duplicate_check():
    load()
    ombudsman = User.objects.get(username="ombudsman")
    [person] = similar_persons(ombudsman, name="Gerrit Kuipers")
    assert len(person.visible_cases) == 2


def test_the_demo_users_log_in_only_in_demo_mode(settings):
    load()
    settings.DEMO_MODE = True
    for username in USERS:
        assert authenticate(username=username, password="demo") is not None, username
    assert User.objects.get(username="beheer").is_staff
    westerveld = User.objects.get(username="ombudsman-westerveld")
    assert {m.municipality.cbs_code for m in westerveld.memberships.all()} == {"GM1701"}
    ombudsman = User.objects.get(username="ombudsman")
    assert {m.municipality.cbs_code for m in ombudsman.memberships.all()} == {
        "GM1708", "GM1701", "GM1896"}
    settings.DEMO_MODE = False
    for username in USERS:
        assert authenticate(username=username, password="demo") is None, username


def watched_states() -> dict[str, set[str]]:
    """Return, per state on today, the references of the cases with such a watched deadline."""
    calendar = holiday_calendar()
    found: dict[str, set[str]] = {}
    for deadline in Deadline.objects.filter(watched=True).select_related("case__municipality__office"):
        state = "met" if deadline.met_on else deadline_state(
            raw_end=deadline.raw_end, end=deadline.end,
            office=deadline.case.municipality.office, calendar=calendar)
        found.setdefault(state, set()).add(deadline.case.reference)
    return found


def test_about_a_third_of_the_cases_have_a_disputed_decision_and_complaint_cases_a_complaint():
    load()
    cases = story_cases().count()
    with_decisions = story_cases().filter(decisions__isnull=False).distinct().count()
    assert cases / 4 <= with_decisions <= cases / 2
    complaint_cases = Case.objects.filter(
        workflow__variant=5, timeline__status_to__in=["klacht", "hoor_wederhoor", "oordeel"]
    ).distinct()
    assert complaint_cases.count() >= 5
    for case in complaint_cases:
        complaint = Complaint.objects.get(case=case)
        assert complaint.acknowledged_on is not None, case.reference
    assert Complaint.objects.filter(hearing_on__isnull=False).count() >= 3
    assert set(DisputedDecision.objects.exclude(organisation=None).values_list(
        "organisation__name", flat=True)) >= {"Wmo-team", "Werk en Inkomen", "Jeugdteam"}


@pytest.mark.parametrize("day", [
    None,  # the day the test runs
    date(2026, 12, 21),  # Christmas, Boxing Day and New Year's Day (and 2 January) ahead
    date(2027, 3, 22),  # Good Friday and Easter Monday ahead
    date(2027, 4, 23),  # Koningsdag, 5 May and Ascension Day ahead
    date(2028, 5, 20),  # Whit Monday
])
def test_the_demo_shows_deadlines_in_every_state_on_the_day_it_is_loaded(day):
    moment = day and datetime(day.year, day.month, day.day, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(moment, tick=False) if moment else contextlib.nullcontext():
        load()
        states = watched_states()
    assert set(states) == {"ok", "warning", "urgent", "passed", "met"}, states


def test_a_case_in_mediation_runs_against_an_open_objection_term():
    load()
    calendar = holiday_calendar()
    open_terms = [
        d for d in Deadline.objects.filter(kind="bezwaar", met_on=None, case__status="bemiddeling")
        .select_related("case__municipality__office")
        if deadline_state(raw_end=d.raw_end, end=d.end, office=d.case.municipality.office,
                          calendar=calendar) != "passed"
    ]
    assert open_terms, "the demo should show the pro-forma objection advice"
    assert any(entry.body and "pro-forma bezwaar" in entry.body
               for d in open_terms for entry in d.case.timeline.all())


def test_mediation_has_parties_with_contacts_and_consent_in_every_form_one_revoked():
    load()
    mediated = Case.objects.filter(status__in=["bemiddeling", "nazorg"])
    for case in mediated.filter(meetings__isnull=False).distinct():
        assert case.organisations.exclude(contact_person="").exists(), case.reference
        assert case.consents.exists(), case.reference
    forms = set(Consent.objects.values_list("given_how", flat=True))
    assert {"mondeling", "schriftelijk"} <= forms
    assert set(Consent.objects.values_list("purpose", flat=True)) == {
        "informatie_delen", "informatie_opvragen", "gesprek", "warme_overdracht"}
    assert Consent.objects.exclude(revoked_on=None).count() == 1
    assert AuditEntry.objects.filter(event="consent.overridden",
                                     authorisation="doorbreking: vitaal belang").count() == 1


def test_meetings_carry_agreements_in_every_status_due_around_the_day_of_loading():
    load()
    assert set(Meeting.objects.values_list("kind", flat=True)) == {"gezamenlijk", "apart"}
    held = Meeting.objects.filter(status="gehouden")
    assert all(m.minutes and m.resident_present is not None for m in held)
    assert all(m.starts_at <= timezone.now() for m in held)
    assert held.filter(agreements__isnull=False).exists()
    # A meeting still to come is planned, not held (issue 15), and can be edited.
    upcoming = Meeting.objects.filter(status="gepland", starts_at__gt=timezone.now())
    assert upcoming.exists()
    assert not upcoming.exclude(resident_present=None).exists()
    assert not upcoming.filter(agreements__isnull=False).exists()
    assert set(Agreement.objects.values_list("status", flat=True)) == {
        "open", "nagekomen", "niet_nagekomen", "gewijzigd"}
    assert set(Agreement.objects.values_list("owner", flat=True)) == {
        "partij", "inwoner", "ombudsfunctie"}
    today = timezone.localdate()
    open_due = [a.due_on for a in Agreement.objects.filter(status="open")]
    assert any(due < today for due in open_due), "an overdue agreement"
    assert any(today <= due <= today + timedelta(days=7) for due in open_due), "one due soon"
    assert not Agreement.objects.exclude(status="open").filter(checked_on=None).exists()
    assert not Agreement.objects.exclude(status="open").filter(checked_on__gt=today).exists()


def test_a_partner_answered_through_its_link_and_another_link_is_open():
    load()
    states = [link_state(link) for link in PartnerLink.objects.all()]
    assert "beantwoord" in states and "open" in states
    answered = PartnerLink.objects.exclude(answered_at=None).first()
    assert answered.case.timeline.filter(kind="antwoord_partij").exists()
    assert AuditEntry.objects.filter(event="partner.answered").exists()


def test_referrals_to_mee_the_objection_procedure_and_the_youth_confidant():
    load()
    assert {"clientondersteuning", "bezwaar", "vertrouwenspersoon_jeugd"} <= set(
        Referral.objects.values_list("route", flat=True))
    today = timezone.localdate()
    for referral in Referral.objects.all():
        assert referral.check_on >= referral.referred_on
        if referral.check_on < today:
            assert referral.arrived != "onbekend" and referral.checked_on, referral
    warm = Referral.objects.filter(warm_handover=True)
    assert warm.exists() and all(r.handover_consent_id for r in warm)


def test_closed_cases_record_the_closure_fields_and_some_residents_answered_the_survey():
    load()
    closed = Case.objects.exclude(closed_at=None)
    assert not closed.filter(minutes_spent=None).exists()
    assert set(closed.values_list("procedure_avoided", flat=True)) == {"ja", "nee", "onbekend"}
    assert not closed.filter(procedure_avoided="ja", procedure_avoided_what="").exists()
    assert SurveyResponse.objects.count() >= 5
    assert len(set(SurveyResponse.objects.values_list("grade", flat=True))) >= 3
    assert set(SurveyInvitation.objects.values_list("answered", flat=True)) == {True}


@pytest.mark.pdf
def test_letters_are_real_pdfs_in_the_case_file():
    load()
    kinds = set(Letter.objects.values_list("kind", flat=True))
    assert {"ontvangstbevestiging", "afsluiting"} <= kinds
    for letter in Letter.objects.select_related("entry"):
        attachment = letter.entry.attachments.get()
        assert attachment.content_type == "application/pdf"
        with attachment.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"


def test_signals_in_several_states_with_recommendations_and_no_personal_data():
    load()
    signals = Signal.objects.select_related("municipality")
    assert {s.municipality.cbs_code for s in signals} == {"GM1708", "GM1701"}
    assert len(set(signals.values_list("status", flat=True))) >= 3
    assert {"gesignaleerd", "gedeeld", "maatregel_genomen", "afgesloten"} <= set(
        signals.values_list("status", flat=True))
    assert set(Recommendation.objects.values_list("adoption", flat=True)) >= {
        "overgenomen", "onbekend"}
    answered = SignalLink.objects.exclude(answered_at=None).select_related("signal")
    assert {link.signal.status for link in answered} == {"maatregel_genomen", "afgesloten"}
    assert all(link.signal.answer for link in answered)
    assert AuditEntry.objects.filter(event="signal_link.answered").exists()
    today = timezone.localdate()
    names = [p.name for p in Person.objects.all()]
    references = list(Case.objects.values_list("reference", flat=True))
    for signal in signals:
        assert signal.cases.exists(), signal.title
        assert signal.raised_on <= today
        text = f"{signal.title} {signal.description} {signal.answer} {signal.measure}"
        assert not any(n in text for n in names + references), signal.title
        for case in signal.cases.all():
            assert case.timeline.filter(summary__startswith="Gekoppeld aan signaal").exists()


def westerveld_complaint(title: str) -> Complaint:
    return Complaint.objects.select_related("case").get(case__title=title)


def test_westerveld_complaints_come_from_the_workflow_on_every_path():
    load()
    complaints = Complaint.objects.filter(case__workflow__variant=5).select_related("case")
    for complaint in complaints:
        # Opened by the move into "klacht", on the date of receipt; closed with the case.
        assert complaint.case.timeline.filter(status_to="klacht").exists()
        assert complaint.outcome == complaint.case.outcome, complaint.case.reference
        assert complaint.respondent, complaint.case.reference
    closed = {c.outcome: c for c in complaints.exclude(outcome="")}
    assert set(closed) == {"gegrond", "deels_gegrond", "ongegrond", "geen_oordeel",
                           "informeel_opgelost", "niet_behandeld"}
    for ruling in ("gegrond", "deels_gegrond", "ongegrond", "geen_oordeel"):
        complaint = closed[ruling]
        assert complaint.findings_on == timezone.localtime(complaint.case.closed_at).date()
        assert complaint.hearing_on and complaint.hearing_report and complaint.findings
        assert complaint.conclusions and complaint.measures
        assert all(e.judgment and e.reasons for e in complaint.elements.all()), ruling
        year = Deadline.objects.get(complaint=complaint, kind="jaartermijn_ombudsman")
        assert "9:24 lid 1 onder a" in year.basis
    assert closed["informeel_opgelost"].settlement and closed["informeel_opgelost"].settled_on
    assert closed["niet_behandeld"].not_handled_ground == "ouder_dan_een_jaar"
    assert closed["niet_behandeld"].not_handled_notice_on
    postponed = complaints.filter(outcome="", postponed_on__isnull=False)
    assert postponed.count() >= 2
    consented = complaints.get(delay_consent_on__isnull=False)
    term = Deadline.objects.get(complaint=consented, kind="afhandeling_klacht")
    assert term.end == consented.delay_consented_until and "9:11 lid 3" in term.explanation
    assert {"hoor_wederhoor", "oordeel"} <= set(
        complaints.filter(outcome="").values_list("case__status", flat=True))


def test_zwartewaterland_requests_are_admissible_or_not_with_their_terms():
    load()
    requests = Complaint.objects.filter(case__workflow__variant=6).select_related("case")
    assert all(r.kind == "ombudsman" for r in requests)
    assert requests.count() == Case.objects.filter(workflow__variant=6).count()
    investigated = requests.filter(case__status__in=["onderzoek", "rapport", "afgesloten"]
                                   ).exclude(case__outcome="niet_ontvankelijk")
    # Admissible after the municipality's findings (9:24 lid 1 a), or after its term (b).
    assert investigated.filter(internal_findings_on__isnull=False).exists()
    assert investigated.filter(internal_findings_on=None, internal_received_on__isnull=False
                               ).exists()
    for request in investigated:
        assert Deadline.objects.filter(complaint=request, kind="jaartermijn_ombudsman").exists()
    grounds = set(requests.filter(outcome="niet_ontvankelijk")
                  .values_list("inadmissible_ground", flat=True))
    assert grounds == {"klacht_loopt", "te_laat", "geen_klacht"}
    still_running = requests.get(inadmissible_ground="klacht_loopt")
    own_term = Deadline.objects.get(complaint=still_running, kind="klacht_gemeente")
    assert own_term.end >= timezone.localtime(still_running.case.closed_at).date()
    report = requests.exclude(case__title__in=VOLUME_TITLES).get(outcome="deels_gegrond")
    assert all(e.norm for e in report.elements.all())


def test_the_demo_shows_decisions_that_do_not_come_and_objections_beyond_their_term():
    load()
    today = timezone.localdate()
    terms = Deadline.objects.filter(kind="beslistermijn_aanvraag").select_related("application")
    # (a) A Wmo decision whose two weeks passed, no notice of default yet (Wmo 2015 art. 2.3.5).
    late_wmo = [t for t in terms if t.application.kind == "wmo_aanvraag" and t.met_on is None
                and t.end < today and t.application.notice_of_default_on is None]
    assert late_wmo and all("2.3.5" in t.basis for t in late_wmo)
    # (b) A Jeugdwet decision after a valid notice: the penalty runs, the appeal is open.
    [noticed] = [t for t in terms if t.application.notice_of_default_on and t.met_on is None]
    application = noticed.application
    assert application.kind == "jeugdwet" and "4:13" in noticed.basis
    penalty = Deadline.objects.get(application=application, kind="dwangsom")
    assert not penalty.watched and "4:17" in penalty.basis
    assert penalty.start <= today <= penalty.end
    assert (penalty.end - penalty.start).days == 41
    appeal_from = not_in_time.appeal_not_in_time_from(
        term_end=noticed.end, notice_received_on=application.notice_of_default_on)
    assert appeal_from == penalty.start <= today
    # (c) An urgent request for debt help whose first conversation came after three working
    # days (Wgs art. 4 lid 2), and an ordinary one after its four weeks (lid 1).
    [urgent] = [t for t in terms if t.application.urgent]
    assert urgent.basis.startswith("Wgs art. 4 lid 2") and urgent.met_on > urgent.end
    assert any(t.basis.startswith("Wgs art. 4 lid 1") and t.met_on > t.end for t in terms)
    # (d) An objection whose decision was postponed and then further delayed with consent.
    consented = DisputedDecision.objects.get(delay_consent_on__isnull=False)
    term = Deadline.objects.get(decision=consented, kind="beslissing_bezwaar")
    assert consented.postponed_on and "lid 4" in term.basis
    assert term.end == consented.delay_consented_until > today and term.met_on is None
    # (e) A late objection, flagged with what Awb 6:11 allows and the resident's reason.
    late = DisputedDecision.objects.exclude(lateness_reason="").get()
    objection = Deadline.objects.get(decision=late, kind="bezwaar")
    assert late.objection_filed_on > objection.end and "6:11" in objection.caveat
    # (f) An objection received after the term but posted before it: in time (Awb 6:9 lid 2).
    posted = DisputedDecision.objects.get(objection_posted_on__isnull=False)
    objection = Deadline.objects.get(decision=posted, kind="bezwaar")
    assert posted.objection_posted_on <= objection.end < posted.objection_filed_on
    assert objection.met_on == posted.objection_posted_on and "op tijd (Awb 6:9 lid 2)" in objection.caveat


def test_only_new_requests_wait_for_their_first_contact():
    load()
    today = timezone.localdate()
    open_promises = Deadline.objects.filter(kind="eerste_contact", met_on=None).select_related(
        "case")
    assert open_promises.exists(), "a new request should show the office's promise"
    for promise in open_promises:
        assert timezone.localtime(promise.case.opened_at).date() >= today - timedelta(days=7), \
            promise.case.reference
