"""The workflow drives the complaint procedure: variants 4, 5 and 6 through every path.

Entering the complaint status opens the complaint with its 9:11 term; a move the law does not
allow yet is refused and changes nothing; closing the case closes the complaint with the same
outcome, reopening opens it again.
"""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from ombuds.cases.services import case_reopen, case_transition
from ombuds.core.models import AuditEntry
from ombuds.domain.workflow import InvalidTransition
from ombuds.procedures.complaints import element_create, element_update
from ombuds.procedures.models import Complaint, Deadline
from ombuds.procedures.services import complaint_update
from ombuds.tests.factories import municipality_in_variant, register_case, satisfy_complaint_law

pytestmark = pytest.mark.django_db

TODAY = date(2026, 4, 20)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


def municipality(office, variant: int):
    return municipality_in_variant(office, variant)


def move(office, case, target, outcome="", on=None):
    # Closing anyway: the letters of 9:6 and 9:9 are not what these tests are about.
    return case_transition(user=office.ombudsman, case=case, target=target, outcome=outcome,
                           on=on, reason="de brieven zijn buiten deze test verstuurd.")


def term(case, kind="afhandeling_klacht"):
    return Deadline.objects.get(case=case, kind=kind)


def snapshot(case):
    """Everything a refused move must leave as it was."""
    case.refresh_from_db()
    complaint = Complaint.objects.filter(case=case).values().first()
    return (case.status, case.outcome, case.closed_at, complaint,
            list(case.timeline.values_list("pk", flat=True)),
            AuditEntry.objects.filter(object_id=str(case.pk)).count(),
            list(Deadline.objects.filter(case=case).values()))


def judge(office, complaint, *judgments):
    for n, judgment in enumerate(judgments, 1):
        element = element_create(user=office.ombudsman, complaint=complaint,
                                 description=f"Onderdeel {n}")
        element_update(user=office.ombudsman, element=element, judgment=judgment,
                       reasons="Uit het onderzoek blijkt dit.")


def write_findings(office, complaint):
    complaint_update(user=office.ombudsman, complaint=complaint,
                     findings="De consulent belde niet terug.",
                     conclusions="De gemeente biedt excuses aan.")


def hear(office, complaint):
    complaint_update(user=office.ombudsman, complaint=complaint, hearing_on=TODAY,
                     hearing_heard="Klager en consulent", hearing_report="Beiden gehoord.")


# --- variant 4 ------------------------------------------------------------------------------

def test_variant_4_receipt_opens_the_complaint_with_its_six_week_term(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    assert (complaint.kind, complaint.received_on, complaint.outcome) == ("klacht", TODAY, "")
    assert term(case).end == date(2026, 6, 1)  # 20 April + 6 weeks = 1 June
    assert "Awb 9:11 lid 1" in term(case).basis
    case.refresh_from_db()
    assert case.next_deadline_end is not None


def test_with_a_complaints_committee_the_term_at_receipt_is_ten_weeks(office):
    m = municipality(office, 4)
    m.complaints_committee = True
    m.save()
    case = register_case(office, municipality=m)
    assert Complaint.objects.get(case=case).committee
    assert term(case).end == date(2026, 6, 29)  # 20 April + 10 weeks
    assert "afdeling 9.1.3" in term(case).basis


def test_a_committee_recorded_later_moves_the_term(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint_update(user=office.ombudsman, complaint=Complaint.objects.get(case=case),
                     committee=True)
    assert term(case).end == date(2026, 6, 29)


def test_variant_4_handled_with_each_judgment(office):
    m = municipality(office, 4)
    for judgments, outcome in [(("gegrond",), "gegrond"), (("gegrond", "ongegrond"), "deels_gegrond"),
                               (("ongegrond",), "ongegrond"), (("geen_oordeel",), "geen_oordeel")]:
        case = register_case(office, municipality=m)
        complaint = Complaint.objects.get(case=case)
        move(office, case, "bevestigd")
        complaint.refresh_from_db()
        assert complaint.acknowledged_on == TODAY
        move(office, case, "hoor_wederhoor")
        hear(office, complaint)
        move(office, case, "oordeel")
        judge(office, complaint, *judgments)
        write_findings(office, complaint)
        move(office, case, "afgesloten", outcome)
        complaint.refresh_from_db()
        assert (complaint.outcome, complaint.findings_on) == (outcome, TODAY)
        assert term(case).met_on == TODAY
        assert Deadline.objects.get(case=case, kind="jaartermijn_ombudsman").end == date(2027, 4, 20)


def test_a_ruling_without_written_findings_is_refused_and_changes_nothing(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    move(office, case, "bevestigd")
    move(office, case, "hoor_wederhoor")
    hear(office, complaint)
    move(office, case, "oordeel")
    judge(office, complaint, "gegrond")
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="9:12 lid 1") as refused:
        move(office, case, "afgesloten", "gegrond")
    assert refused.value.code == "findings_required"
    assert snapshot(case) == before


def test_a_ruling_must_be_the_judgment_of_the_elements(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    move(office, case, "bevestigd")
    move(office, case, "hoor_wederhoor")
    hear(office, complaint)
    move(office, case, "oordeel")
    write_findings(office, complaint)
    before = snapshot(case)
    with pytest.raises(InvalidTransition) as refused:
        move(office, case, "afgesloten", "gegrond")
    assert refused.value.code == "judgment_required"
    judge(office, complaint, "gegrond", "ongegrond")
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="Deels gegrond") as refused:
        move(office, case, "afgesloten", "gegrond")
    assert refused.value.code == "judgment_mismatch"
    assert snapshot(case) == before


def test_the_hearing_is_not_skipped_without_a_ground(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    move(office, case, "bevestigd")
    move(office, case, "hoor_wederhoor")
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="9:10 lid 2") as refused:
        move(office, case, "oordeel")
    assert refused.value.code == "hearing_required"
    assert snapshot(case) == before
    complaint_update(user=office.ombudsman, complaint=complaint,
                     hearing_skipped_ground="afgezien")
    move(office, case, "oordeel")
    case.refresh_from_db()
    assert case.status == "oordeel"


def test_not_handled_needs_a_ground_of_9_8(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="9:8") as refused:
        move(office, case, "afgesloten", "niet_behandeld")
    assert refused.value.code == "ground_required"
    assert snapshot(case) == before
    complaint_update(user=office.ombudsman, complaint=complaint, conduct_on=date(2024, 12, 1),
                     not_handled_ground="ouder_dan_een_jaar")
    move(office, case, "afgesloten", "niet_behandeld")
    complaint.refresh_from_db()
    assert (complaint.outcome, complaint.not_handled_notice_on) == ("niet_behandeld", TODAY)
    assert term(case, "niet_behandelen").met_on == TODAY


def test_settled_informally_needs_what_was_agreed(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    move(office, case, "bevestigd")
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="9:5"):
        move(office, case, "afgesloten", "informeel_opgelost")
    assert snapshot(case) == before
    complaint_update(user=office.ombudsman, complaint=complaint,
                     settlement="De consulent heeft excuses gemaakt en het besluit uitgelegd.")
    move(office, case, "afgesloten", "informeel_opgelost")
    complaint.refresh_from_db()
    assert (complaint.outcome, complaint.settled_on) == ("informeel_opgelost", TODAY)


def test_withdrawn_closes_the_complaint_and_its_term(office):
    case = register_case(office, municipality=municipality(office, 4))
    move(office, case, "afgesloten", "ingetrokken")
    assert Complaint.objects.get(case=case).outcome == "ingetrokken"
    assert term(case).met_on == TODAY


def test_postponed_and_delayed_with_consent(office):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    assert term(case).end == date(2026, 4, 13)
    complaint_update(user=office.ombudsman, complaint=complaint, postponed_on=date(2026, 4, 10))
    assert term(case).end == date(2026, 5, 11)  # four weeks after 13 April
    assert term(case).caveat == ""
    with pytest.raises(ValidationError) as refused:
        complaint_update(user=office.ombudsman, complaint=complaint,
                         delay_consented_until=date(2026, 6, 1))
    assert "delay_consent_on" in refused.value.message_dict
    complaint_update(user=office.ombudsman, complaint=complaint, delay_consent_on=date(2026, 4, 15),
                     delay_consented_until=date(2026, 6, 1))
    assert (term(case).end, "9:11 lid 3" in term(case).explanation) == (date(2026, 6, 1), True)


def test_a_postponement_sent_after_the_term_ended_is_flagged(office):
    with time_machine.travel(date(2026, 3, 2), tick=False):
        case = register_case(office, municipality=municipality(office, 4))
    complaint_update(user=office.ombudsman, complaint=Complaint.objects.get(case=case),
                     postponed_on=date(2026, 4, 14))
    assert "te laat (Awb 9:11 lid 2)" in term(case).caveat


def test_a_closed_complaint_changes_only_after_reopening(office):
    case = register_case(office, municipality=municipality(office, 4))
    complaint = Complaint.objects.get(case=case)
    move(office, case, "afgesloten", "ingetrokken")
    with pytest.raises(ValidationError):
        complaint_update(user=office.ombudsman, complaint=complaint, subject="Anders")
    case_reopen(user=office.ombudsman, case=case, reason="Klager trekt de intrekking in")
    complaint.refresh_from_db()
    assert complaint.outcome == ""
    assert term(case).met_on is None
    complaint_update(user=office.ombudsman, complaint=complaint, subject="Anders")


# --- variant 5 ------------------------------------------------------------------------------

def test_variant_5_conversion_opens_the_complaint_on_the_date_of_receipt(office):
    case = register_case(office, municipality=office.westerveld)
    assert not Complaint.objects.filter(case=case).exists()
    move(office, case, "intake")
    move(office, case, "klacht", on=date(2026, 4, 14))
    complaint = Complaint.objects.get(case=case)
    assert complaint.received_on == date(2026, 4, 14)
    assert term(case).end == date(2026, 5, 26)
    with pytest.raises(ValidationError):
        move(office, case, "hoor_wederhoor", on=date(2026, 4, 1))


def test_variant_5_mediation_without_a_complaint_closes_without_one(office):
    case = register_case(office, municipality=office.westerveld)
    move(office, case, "intake")
    move(office, case, "afgesloten", "advies")
    assert not Complaint.objects.filter(case=case).exists()


def test_variant_5_from_conversion_to_findings(office):
    case = register_case(office, municipality=office.westerveld)
    move(office, case, "intake")
    move(office, case, "bemiddeling")
    move(office, case, "klacht")
    complaint = Complaint.objects.get(case=case)
    move(office, case, "hoor_wederhoor")
    hear(office, complaint)
    move(office, case, "oordeel")
    judge(office, complaint, "ongegrond")
    write_findings(office, complaint)
    move(office, case, "afgesloten", "ongegrond")
    complaint.refresh_from_db()
    assert complaint.outcome == "ongegrond"


def test_a_date_in_the_future_is_refused(office):
    case = register_case(office, municipality=office.westerveld)
    move(office, case, "intake")
    with pytest.raises(ValidationError):
        move(office, case, "klacht", on=date(2026, 5, 1))
    assert not Complaint.objects.filter(case=case).exists()


# --- variant 6 ------------------------------------------------------------------------------

def test_variant_6_request_is_admissible_once_the_municipality_term_passed(office):
    case = register_case(office, municipality=municipality(office, 6))
    complaint = Complaint.objects.get(case=case)
    assert complaint.kind == "ombudsman"
    move(office, case, "toetsing")
    complaint_update(user=office.ombudsman, complaint=complaint,
                     internal_received_on=date(2026, 3, 16))  # ends 28 April (27th: Koningsdag)
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="9:24 lid 1") as refused:
        move(office, case, "onderzoek")
    assert refused.value.code == "not_admissible"
    assert snapshot(case) == before
    year = term(case, "jaartermijn_ombudsman")
    assert (year.end, year.watched, "9:24 lid 1 onder b" in year.basis) == (
        date(2027, 4, 28), True, True)
    complaint_update(user=office.ombudsman, complaint=complaint,
                     internal_received_on=date(2026, 2, 2))
    move(office, case, "onderzoek")


def test_variant_6_request_after_the_municipality_findings(office):
    case = register_case(office, municipality=municipality(office, 6))
    complaint = Complaint.objects.get(case=case)
    complaint_update(user=office.ombudsman, complaint=complaint,
                     internal_received_on=date(2026, 2, 2), internal_findings_on=date(2026, 3, 10))
    year = term(case, "jaartermijn_ombudsman")
    assert (year.end, "9:24 lid 1 onder a" in year.basis) == (date(2027, 3, 10), True)
    own = term(case)  # no statute sets our term as second line: the office's own, said so
    assert own.name == "Streeftermijn verzoek" and own.basis.startswith("werkwijze, naar Awb 9:11")
    assert term(case, "klacht_gemeente").met_on == date(2026, 3, 10)
    move(office, case, "toetsing")
    move(office, case, "onderzoek")
    hear(office, complaint)
    move(office, case, "rapport")
    judge(office, complaint, "gegrond")
    write_findings(office, complaint)
    move(office, case, "afgesloten", "gegrond")
    complaint.refresh_from_db()
    assert complaint.outcome == "gegrond"
    assert not term(case, "jaartermijn_ombudsman").watched


def test_variant_6_inadmissible_needs_its_ground(office):
    case = register_case(office, municipality=municipality(office, 6))
    complaint = Complaint.objects.get(case=case)
    move(office, case, "toetsing")
    before = snapshot(case)
    with pytest.raises(InvalidTransition, match="9:20"):
        move(office, case, "afgesloten", "niet_ontvankelijk")
    assert snapshot(case) == before
    complaint_update(user=office.ombudsman, complaint=complaint, inadmissible_ground="geen_klacht")
    move(office, case, "afgesloten", "niet_ontvankelijk")
    complaint.refresh_from_db()
    assert complaint.outcome == "niet_ontvankelijk"


# --- status and complaint never disagree ----------------------------------------------------

@pytest.mark.parametrize("variant", [4, 5, 6])
def test_every_path_ends_with_status_and_complaint_in_step(office, variant):
    """Walk every simple path of the variant, satisfying the law on the way; at every step a
    case in or after its complaint status has exactly one complaint, whose outcome is the
    case's outcome."""
    from ombuds.domain.variants import variant as seeded

    m = municipality(office, variant) if variant != 5 else office.westerveld
    flow = seeded(variant)
    entry = {4: "ontvangen", 5: "klacht", 6: "ontvangen"}[variant]
    for path in flow.paths():
        case = register_case(office, municipality=m)
        complained = case.status == entry
        for step in path:
            outcome = step.outcomes[0] if step.outcomes else ""
            satisfy_complaint_law(office, case, outcome)
            move(office, case, step.target, outcome)
            complained = complained or step.target == entry
            case.refresh_from_db()
            complaints = list(Complaint.objects.filter(case=case))
            assert len(complaints) == (1 if complained else 0), [t.target for t in path]
            if complaints:
                assert complaints[0].outcome == case.outcome


def test_each_move_that_records_a_date_names_it(office):
    from ombuds.cases.services import transition_date_label

    v4 = register_case(office, municipality=municipality(office, 4))
    v3 = register_case(office)
    labels = {(t.source, t.target, t.outcomes): transition_date_label(case=v4, transition=t)
              for t in v4.workflow.workflow.transitions}
    assert labels[("ontvangen", "bevestigd", ())].endswith("(Awb 9:6)")
    assert "9:8 lid 3" in labels[("ontvangen", "afgesloten", ("niet_behandeld", "ingetrokken"))]
    assert "9:5" in labels[("bevestigd", "afgesloten",
                            ("niet_behandeld", "informeel_opgelost", "ingetrokken"))]
    assert "9:12" in labels[("oordeel", "afgesloten",
                             ("gegrond", "deels_gegrond", "ongegrond", "geen_oordeel"))]
    assert labels[("bevestigd", "hoor_wederhoor", ())] == ""
    conversion = next(t for t in office.westerveld.workflow.workflow.transitions
                      if t.target == "klacht")
    assert transition_date_label(case=register_case(office, municipality=office.westerveld),
                                 transition=conversion) == "Datum van ontvangst"
    assert all(transition_date_label(case=v3, transition=t) == ""
               for t in v3.workflow.workflow.transitions)
