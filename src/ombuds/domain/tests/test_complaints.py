"""The pure rules of complaint handling (Awb chapter 9) and the variant-6 term (9:24 lid 1)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombuds.domain import complaints as law
from ombuds.domain.deadlines import complaint_term, ombudsman_request_term
from ombuds.domain.workflow import InvalidTransition

D = date.fromisoformat
TODAY = D("2026-04-20")


def facts(**kwargs):
    return law.ComplaintFacts(variant=kwargs.pop("variant", 4), today=TODAY, **kwargs)


# --- 9:24 lid 1: the year to turn to the statutory ombudsman --------------------------------

@pytest.mark.parametrize("findings, end", [
    ("2026-03-10", "2027-03-10"),
    ("2026-02-28", "2027-02-28"),
    ("2028-02-29", "2029-02-28"),  # a year after 29 February
    ("2026-12-24", "2027-12-24"),  # a Friday before Christmas: no Atw for a term in years
])
def test_findings_made_known_start_the_year_the_day_after(findings, end):
    term = ombudsman_request_term(findings_on=D(findings))
    day_after = date.fromordinal(D(findings).toordinal() + 1)
    assert (term.start, term.end, term.raw_end) == (day_after, D(end), D(end))
    assert term.basis.startswith("Awb 9:24 lid 1 onder a")
    assert not term.atw_applies


@pytest.mark.parametrize("received, committee, postponed, handling_end, end", [
    ("2026-03-02", False, False, "2026-04-13", "2027-04-13"),
    ("2026-03-16", False, False, "2026-04-28", "2027-04-28"),  # 27 April: Koningsdag (Atw art. 1)
    ("2026-03-02", True, False, "2026-05-11", "2027-05-11"),   # ten weeks with a committee
    ("2026-03-02", False, True, "2026-05-11", "2027-05-11"),   # four weeks postponed
])
def test_handling_that_should_have_ended_starts_the_year_after_the_9_11_term(
        received, committee, postponed, handling_end, end):
    handling = complaint_term(D(received), committee=committee, postponed=postponed)
    assert handling.end == D(handling_end)
    term = ombudsman_request_term(complaint_received_on=D(received), committee=committee,
                                  postponed=postponed)
    assert (term.start, term.end) == (date.fromordinal(D(handling_end).toordinal() + 1), D(end))
    assert term.basis.startswith("Awb 9:24 lid 1 onder b")
    assert handling_end[-2:].lstrip("0") in term.explanation


def test_findings_take_precedence_over_the_term_that_should_have_ended():
    term = ombudsman_request_term(findings_on=D("2026-03-10"),
                                  complaint_received_on=D("2026-01-05"))
    assert term.end == D("2027-03-10")


def test_without_either_date_there_is_no_term():
    assert ombudsman_request_term() is None


@given(st.dates(min_value=date(2023, 1, 1), max_value=date(2028, 6, 1)))
def test_the_year_after_findings_never_ends_before_a_year_has_passed(day):
    term = ombudsman_request_term(findings_on=day)
    assert 365 <= (term.end - day).days <= 366


# --- 9:4 lid 2 ------------------------------------------------------------------------------

def test_missing_requirements_are_named_in_the_order_of_the_law():
    assert law.missing_requirements(signed=False, name_and_address=True, dated=False,
                                    described=False) == [
        "ondertekening", "dagtekening", "omschrijving van de gedraging"]
    assert law.missing_requirements(signed=True, name_and_address=True, dated=True,
                                    described=True) == []


# --- 9:12 lid 1: the judgment of the whole from its elements --------------------------------

@pytest.mark.parametrize("judgments, overall", [
    ((), None),
    (("gegrond", ""), None),
    (("gegrond",), "gegrond"),
    (("gegrond", "gegrond"), "gegrond"),
    (("ongegrond", "ongegrond"), "ongegrond"),
    (("gegrond", "ongegrond"), "deels_gegrond"),
    (("deels_gegrond",), "deels_gegrond"),
    (("geen_oordeel", "geen_oordeel"), "geen_oordeel"),
    (("gegrond", "geen_oordeel"), "deels_gegrond"),
    (("ongegrond", "geen_oordeel"), "ongegrond"),
])
def test_overall_judgment(judgments, overall):
    assert law.overall_judgment(judgments) == overall


# --- check_move -----------------------------------------------------------------------------

def refused(facts_, **move):
    with pytest.raises(InvalidTransition) as error:
        law.check_move(facts_, **move)
    return error.value


def test_no_ruling_without_findings_and_conclusions():
    error = refused(facts(judgments=("gegrond",)), source="oordeel", target="afgesloten",
                    outcome="gegrond")
    assert (error.code, "Awb 9:12 lid 1" in error.message) == ("findings_required", True)
    law.check_move(facts(judgments=("gegrond",), has_findings_text=True), source="oordeel",
                   target="afgesloten", outcome="gegrond")


def test_the_ruling_is_the_judgment_of_the_elements():
    error = refused(facts(judgments=("gegrond", "ongegrond"), has_findings_text=True),
                    source="oordeel", target="afgesloten", outcome="ongegrond")
    assert error.code == "judgment_mismatch"


@pytest.mark.parametrize("outcome, kwargs, article", [
    ("niet_behandeld", {"not_handled_ground": "gewicht"}, "9:8"),
    ("informeel_opgelost", {"settlement": "Excuses aangeboden."}, "9:5"),
    ("niet_ontvankelijk", {"inadmissible_ground": "te_laat"}, "9:20"),
])
def test_closing_without_a_ground_is_refused_with_its_article(outcome, kwargs, article):
    error = refused(facts(variant=6 if outcome == "niet_ontvankelijk" else 4),
                    source="bevestigd", target="afgesloten", outcome=outcome)
    assert article in error.message
    law.check_move(facts(variant=6 if outcome == "niet_ontvankelijk" else 4, **kwargs),
                   source="bevestigd", target="afgesloten", outcome=outcome)


def test_leaving_the_hearing_needs_the_hearing_and_its_report_or_a_ground():
    error = refused(facts(hearing_on=TODAY), source="hoor_wederhoor", target="oordeel")
    assert (error.code, "9:10 lid 2" in error.message) == ("hearing_required", True)
    law.check_move(facts(hearing_on=TODAY, has_hearing_report=True), source="hoor_wederhoor",
                   target="oordeel")
    law.check_move(facts(hearing_skipped_ground="kennelijk_ongegrond"),
                   source="hoor_wederhoor", target="oordeel")
    # Withdrawal from the hearing stage is always possible.
    law.check_move(facts(), source="hoor_wederhoor", target="afgesloten", outcome="ingetrokken")


def test_variant_6_investigates_only_an_admissible_request():
    error = refused(facts(variant=6), source="toetsing", target="onderzoek")
    assert (error.code, "9:24 lid 1" in error.message) == ("not_admissible", True)
    refused(facts(variant=6, internal_term_end=TODAY), source="toetsing", target="onderzoek")
    law.check_move(facts(variant=6, internal_term_end=D("2026-04-17")), source="toetsing",
                   target="onderzoek")
    law.check_move(facts(variant=6, internal_findings_on=D("2026-04-01")), source="toetsing",
                   target="onderzoek")


def test_grounds_cite_their_articles():
    for grounds in (law.NOT_HANDLED_GROUNDS, law.HEARING_SKIP_GROUNDS, law.INADMISSIBLE_GROUNDS):
        for article, description in grounds.values():
            assert article.startswith("Awb ") and description == description.strip()
    assert len(law.NORMS) == 16
