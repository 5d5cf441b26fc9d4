"""A variant-4 complaint from receipt to a closed ruling, entirely through the API."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from ombuds.accounts.roles import Role
from ombuds.tests.factories import MunicipalityFactory, OrganisationFactory, api_as, member, workflow

pytestmark = pytest.mark.django_db


def test_a_variant_4_complaint_runs_from_receipt_to_a_closed_ruling(office):
    m = MunicipalityFactory(office=office.office, workflow=workflow(4))
    member(office.ombudsman, m, Role.OMBUDSPERSON)
    social_services = OrganisationFactory(name="Sociaal Domein", municipalities=[m])
    client = api_as(office.ombudsman)

    with time_machine.travel(date(2026, 3, 2), tick=False):
        registered = client.post("/api/v1/cases/", {
            "municipality": m.cbs_code, "channel": "brief", "title": "Klacht over consulent",
            "story": "De consulent belde drie keer niet terug.", "urgency": "normaal",
            "person": {"name": "Fatima el Amrani"},
        }, format="json")
        assert registered.status_code == 201, registered.json()
        reference = registered.json()["reference"]
        assert registered.json()["status"] == "ontvangen"
        base = f"/api/v1/cases/{reference}"
        [complaint] = client.get(f"{base}/complaints/").json()
        item = f"{base}/complaints/{complaint['id']}/"
        assert complaint["received_on"] == "2026-03-02"
        assert {t["kind"]: t["end"] for t in complaint["deadlines"]}["afhandeling_klacht"] \
            == "2026-04-13"  # six weeks (Awb 9:11 lid 1)

    def move(to, outcome="", **extra):
        return client.post(f"{base}/transitions/", {"to": to, "outcome": outcome, **extra},
                           format="json")

    with time_machine.travel(date(2026, 3, 20), tick=False):
        [acknowledge] = [t for t in client.get(f"{base}/transitions/").json()
                         if t["to"] == "bevestigd"]
        assert acknowledge["date_label"] == "Ontvangst bevestigd op (Awb 9:6)"
        assert move("bevestigd", on="2026-03-04").status_code == 200
        assert client.patch(item, {
            "respondent_organisation": social_services.pk, "respondent_official": "de consulent",
            "conduct": "Niet teruggebeld.", "conduct_on": "2026-02-10",
            "copy_sent_on": "2026-03-05"}, format="json").status_code == 200
        assert move("hoor_wederhoor").status_code == 200
        assert move("oordeel").json()["code"] == "hearing_required"
        assert client.patch(item, {
            "hearing_invited_on": "2026-03-09", "hearing_on": "2026-03-16",
            "hearing_heard": "Klager en consulent", "hearing_report": "Beiden gehoord.",
        }, format="json").status_code == 200
        assert move("oordeel").status_code == 200
        elements = f"{item}elements/"
        for description, judgment in (("Niet teruggebeld.", "gegrond"),
                                      ("Onvriendelijk.", "ongegrond")):
            assert client.post(elements, {"description": description, "judgment": judgment,
                                          "reasons": "Zo blijkt uit het horen."},
                               format="json").status_code == 201

    with time_machine.travel(date(2026, 4, 1), tick=False):
        refused = move("afgesloten", "deels_gegrond")
        assert refused.status_code == 409 and refused.json()["code"] == "findings_required"
        assert "Awb 9:12 lid 1" in refused.json()["detail"]
        assert client.patch(item, {"findings": "De consulent belde niet terug.",
                                   "conclusions": "Deels gegrond.",
                                   "measures": "Terugbelafspraken."},
                            format="json").status_code == 200
        mismatch = move("afgesloten", "gegrond")
        assert mismatch.status_code == 409 and mismatch.json()["code"] == "judgment_mismatch"

        closed = move("afgesloten", "deels_gegrond", on="2026-03-31")

        assert closed.status_code == 200, closed.json()
        assert closed.json()["status"] == "afgesloten"
        final = client.get(item).json()
        assert (final["outcome"], final["findings_on"]) == ("deels_gegrond", "2026-03-31")
        assert final["acknowledged_on"] == "2026-03-04"
        assert final["overall_judgment"] == "deels_gegrond"
        assert final["respondent"] == "de consulent, Sociaal Domein"
        terms = {t["kind"]: t for t in final["deadlines"]}
        assert terms["afhandeling_klacht"]["met_on"] == "2026-03-31"
        assert terms["jaartermijn_ombudsman"]["end"] == "2027-03-31"  # Awb 9:24 lid 1
        after = client.patch(item, {"measures": "Anders."}, format="json")
        assert after.status_code == 409 and after.json()["code"] == "complaint_closed"
