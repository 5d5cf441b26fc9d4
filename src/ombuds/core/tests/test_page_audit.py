"""The audit log search for the beheerder: who looked at this case?"""

import pytest
from django.urls import reverse

from ombuds.cases.selectors import access_case
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import AuditEntry
from ombuds.tests.factories import register_case

URL = reverse("core:audit")


@pytest.fixture
def looked_at(office):
    case = register_case(office)
    access_case(office.ombudsman, case.reference)
    access_case(office.coordinator, case.reference)
    other = register_case(office, municipality=office.westerveld, user=office.ombudsman_westerveld)
    return case, other


def test_a_search_by_reference_lists_every_reader_of_the_case(client, office, looked_at):
    case, other = looked_at
    client.force_login(office.beheer)
    response = client.get(URL, {"reference": case.reference, "event": "case.viewed"})
    html = response.content.decode()
    assert response.status_code == 200
    rows = response.context["page"].object_list
    assert {e.username for e in rows} == {"ombudsman", "coordinator"}
    assert all(e.object_label == case.reference for e in rows)
    assert other.reference not in html


def test_the_table_shows_the_nen_7513_fields(client, office, looked_at):
    case, _ = looked_at
    client.force_login(office.beheer)
    html = client.get(URL, {"reference": case.reference}).content.decode()
    for header in ("Tijdstip", "Gebruiker", "Rol", "Actie", "Gebeurtenis", "Object",
                   "Persoon-id", "Gemeente", "Herkomst", "Grondslag"):
        assert f'<th scope="col" class="utrecht-table__header-cell">{header}</th>' in html
    assert "GM1708" in html
    assert "lidmaatschap ombudsfunctionaris GM1708" in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"username": "coordinator"}, {"coordinator"}),
        ({"action": "C"}, {"ombudsman", "ombudsman-westerveld"}),
        ({"event": "case.viewed"}, {"ombudsman", "coordinator"}),
    ],
)
def test_it_filters_by_user_action_and_event(client, office, looked_at, params, expected):
    client.force_login(office.beheer)
    rows = client.get(URL, params).context["page"].object_list
    assert {e.username for e in rows} == expected


def test_it_filters_by_person_id(client, office, looked_at):
    case, other = looked_at
    client.force_login(office.beheer)
    rows = client.get(URL, {"person_id": case.person_id}).context["page"].object_list
    assert rows and {e.person_id for e in rows} == {case.person_id}


def test_it_filters_by_date_range(client, office, looked_at):
    client.force_login(office.beheer)
    assert client.get(URL, {"date_to": "2000-01-01"}).context["page"].paginator.count == 0
    assert client.get(URL, {"date_from": "2000-01-01"}).context["page"].paginator.count > 0


def test_a_date_range_the_wrong_way_round_shows_an_error_summary(client, office):
    client.force_login(office.beheer)
    html = client.get(URL, {"date_from": "2026-02-01", "date_to": "2026-01-01"}).content.decode()
    assert "De einddatum ligt voor de begindatum." in html
    assert 'href="#id_date_to"' in html


def test_a_beheerder_sees_only_entries_of_their_municipalities(client, office, looked_at):
    from ombuds.accounts.roles import Role
    from ombuds.tests.factories import UserFactory, member

    _, other = looked_at
    stw_admin = member(UserFactory(username="beheer-stw", is_staff=True),
                       office.steenwijkerland, Role.ADMIN)
    audit_log(user=office.beheer, action=Action.EXECUTE, event="audit.searched")
    client.force_login(stw_admin)
    rows = list(client.get(URL).context["page"].paginator.object_list)
    codes = {e.municipality_code for e in rows}
    assert codes <= {"GM1708", ""}
    assert not any(e.object_label == other.reference for e in rows)
    # entries without a municipality: only their own
    assert {e.username for e in rows if not e.municipality_code} <= {"beheer-stw"}


def test_viewing_the_audit_log_is_itself_audited(client, office, looked_at):
    client.force_login(office.beheer)
    client.get(URL, {"reference": "STW-2026-0001"})
    entry = AuditEntry.objects.filter(event="audit.searched").latest("id")
    assert entry.username == "beheer"
    assert entry.action == "E"
    assert entry.role == "beheerder"
    assert entry.details["reference"] == "STW-2026-0001"


def test_the_result_exports_as_csv_and_the_export_is_audited(client, office, looked_at):
    case, _ = looked_at
    client.force_login(office.beheer)
    response = client.get(reverse("core:audit_export"), {"reference": case.reference})
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = body.strip().splitlines()
    assert lines[0].startswith("tijdstip;gebruiker;rol;")
    assert len(lines) - 1 == AuditEntry.objects.filter(object_label=case.reference).count()
    exported = AuditEntry.objects.filter(event="audit.exported").latest("id")
    assert exported.action == "E" and exported.username == "beheer"


def test_the_results_are_paginated(client, office):
    for _ in range(55):
        audit_log(user=office.beheer, action=Action.EXECUTE, event="test.filler")
    client.force_login(office.beheer)
    response = client.get(URL, {"event": "test.filler"})
    assert len(response.context["page"].object_list) == 50
    assert "Volgende pagina" in response.content.decode()
    second = client.get(URL, {"event": "test.filler", "pagina": 2})
    assert len(second.context["page"].object_list) == 5


@pytest.mark.parametrize("username", ["ombudsman", "secretariaat", "coordinator", "beleid",
                                      "ombudsman-westerveld"])
def test_every_other_role_is_refused(client, office, username, looked_at):
    client.force_login(office.users()[username])
    assert client.get(URL).status_code == 403
    assert client.get(reverse("core:audit_export")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))
