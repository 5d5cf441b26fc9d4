"""The whole intake-to-closure flow through /api/v1/, as the secretariat and the ombudsperson
do it on the pages (the Playwright test does the same in the browser)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ombuds.cases.tests.test_api_timeline import PDF
from ombuds.tests.factories import api_as

pytestmark = pytest.mark.django_db


def test_secretariat_registers_and_assigns_and_the_ombudsperson_closes_the_case(office):
    secretariat, ombudsperson = api_as(office.secretariaat), api_as(office.ombudsman)

    # The secretariat registers a phone intake…
    registered = secretariat.post("/api/v1/cases/", {
        "municipality": "GM1708", "channel": "telefoon",
        "title": "Geen reactie op aanvraag huishoudelijke hulp",
        "story": "Ik heb in maart hulp aangevraagd en nooit meer iets gehoord.",
        "wish": "Dat iemand mij terugbelt.", "domains": ["wmo"], "themes": [office.theme.pk],
        "person": {"name": "Gerrit Mulder", "phone": "0521-123456",
                   "preferred_channel": "telefoon"},
        "representative": None,
    }, format="json")
    assert registered.status_code == 201, registered.json()
    reference = registered.json()["reference"]

    # …finds it among the new cases and opens it…
    queue = secretariat.get("/api/v1/cases/?view=nieuw").json()["results"]
    assert reference in [c["reference"] for c in queue]
    opened = secretariat.get(f"/api/v1/cases/{reference}/")
    assert opened.status_code == 200 and opened.json()["person"]["name"] == "Gerrit Mulder"

    # …adds the letter the resident brought in…
    entry = secretariat.post(f"/api/v1/cases/{reference}/timeline/", {
        "kind": "document", "summary": "Aanvraagformulier ontvangen",
        "files": [SimpleUploadedFile("aanvraag.pdf", PDF, content_type="application/pdf")],
    }, format="multipart")
    assert entry.status_code == 201, entry.json()
    assert entry.json()["attachments"][0]["name"] == "aanvraag.pdf"

    # …and hands the case to the ombudsperson.
    assigned = secretariat.post(f"/api/v1/cases/{reference}/assign/",
                                {"assignee": "ombudsman"}, format="json")
    assert assigned.status_code == 200 and assigned.json()["assignee"] == "ombudsman"

    # The ombudsperson finds it in their own list and walks it to closure.
    mine = ombudsperson.get("/api/v1/cases/?view=mijn").json()["results"]
    assert [c["reference"] for c in mine] == [reference]
    download = ombudsperson.get(entry.json()["attachments"][0]["download_url"])
    assert download.status_code == 200
    while True:
        moves = ombudsperson.get(f"/api/v1/cases/{reference}/transitions/").json()
        closing = next((m for m in moves if m["closes"] and
                        "opgelost" in [o["code"] for o in m["outcomes"]]), None)
        if closing is not None:
            break
        forward = next(m for m in moves if not m["closes"])
        assert ombudsperson.post(f"/api/v1/cases/{reference}/transitions/",
                                 {"to": forward["to"]}, format="json").status_code == 200
    closed = ombudsperson.post(f"/api/v1/cases/{reference}/transitions/",
                               {"to": closing["to"], "outcome": "opgelost",
                                "note": "Hulp start volgende week."}, format="json")
    assert closed.status_code == 200
    assert closed.json()["status"] == "afgesloten" and closed.json()["outcome"] == "opgelost"

    timeline = ombudsperson.get(f"/api/v1/cases/{reference}/timeline/").json()
    kinds = [e["kind"] for e in reversed(timeline)]
    assert kinds[:3] == ["status", "document", "toewijzing"] and kinds[-1] == "status"
    assert ombudsperson.get("/api/v1/cases/?view=mijn").json()["count"] == 0
