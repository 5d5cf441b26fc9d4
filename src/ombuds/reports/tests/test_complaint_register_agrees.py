"""Issue 13, done-when 4: the complaint register (Awb 9:12a) and the outcome table of the
same report give the same totals, exact and after disclosure control, because both count the
outcome the workflow sets when it closes the case."""

from __future__ import annotations

from datetime import date

import pytest

from ombuds.domain.variants import variant as seeded
from ombuds.reports.figures import REGISTER_WAYS, STILL_OPEN, TOTAL, report_build
from ombuds.reports.periods import Period
from ombuds.reports.tests.complaint_cases import complaint_municipality, complaint_through

pytestmark = pytest.mark.django_db

YEAR = Period.parse("2026")
#: Every way a complaint ends, and how many: enough that disclosure control shows some
#: figures (12 withdrawn) and hides the others.
ENDINGS = {"gegrond": 5, "deels_gegrond": 1, "ongegrond": 1, "geen_oordeel": 1,
           "niet_behandeld": 1, "informeel_opgelost": 1, "ingetrokken": 12}


def received_and_closed_in_2026(office, variant: int):
    municipality = complaint_municipality(office, variant)
    day = 0
    for outcome, n in ENDINGS.items():
        for _ in range(n):
            day += 1
            received = date(2026, 1, 1 + day % 28)
            complaint_through(office, municipality, outcome, received, date(2026, 3, 2 + day % 20))
    complaint_through(office, municipality, "", date(2026, 5, 4))  # still being handled
    return municipality


def values(report, key):
    return {row.category: row.value for row in report.table(key).rows if row.measure == "count"}


@pytest.mark.parametrize("variant", [4, 5])
@pytest.mark.parametrize("exact", [True, False])
def test_the_register_and_the_outcome_table_give_the_same_totals(office, variant, exact):
    municipality = received_and_closed_in_2026(office, variant)
    report = report_build(municipality=municipality, period=YEAR, exact=exact)
    shown = {t.key for t in report.tables}
    if not exact and "complaint_register" not in shown:
        # Where disclosure control leaves one table out, it leaves the other out too: the
        # register is tied to the outcome table cell by cell (variant 5 here, where the
        # mediation outcomes of 0 pin too much for the 12 withdrawals to be shown).
        assert "outcome" not in shown
        assert sum(s.startswith(("‘Afgesloten zaken per uitkomst’", "‘Klachten ontvangen"))
                   for s in report.omitted) >= 2
        return
    register, outcomes = values(report, "complaint_register"), values(report, "outcome")
    labels = {o.code: o.label for o in seeded(variant).outcomes}
    for code in ENDINGS:
        assert register[REGISTER_WAYS[code]] == outcomes[labels[code]], code
    assert register[TOTAL] == outcomes[TOTAL]
    if exact:
        assert [register[REGISTER_WAYS[code]] for code in ENDINGS] == list(ENDINGS.values())
        assert register[TOTAL] == sum(ENDINGS.values())
        assert values(report, "complaint_open") == {STILL_OPEN: 1}
        assert values(report, "complaints")["Klacht (Awb titel 9.1)"] == sum(ENDINGS.values()) + 1
    else:
        # Hidden in both tables or shown in both (above), never a count from 1 to 9.
        assert register[REGISTER_WAYS["ingetrokken"]] in (12, "x")
        assert register[REGISTER_WAYS["gegrond"]] == "<10"
        assert not [v for v in register.values() if isinstance(v, int) and v < 10]


def test_a_complaint_closed_in_the_next_year_is_counted_where_it_belongs(office):
    """Received in 2026 and closed in 2027: the register of 2026 has it as still open then
    ended; the outcome tables count it in 2027 only. The report says so in the note."""
    municipality = complaint_municipality(office, 4)
    complaint_through(office, municipality, "ingetrokken", date(2026, 12, 20), date(2027, 1, 5))
    report = report_build(municipality=municipality, period=YEAR, exact=True)
    assert values(report, "complaint_register")[TOTAL] == 1
    assert set(values(report, "outcome").values()) == {0}  # every way of ending, none in 2026
    assert "ontvangen én afgesloten" in report.table("complaint_register").note
    published = report_build(municipality=municipality, period=YEAR)
    # One complaint: nothing of the register can be shown, so it is left out with a sentence.
    assert "complaint_register" not in {t.key for t in published.tables}
    assert any(s.startswith("‘Klachten ontvangen in de periode en afgehandeld")
               for s in published.omitted)


def test_a_municipality_without_complaint_handling_has_no_register(office):
    report = report_build(municipality=office.steenwijkerland, period=YEAR, exact=True)
    assert not {"complaints", "complaint_register", "complaint_open"} & {
        t.key for t in report.tables}
