"""No personal data in addresses, request logs, error pages or e-mail subjects (issue 7)."""

from __future__ import annotations

import io
import logging

import pytest
import requests
from django.core.management import call_command
from django.core.servers.basehttp import WSGIRequestHandler
from django.db import connections
from django.test import Client
from django.test.testcases import LiveServerTestCase, LiveServerThread
from django.urls import path

from ombuds.cases.models import Person
from ombuds.config.urls import urlpatterns as ombuds_urlpatterns
from ombuds.core.models import OutboxMessage
from ombuds.tests.factories import register_case

NAME = "Zwiers-Hoogland"


class LoggingLiveServerThread(LiveServerThread):
    """A live server that logs every request line like ``runserver`` and most web servers'
    access logs do (``"GET /path?query HTTP/1.1" 200``), through the ``django.server`` logger."""

    def _create_server(self, connections_override=None):
        return self.server_class((self.host, self.port), WSGIRequestHandler,
                                 allow_reuse_address=False,
                                 connections_override=connections_override)


@pytest.fixture
def logging_server(settings):
    """Needs ``django_db(transaction=True, serialized_rollback=True)`` on the test: the server
    thread sees committed data only, and the serialized rollback leaves the content types as
    the later serialized-rollback tests expect them."""
    # Plain HTTP here, so the cookies may not be Secure-only.
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    shared = {}
    for conn in connections.all():
        if conn.vendor == "sqlite" and conn.is_in_memory_db():
            shared[conn.alias] = conn
            conn.inc_thread_sharing()
    server = LoggingLiveServerThread("localhost", LiveServerTestCase.static_handler,
                                     connections_override=shared)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://localhost:{server.port}"
    server.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_search_for_a_name_leaves_no_trace_in_addresses_or_the_request_log(
        logging_server, office, caplog):
    case = register_case(office, name=f"Geertje {NAME}",
                         story=f"Mevrouw {NAME} wacht al maanden op haar traplift.")
    client = Client()
    client.force_login(office.ombudsman)
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value)
    with caplog.at_level(logging.INFO, logger="django.server"):
        form = browser.get(f"{logging_server}/werk/zaken/", timeout=10)
        token = browser.cookies["csrftoken"]
        result = browser.post(f"{logging_server}/werk/zaken/", timeout=10, data={
            "csrfmiddlewaretoken": token, "view": "alle", "q": NAME})
        following = browser.get(result.url + "&page=1", timeout=10)
    assert form.status_code == result.status_code == following.status_code == 200
    assert case.reference in result.text and f'value="{NAME}"' in result.text  # it was found
    addresses = [r.url for r in (form, *result.history, result, following)]
    assert "zoek=" in result.url
    assert not [a for a in addresses if NAME.lower() in a.lower() or "Zwiers" in a]
    request_lines = [r.getMessage() for r in caplog.records if r.name == "django.server"]
    assert any('"POST /werk/zaken/ HTTP/1.1" 302' in line for line in request_lines), request_lines
    assert any("GET /werk/zaken/?view=alle&zoek=" in line for line in request_lines)
    everything = "\n".join(record.getMessage() for record in caplog.records)
    assert "Zwiers" not in everything and "q=" not in everything


def test_an_old_address_with_a_search_text_is_moved_to_a_clean_one(client, office):
    register_case(office, story=f"Mevrouw {NAME} belde.")
    client.force_login(office.ombudsman)
    response = client.get("/werk/zaken/", {"q": NAME, "view": "alle"})
    assert response.status_code == 302
    assert "Zwiers" not in response["Location"] and "zoek=" in response["Location"]
    page = client.get(response["Location"])
    assert len(page.context["page"].object_list) == 1


def test_a_search_id_of_another_session_finds_nothing(client, office):
    register_case(office, story=f"Mevrouw {NAME} belde.")
    other = Client()
    other.force_login(office.coordinator)
    location = other.post("/werk/zaken/", {"q": NAME, "view": "alle"})["Location"]
    client.force_login(office.ombudsman)
    page = client.get(location)
    assert "Deze zoekopdracht is verlopen" in page.content.decode()
    assert page.context["form"]["q"].value() in ("", None)


def test_a_saved_filter_with_a_search_text_links_by_its_id(client, office):
    wanted = register_case(office, story=f"Mevrouw {NAME} belde.")
    register_case(office)
    client.force_login(office.ombudsman)
    client.post("/werk/zaken/filters/", {"name": "Mevrouw", "query": f"view=alle&q={NAME}"})
    html = client.get("/werk/zaken/").content.decode()
    assert "Zwiers" not in html.split('id="saved-title"')[1].split("<form")[0]
    from ombuds.cases.models import SavedFilter

    saved = SavedFilter.objects.get()
    page = client.get(f"/werk/zaken/?view=alle&bewaard={saved.pk}")
    assert [c.reference for c in page.context["page"].object_list] == [wanted.reference]


# --- error pages -------------------------------------------------------------------------

def boom(request):
    raise RuntimeError(f"Database said: duplicate key for resident {NAME}, BSN 123456782")


urlpatterns = [path("boom/", boom), *ombuds_urlpatterns]


@pytest.mark.urls(__name__)
def test_a_server_error_in_production_shows_no_personal_data(db, settings, caplog):
    assert settings.DEBUG is False
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/boom/", {"naam": NAME})
    html = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in html
    for secret in (NAME, "123456782", "duplicate key", "Traceback", "naam="):
        assert secret not in html
    # The request log line names the path, never the query string.
    messages = [r.getMessage() for r in caplog.records if r.name == "django.request"]
    assert messages == ["Internal Server Error: /boom/"]


def test_bad_requests_and_expired_forms_get_plain_dutch_pages(db, office):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office.ombudsman)
    response = client.post("/werk/zaken/", {"q": NAME})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Formulier verlopen" in html and NAME not in html and "CSRF" not in html
    response = Client().get("/", headers={"host": f"{NAME}.example"})
    assert response.status_code == 400
    assert "Verzoek niet begrepen" in response.content.decode()
    assert NAME not in response.content.decode()


# --- e-mail ----------------------------------------------------------------------------------

def test_no_e_mail_subject_of_the_demo_names_a_person_or_a_contact(db, settings):
    """The demo runs every flow that e-mails (partner requests, signals, surveys, letters,
    reminders) through the services; no subject carries a name or an address."""
    settings.DEMO_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    subjects = list(OutboxMessage.objects.values_list("subject", flat=True))
    assert subjects, "the demo sent no e-mail"
    names = set()
    for person in Person.objects.all():
        names |= {part for part in person.name.split() if len(part) > 3}
        if person.email:
            names.add(person.email)
    for subject in subjects:
        for name in names:
            assert name not in subject, f"'{name}' in e-mail subject '{subject}'"
