"""The responsible organisation answers a signal through a private link, without an account.

As with partner links (``mediation.partner``): the token is only in the link sent out; the
database keeps its SHA-256 (``SignalLink.token_hash``). The link expires, can be revoked,
and takes one answer. A signal holds no personal data, and the page shows only the signal
itself: title, description, domain and theme, how many cases it rests on, and its
recommendations — never a case reference, a name or a story. Every access is audited.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from ombuds.core.audit import Action, audit_log
from ombuds.core.outbox import outbox_enqueue
from ombuds.domain.signals import ANSWERABLE, SignalState
from ombuds.signals import selectors
from ombuds.signals.models import SignalLink
from ombuds.signals.services import apply_move, locked_signal

MAX_VALID_DAYS = 90


class LinkState:
    OPEN = "open"
    ANSWERED = "beantwoord"
    EXPIRED = "verlopen"
    REVOKED = "ingetrokken"


STATE_LABELS = {LinkState.OPEN: "Open", LinkState.ANSWERED: "Beantwoord",
                LinkState.EXPIRED: "Verlopen", LinkState.REVOKED: "Ingetrokken"}


class LinkNotFound(Http404):
    """No link has this token."""


class LinkGone(Exception):
    """The link exists but no longer works: revoked, expired or already answered."""

    def __init__(self, link: SignalLink, state: str):
        super().__init__(state)
        self.link, self.state = link, state


class AlreadyAnswered(ValidationError):
    pass


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """Return a fresh random token and its hash."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def link_state(link: SignalLink, now: datetime | None = None) -> str:
    """Return the state of ``link``. A link also stops once its signal no longer waits for
    an answer: answered some other way (answered), or withdrawn and closed (revoked)."""
    now = now or timezone.now()
    if link.revoked_at is not None:
        return LinkState.REVOKED
    if link.answered_at is not None:
        return LinkState.ANSWERED
    if link.signal.status == SignalState.CLOSED and link.signal.answered_on is None:
        return LinkState.REVOKED
    if link.signal.status not in ANSWERABLE:
        return LinkState.ANSWERED
    if link.expires_at <= now:
        return LinkState.EXPIRED
    return LinkState.OPEN


def signal_link_url(token: str, base_url: str | None = None) -> str:
    base = (base_url or settings.BASE_URL).rstrip("/")
    return f"{base}/signaal/{token}/"


# --- What the organisation sees -------------------------------------------------------


@dataclass(frozen=True)
class RecommendationView:
    addressee: str
    text: str
    due_on: date


@dataclass(frozen=True)
class SignalRequest:
    """The signal as the organisation sees it: the same for the page and any API."""

    link: SignalLink
    title: str
    description: str
    domain: str
    theme: str
    organisation: str
    municipality: str
    case_count: int
    recommendations: list[RecommendationView]
    question: str
    expires_at: datetime
    ombudsperson: str
    office_name: str
    office_email: str
    office_phone: str


def signal_request(link: SignalLink) -> SignalRequest:
    """Return what the organisation of ``link`` sees: the signal, never a case or person."""
    signal = link.signal
    office = signal.municipality.office
    return SignalRequest(
        link=link, title=signal.title, description=signal.description,
        domain=signal.domain.name if signal.domain_id else "",
        theme=signal.theme.name if signal.theme_id else "",
        organisation=signal.organisation.name, municipality=signal.municipality.name,
        case_count=signal.cases.count(),
        recommendations=[RecommendationView(r.addressee, r.text, r.due_on)
                         for r in signal.recommendations.order_by("due_on", "id")],
        question=link.question, expires_at=link.expires_at,
        ombudsperson=link.created_by.display_name, office_name=office.name,
        office_email=office.email, office_phone=office.phone,
    )


def audit_link_access(*, link: SignalLink, event: str, action: str,
                      details: dict | None = None):
    """Log an access by the organisation of ``link`` (no user: the link is the credential)."""
    signal = link.signal
    return audit_log(
        user=None, action=action, event=event, obj=signal, object_label=f"signaal {signal.pk}",
        municipality_code=signal.municipality.cbs_code, role="organisatie",
        on_behalf_of=f"organisatie {signal.organisation_id}",
        authorisation=f"signaallink {link.pk}",
        details={"link": link.pk, "organisation": signal.organisation_id, **(details or {})},
    )


def signal_request_view(link: SignalLink, *, channel: str = "web") -> SignalRequest:
    """Return the signal for its organisation and log the access (``signal_link.viewed``)."""
    with transaction.atomic():
        request = signal_request(link)
        audit_link_access(link=link, event="signal_link.viewed", action=Action.READ,
                          details={"via": channel})
    return request


# --- Finding a link ---------------------------------------------------------------------


def _links():
    return SignalLink.objects.select_related(
        "signal__municipality__office", "signal__organisation", "signal__theme",
        "signal__domain", "created_by")


def _open(link: SignalLink) -> SignalLink:
    state = link_state(link)
    if state != LinkState.OPEN:
        raise LinkGone(link, state)
    return link


def signal_link_by_token(token: str) -> SignalLink:
    """Return the open link with ``token``; raise ``LinkNotFound`` or ``LinkGone``."""
    link = _links().filter(token_hash=token_hash(token)).first()
    if link is None:
        raise LinkNotFound("Onbekende link.")
    return _open(link)


def signal_link_by_id(link_id: int) -> SignalLink:
    """Return the open link ``link_id`` (after the token was checked in this session)."""
    link = _links().filter(pk=link_id).first()
    if link is None:
        raise LinkNotFound("Onbekende link.")
    return _open(link)


# --- Services ---------------------------------------------------------------------------


def signal_link_create(*, user, signal, email: str = "", question: str = "",
                       valid_days: int = 28,
                       base_url: str | None = None) -> tuple[SignalLink, str]:
    """Create a link for the signal's organisation, e-mail it and return it with its token
    (shown once; only its hash is stored). A signal not yet shared counts as shared now."""
    if not selectors.may_edit(user, signal):
        raise PermissionDenied("U mag dit signaal niet delen.")
    email = (email or signal.organisation.email).strip()
    errors = {}
    if signal.status not in ANSWERABLE:
        errors["__all__"] = ("Dit signaal wacht niet (meer) op een antwoord; u kunt geen "
                             "link meer versturen.")
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        errors["valid_days"] = f"Kies een geldigheid van 1 tot en met {MAX_VALID_DAYS} dagen."
    if errors:
        raise ValidationError(errors)
    token, hashed = new_token()
    url = signal_link_url(token, base_url)
    with transaction.atomic():
        locked = locked_signal(signal)
        link = SignalLink.objects.create(
            signal=locked, email=email, question=question.strip(), token_hash=hashed,
            expires_at=timezone.now() + timedelta(days=valid_days), created_by=user)
        if locked.status == SignalState.RAISED:
            apply_move(signal=locked, target=SignalState.SHARED, on=timezone.localdate())
            selectors.audit_signal(user=user, signal=locked, action=Action.UPDATE,
                                   event="signal.transitioned",
                                   details={"from": SignalState.RAISED,
                                            "to": SignalState.SHARED, "link": link.pk})
        if email:
            office = locked.municipality.office
            outbox_enqueue(
                to=email, subject=f"Signaal van de sociale ombudsfunctie ({office.name})",
                body=render_to_string("signals/email/request.txt", {
                    "link": link, "url": url, "signal": locked, "office": office,
                    "sender": user}))
        selectors.audit_signal(user=user, signal=locked, action=Action.CREATE,
                               event="signal_link.created",
                               details={"link": link.pk, "emailed": bool(email)})
    signal.status, signal.shared_on = locked.status, locked.shared_on
    link.signal = locked
    return link, token


def signal_link_revoke(*, user, signal, link: SignalLink) -> SignalLink:
    """Stop ``link`` at once; the organisation then sees a polite page."""
    if not selectors.may_edit(user, signal):
        raise PermissionDenied("U mag links van dit signaal niet intrekken.")
    if link.signal_id != signal.pk:
        raise ValidationError("Deze link hoort niet bij dit signaal.")
    with transaction.atomic():
        SignalLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now())
        link.refresh_from_db(fields=["revoked_at"])
        selectors.audit_signal(user=user, signal=signal, action=Action.UPDATE,
                               event="signal_link.revoked", details={"link": link.pk})
    return link


def signal_answer_submit(*, link: SignalLink, text: str, channel: str = "web"):
    """Store the organisation's answer on the signal and move it to answered (one answer per
    link). The ombudsperson who sent the link gets an e-mail."""
    if not text.strip():
        raise ValidationError({"text": "Schrijf uw antwoord."})
    with transaction.atomic():
        now = timezone.now()
        claimed = SignalLink.objects.filter(
            pk=link.pk, answered_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now,
        ).update(answered_at=now)
        signal = locked_signal(link.signal)
        if not claimed or signal.status not in ANSWERABLE:
            raise AlreadyAnswered("Op dit signaal is al geantwoord, of de link werkt niet meer.",
                                  code="link_closed")
        link.answered_at = now
        source = apply_move(signal=signal, target=SignalState.ANSWERED, on=timezone.localdate(),
                       text=text.strip())
        link.signal = signal
        audit_link_access(link=link, event="signal_link.answered", action=Action.UPDATE,
                          details={"via": channel, "from": source, "to": SignalState.ANSWERED})
        if link.created_by.email:
            outbox_enqueue(
                to=link.created_by.email,
                subject=f"Antwoord op signaal {signal.pk} ontvangen",
                body=render_to_string("signals/email/answered.txt",
                                      {"signal": signal, "base_url": settings.BASE_URL}))
    return signal
