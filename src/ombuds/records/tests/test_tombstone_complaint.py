"""The tombstone of a destroyed complaint case keeps the complaint's own outcome, so the
register (Awb 9:12a) and the outcome table give the same figures before and after (issue 13);
the recommendations of its report go with the case."""

from __future__ import annotations

from datetime import date

import pytest

from ombuds.records.models import TombstoneComplaint
from ombuds.records.services import case_destroy
from ombuds.reports.figures import complaints_build, report_build
from ombuds.reports.periods import Period
from ombuds.reports.tests.complaint_cases import complaint_municipality, complaint_through
from ombuds.signals.models import Recommendation

pytestmark = pytest.mark.django_db


def test_the_register_is_the_same_after_the_case_is_destroyed(office):
    municipality = complaint_municipality(office, 4)
    complaint = complaint_through(office, municipality, "ongegrond", date(2026, 2, 2),
                                  date(2026, 3, 2))
    complaint_through(office, municipality, "", date(2026, 3, 3))
    period = Period.parse("2026")

    def figures():
        return (list(report_build(municipality=municipality, period=period, exact=True).rows()),
                list(complaints_build(municipality=municipality, period=period,
                                      exact=True).rows()))

    before = figures()
    case_destroy(complaint.case, rule="test", by=None, retrain_themes=False)
    kept = TombstoneComplaint.objects.get()
    assert (kept.outcome, kept.findings_on) == ("ongegrond", date(2026, 3, 2))
    assert figures() == before


def test_destroying_a_variant_6_case_takes_its_recommendations_along(office):
    municipality = complaint_municipality(office, 6)
    case = complaint_through(office, municipality, "", date(2026, 2, 2)).case
    Recommendation.objects.create(case=case, addressee="College", text="Bel terug.",
                                  due_on=date(2026, 6, 1), created_by=office.ombudsman)
    case_destroy(case, rule="test", by=None, retrain_themes=False)
    assert not Recommendation.objects.exists()
