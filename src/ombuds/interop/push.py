"""Hand a case to the municipality's Zaken API (e.g. Open Zaak) once it becomes formal.

When a case gets a formal complaint or an objection (``procedures``), or moves into the
formal complaint status of its variant, ``apps.py`` queues ``push_zaak`` after the commit.
The task POSTs the Zaak (``zgw.zaak_create_body``) to ``{OMBUDS_ZGW_ZAKEN_API_URL}/zaken``
with the JWT the ZGW APIs expect, and stores the zaak URL it gets back: a case is handed over
once (``ZaakPush``, one row per case, locked while sending). A refused or failed call is
retried with a doubling pause, ``OMBUDS_ZGW_MAX_ATTEMPTS`` times in all.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.core.audit import Action, audit_log
from ombuds.interop.models import ZaakPush
from ombuds.interop.zgw import zaak_create_body

#: Statuses of the variants that mean "this is now a formal complaint" (variant 5).
FORMAL_STATUSES = frozenset({"klacht"})
TIMEOUT = 20


def push_enabled() -> bool:
    return bool(settings.ZGW_ZAKEN_API_URL)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def zgw_jwt(*, now: int | None = None) -> str:
    """The bearer token of the ZGW API authorisation pattern: a JWT signed with HS256 by the
    shared secret, with ``iss`` and ``client_id`` the client id (VNG "Autorisaties API")."""
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {"iss": settings.ZGW_CLIENT_ID, "client_id": settings.ZGW_CLIENT_ID,
               "iat": now or int(time.time()), "user_id": "ombuds",
               "user_representation": "Ombuds"}
    signing_input = ".".join(_b64(json.dumps(part, separators=(",", ":")).encode())
                             for part in (header, payload))
    signature = hmac.new(settings.ZGW_SECRET.encode(), signing_input.encode(),
                         hashlib.sha256).digest()
    return f"{signing_input}.{_b64(signature)}"


class PushFailed(Exception):
    """The Zaken API did not accept the Zaak (yet)."""


def _post(body: dict) -> str:
    url = settings.ZGW_ZAKEN_API_URL.rstrip("/") + "/zaken"
    if not url.startswith(("https://", "http://")):
        raise PushFailed("OMBUDS_ZGW_ZAKEN_API_URL must be an http(s) URL.")
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        url, method="POST",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json",
                 "Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326",
                 "Authorization": f"Bearer {zgw_jwt()}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            answer = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        detail = error.read()[:300].decode(errors="replace")
        raise PushFailed(f"HTTP {error.code}: {detail}") from error
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise PushFailed(str(error)) from error
    if not answer.get("url"):
        raise PushFailed("The Zaken API answered without a zaak URL.")
    return answer["url"]


def zaak_push(*, case_id: int) -> ZaakPush:
    """Hand case ``case_id`` over once; raise ``PushFailed`` when the API refuses.

    The row lock on ``ZaakPush`` makes a second worker wait and then see the stored URL, so
    two queued pushes of the same case create one zaak.
    """
    ZaakPush.objects.get_or_create(case_id=case_id)
    failure = None
    with transaction.atomic():
        push = ZaakPush.objects.select_for_update().get(case_id=case_id)
        if push.zaak_url:
            return push
        case = Case.objects.select_related("municipality", "workflow").get(pk=case_id)
        push.attempts += 1
        try:
            push.zaak_url = _post(zaak_create_body(case))
        except PushFailed as error:
            failure, push.last_error = error, str(error)[:2000]
            push.save(update_fields=["attempts", "last_error"])
        else:
            push.pushed_at, push.last_error = timezone.now(), ""
            push.save(update_fields=["attempts", "zaak_url", "pushed_at", "last_error"])
            audit_log(user=None, action=Action.EXECUTE, event="case.pushed_zgw", obj=case,
                      object_label=case.reference, municipality_code=case.municipality.cbs_code,
                      details={"attempt": push.attempts})
    if failure is not None:
        raise failure  # after the commit, so the attempt is counted
    return push


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=2 ** max(0, attempts - 1))


def push_queue(case_id: int) -> None:
    """Queue the push of ``case_id`` after the current transaction commits (if configured)."""
    if not push_enabled():
        return
    from ombuds.interop.tasks import push_zaak

    transaction.on_commit(lambda: push_zaak.enqueue(case_id=case_id))
