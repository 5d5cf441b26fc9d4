"""The optional push: a case that becomes a formal complaint or objection is handed to a
configured Zaken API once, by the task worker, with retries. The Zaken API here is a real
HTTP server in the test that checks the JWT and validates each body against the published
Zaak schema (as written, so without read-only fields)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import uuid
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from openapi_schema_validator import OAS30WriteValidator

from ombuds.cases.services import case_transition
from ombuds.core.models import AuditEntry
from ombuds.interop.models import ZaakPush
from ombuds.interop.push import PushFailed, zaak_push
from ombuds.interop.tasks import push_zaak
from ombuds.interop.tests.test_zgw import RSIN, zaak_validator
from ombuds.procedures.models import Complaint
from ombuds.procedures.services import decision_create
from ombuds.tests.factories import MunicipalityFactory, member, register_case, workflow
from ombuds.tests.worker import run_worker_batch as run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECRET = "gedeeld-geheim-voor-de-test"


class ZakenApi(ThreadingHTTPServer):
    """A tiny Zaken API: POST /zaken/api/v1/zaken answers 201 with a zaak URL."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.received: list[dict] = []
        self.refusals: list[str] = []
        self.fail_next = 0
        self.validator = zaak_validator(OAS30WriteValidator)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/zaken/api/v1"


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # noqa: N802 (http.server's name)
        api: ZakenApi = self.server
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        problem = self._check(body)
        if problem:
            api.refusals.append(problem)
            return self._answer(400, {"code": "invalid", "detail": problem})
        if api.fail_next:
            api.fail_next -= 1
            return self._answer(503, {"code": "unavailable", "detail": "Onderhoud"})
        api.received.append(body)
        return self._answer(201, {**body, "url": f"{api.base}/zaken/{uuid.uuid4()}"})

    def _check(self, body: dict) -> str:
        if self.path != "/zaken/api/v1/zaken":
            return f"path {self.path}"
        if self.headers.get("Content-Crs") != "EPSG:4326":
            return "Content-Crs missing"
        token = self.headers.get("Authorization", "").removeprefix("Bearer ")
        signing_input, _, signature = token.rpartition(".")
        expected = base64.urlsafe_b64encode(hmac.new(
            SECRET.encode(), signing_input.encode(), hashlib.sha256).digest()).rstrip(b"=")
        if not hmac.compare_digest(expected.decode(), signature):
            return "bad JWT signature"
        payload = json.loads(base64.urlsafe_b64decode(signing_input.split(".")[1] + "=="))
        if payload["client_id"] != "ombuds-test":
            return "unknown client"
        errors = sorted(e.message for e in self.server.validator.iter_errors(body))
        return "; ".join(errors)


@pytest.fixture
def zaken_api(settings):
    server = ZakenApi()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.ZGW_ZAKEN_API_URL = server.base
    settings.ZGW_CLIENT_ID, settings.ZGW_SECRET, settings.ZGW_RSIN = "ombuds-test", SECRET, RSIN
    yield server
    server.shutdown()
    server.server_close()




def pushes_queued() -> int:
    return DBTaskResult.objects.filter(task_path="ombuds.interop.tasks.push_zaak").count()


def convert_into_a_complaint(office, case) -> None:
    """Variant 5: the conversation turns into a formal complaint; the workflow opens it."""
    for target in ("intake", "klacht"):
        case_transition(user=office.ombudsman, case=case, target=target)


def test_a_formal_complaint_hands_the_case_over_once(office, zaken_api):
    case = register_case(office, municipality=office.westerveld)
    case_transition(user=office.ombudsman, case=case, target="intake")
    assert pushes_queued() == 0, "an ordinary intake is not handed over"
    case_transition(user=office.ombudsman, case=case, target="klacht")
    assert Complaint.objects.filter(case=case).count() == 1
    assert pushes_queued() >= 1
    run_worker()
    assert zaken_api.refusals == []
    assert [z["identificatie"] for z in zaken_api.received] == [case.reference]
    push = ZaakPush.objects.get(case=case)
    assert push.zaak_url.startswith(zaken_api.base + "/zaken/") and push.attempts == 1
    assert AuditEntry.objects.filter(event="case.pushed_zgw", object_id=str(case.pk)).exists()

    # More formal steps on the same case: queued again, but the zaak is not created twice.
    queued = pushes_queued()
    decision_create(user=office.ombudsman, case=case, subject="Vervoer geweigerd",
                    made_known_on=date(2026, 1, 5), objection_filed_on=date(2026, 1, 20))
    assert pushes_queued() == queued + 1
    run_worker()
    assert len(zaken_api.received) == 1
    zaak = client_zaak(office, case)
    assert zaak["url"] == push.zaak_url, "the API shows the zaak URL it got"


def test_a_complaint_received_in_variant_4_is_handed_over_at_registration(office, zaken_api):
    from ombuds.accounts.roles import Role

    complaints_only = MunicipalityFactory(office=office.office, workflow=workflow(4))
    member(office.ombudsman, complaints_only, Role.OMBUDSPERSON)
    case = register_case(office, municipality=complaints_only, user=office.ombudsman)
    assert Complaint.objects.get(case=case).received_on == timezone.localdate()
    assert pushes_queued() == 1
    run_worker()
    assert [z["identificatie"] for z in zaken_api.received] == [case.reference]


def client_zaak(office, case) -> dict:
    from django.test import Client

    client = Client()
    client.force_login(office.ombudsman_westerveld)
    response = client.get(f"/api/v1/cases/{case.reference}/zgw/")
    zaak_validator().validate(response.json())
    return response.json()


def test_a_refused_push_is_retried_later(office, zaken_api):
    case = register_case(office, municipality=office.westerveld)
    zaken_api.fail_next = 1
    with pytest.raises(PushFailed, match="HTTP 503"):
        push_zaak.call(case_id=case.pk)
    push = ZaakPush.objects.get(case=case)
    assert (push.attempts, push.zaak_url) == (1, "")
    retry = DBTaskResult.objects.get(task_path="ombuds.interop.tasks.push_zaak")
    assert retry.run_after > timezone.now(), "the next attempt waits"
    assert zaak_push(case_id=case.pk).zaak_url
    assert ZaakPush.objects.get(case=case).attempts == 2
    assert len(zaken_api.received) == 1


def test_without_a_zaken_api_nothing_is_queued(office, settings):
    settings.ZGW_ZAKEN_API_URL = ""
    case = register_case(office, municipality=office.westerveld)
    convert_into_a_complaint(office, case)
    assert Complaint.objects.filter(case=case).exists()
    assert pushes_queued() == 0
