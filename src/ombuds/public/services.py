"""Writes of the resident pages: a request from the public form, and its private status link.

The request is a case registered through ``cases.services.case_register`` with channel
"web", under the web-intake account (an inactive account that cannot log in), so it lands in
the staff intake queue like any other new case. Everything — case, attachments, status link,
the decision the resident named (its objection term watched at once) and the confirmation
e-mail in the outbox — is written in one transaction: the request is
stored before any e-mail is even attempted, and a failing mail server cannot lose it.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ombuds.cases.attachments import validate_upload
from ombuds.cases.models import Case, Channel, ContactChannel, EntryKind
from ombuds.cases.selectors import audit_case, visible_cases
from ombuds.cases.services import PersonData, case_register, timeline_entry_add
from ombuds.core.audit import Action, audit_log
from ombuds.core.models import Municipality
from ombuds.core.outbox import outbox_enqueue
from ombuds.deadlines import Term, nl_date, objection_term
from ombuds.procedures.models import Deadline, DeadlineKind
from ombuds.procedures.services import decision_from_resident
from ombuds.public.models import SubmissionAttempt, WebRequest
from ombuds.public.terms import objection_sentence
from ombuds.socialmap.models import Organisation

#: The account web requests are registered under; it has no password and is inactive.
WEB_INTAKE_USERNAME = "webformulier"
CONFIRMATION_SUBJECT = {"nl": "Wij hebben uw verzoek ontvangen",
                        "en": "We have received your request"}


class RateLimited(Exception):
    """This client sent too many requests in the last hour."""


@dataclass
class RequestData:
    """What the resident filled in on the form (already checked by the form)."""

    municipality: Municipality
    submission_key: str
    name: str
    story: str
    wish: str
    email: str = ""
    phone: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    preferred_channel: str = ""
    avoid_channels: list[str] = field(default_factory=list)
    #: The resident asked not to be approached at all ("wil niet benaderd worden").
    no_contact: bool = False
    for_someone_else: bool = False
    resident_name: str = ""
    relation: str = ""
    organisations: Sequence[Organisation] = ()
    other_organisations: str = ""
    decision_date: date | None = None
    files: Sequence = ()
    language: str = "nl"


@dataclass(frozen=True)
class Submitted:
    web_request: WebRequest
    token: str | None  # None when the same form was sent before: its token is not kept
    created: bool


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def web_intake_user():
    """Return the account web requests are registered under (created on first use)."""
    users = get_user_model().objects
    try:
        with transaction.atomic():  # the very first two requests may race to create it
            user, created = users.get_or_create(
                username=WEB_INTAKE_USERNAME,
                defaults={"first_name": "Webformulier", "last_name": "(inwoner)",
                          "is_active": False},
            )
    except IntegrityError:
        user, created = users.get(username=WEB_INTAKE_USERNAME), False
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def objection_advice(decision_date: date | None) -> Term | None:
    """The objection term (Awb 6:7, 6:8) for a decision letter dated ``decision_date``, with
    the Atw calendar as the beheerder keeps it; ``None`` without a date or for a future date."""
    if decision_date is None or decision_date > timezone.localdate():
        return None
    from ombuds.procedures.selectors import holiday_calendar  # the admin's designated days

    return objection_term(decision_date, holiday_calendar())


def client_key(request) -> str:
    """A hash of the client's address (behind the TLS proxy: the last X-Forwarded-For hop)."""
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def rate_limit_check(*, client: str) -> None:
    """Raise ``RateLimited`` when ``client`` sent ``PUBLIC_REQUESTS_PER_HOUR`` requests in the
    last hour. Counted in the database, so every app process sees the same count."""
    now = timezone.now()
    recent = SubmissionAttempt.objects.filter(client=client,
                                              created_at__gt=now - timedelta(hours=1))
    if recent.count() >= settings.PUBLIC_REQUESTS_PER_HOUR:
        raise RateLimited()


def _person_data(data: RequestData) -> tuple[PersonData, PersonData | None]:
    # Not to be approached at all: every channel is on the person's "niet benaderen via".
    avoid = [c.value for c in ContactChannel] if data.no_contact else list(data.avoid_channels)
    contact = PersonData(
        name=data.name, email=data.email, phone=data.phone, street=data.street,
        postcode=data.postcode, city=data.city,
        preferred_channel="" if data.no_contact else data.preferred_channel,
        avoid_channels=avoid,
    )
    if not data.for_someone_else:
        return contact, None
    return PersonData(name=data.resident_name), contact


def confirmation_email_to(data: RequestData) -> str:
    """The address for the confirmation, unless the resident asked not to be e-mailed."""
    if data.email and not data.no_contact and ContactChannel.EMAIL not in data.avoid_channels:
        return data.email
    return ""


def status_url(token: str, language: str, base_url: str | None = None) -> str:
    """The private status link; ``base_url`` defaults to ``OMBUDS_BASE_URL`` (e-mails)."""
    prefix = "/en" if language == "en" else ""
    return f"{(base_url or settings.BASE_URL).rstrip('/')}{prefix}/status/{token}/"


def web_request_submit(*, data: RequestData, client: str) -> Submitted:
    """Register the request as a new web case, once per ``submission_key``.

    Raises ``RateLimited`` (nothing stored) or ``ValidationError`` (an attachment refused,
    nothing stored). The attachments are checked before anything is written.
    """
    existing = WebRequest.objects.select_related("case").filter(
        submission_key=data.submission_key).first()
    if existing is not None:
        return Submitted(existing, None, created=False)
    for upload in data.files:  # raises before anything is written
        validate_upload(upload)
    rate_limit_check(client=client)
    try:
        with transaction.atomic():
            submitted = _register(data, client)
    except IntegrityError:
        # The same form was sent twice at once and the other request won the key.
        existing = WebRequest.objects.select_related("case").filter(
            submission_key=data.submission_key).first()
        if existing is None:
            raise
        return Submitted(existing, None, created=False)
    return submitted


def _decision_from_form(case: Case, decision_date: date | None) -> Deadline | None:
    """Watch the objection term of the decision the resident named at once (marked as given
    by the resident until staff check it) and return it; ``None`` without a (past) date."""
    if decision_date is None or decision_date > timezone.localdate():
        return None
    decision = decision_from_resident(case=case, made_known_on=decision_date)
    return objection_deadline(case, decision=decision)


def objection_deadline(case: Case, *, decision=None) -> Deadline | None:
    """The objection term of the decision the resident named on the web form (or of
    ``decision``): the row the status page, the e-mail and the page after sending all word."""
    decisions = {"decision": decision} if decision is not None else {
        "decision__given_by_resident": True}
    return (Deadline.objects.filter(case=case, kind=DeadlineKind.OBJECTION, **decisions)
            .order_by("decision__created_at", "id").first())


def _register(data: RequestData, client: str) -> Submitted:
    user = web_intake_user()
    person, representative = _person_data(data)
    municipality = data.municipality
    organisations = [o for o in data.organisations
                     if o.municipalities.filter(pk=municipality.pk).exists()]
    case = case_register(
        user=user, municipality=municipality, channel=Channel.WEB, public_form=True,
        title="Verzoek via het webformulier", story=data.story, wish=data.wish,
        person_data=person, representative_data=representative,
        representative_relation=data.relation if representative else "",
        organisations=organisations,
    )
    notes = ["De inwoner gaf in het webformulier toestemming om de gegevens te gebruiken om "
             "te helpen, na de privacyverklaring."]
    if data.no_contact:
        notes.append("De inwoner wil niet benaderd worden: niet bellen, mailen, schrijven of "
                     "langskomen.")
    if data.other_organisations:
        notes.append(f"Andere organisaties genoemd door de inwoner: {data.other_organisations}")
    objection = _decision_from_form(case, data.decision_date)
    if data.decision_date is not None:
        line = f"De inwoner noemt een besluitbrief van {nl_date(data.decision_date)}."
        if objection is not None:
            with translation.override("nl"):
                told = objection_sentence(objection.end)
            line += (f" De inwoner kreeg te lezen: “{told}” De bezwaartermijn "
                     f"({objection.basis}) staat bij Termijnen, gemarkeerd als opgegeven door de "
                     "inwoner: controleer de datum en leg het besluit verder vast.")
        notes.append(line)
    if data.language != "nl":
        notes.append("De inwoner gebruikte de Engelse versie van het formulier.")
    timeline_entry_add(
        user=user, case=case, kind=EntryKind.DOCUMENT if data.files else EntryKind.NOTE,
        summary="Meegestuurd met het webformulier", body="\n\n".join(notes),
        files=data.files,
    )
    token = secrets.token_urlsafe(32)
    web_request = WebRequest.objects.create(
        case=case, submission_key=data.submission_key, status_token_hash=token_hash(token),
        language=data.language,
    )
    SubmissionAttempt.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
    SubmissionAttempt.objects.create(client=client, created_at=timezone.now())
    to = confirmation_email_to(data)
    if to:
        with translation.override(data.language):
            body = render_to_string("public/email/confirmation.txt", {
                "case": case, "url": status_url(token, data.language),
                "objection": objection_sentence(objection.end) if objection else "",
                "office": municipality.office, "municipality": municipality,
            })
        subject = CONFIRMATION_SUBJECT.get(data.language, CONFIRMATION_SUBJECT["nl"])
        outbox_enqueue(to=to, subject=subject, body=body, case=case)
    return Submitted(web_request, token, created=True)


def web_request_by_token(token: str) -> WebRequest | None:
    """Return the request whose status link is ``token`` and not revoked, else ``None``."""
    return WebRequest.objects.select_related("case__municipality__office", "case__workflow") \
        .filter(status_token_hash=token_hash(token), revoked_at__isnull=True).first()


def web_request_by_id(pk: int) -> WebRequest | None:
    return WebRequest.objects.select_related("case__municipality__office", "case__workflow") \
        .filter(pk=pk, revoked_at__isnull=True).first()


@transaction.atomic
def status_link_revoke(*, user, case: Case) -> WebRequest:
    """Stop the resident's private status link of ``case`` from working (staff only)."""
    if not visible_cases(user).filter(pk=case.pk).exists():
        raise PermissionDenied("U mag de statuslink van deze zaak niet intrekken.")
    web_request = WebRequest.objects.select_for_update().get(case=case)
    if web_request.revoked_at is None:
        web_request.revoked_at, web_request.revoked_by = timezone.now(), user
        web_request.save(update_fields=["revoked_at", "revoked_by"])
        timeline_entry_add(user=user, case=case, kind=EntryKind.NOTE,
                           summary="Statuslink van de inwoner ingetrokken")
        audit_case(user=user, case=case, action=Action.UPDATE, event="status_link.revoked",
                   details={"web_request": web_request.pk})
    return web_request


STATUS_LINK_SUBJECT = "Uw persoonlijke link: zo volgt u uw vraag"
#: A staff member cannot e-mail the resident a new link within this long of the last one.
RESEND_AFTER = timedelta(minutes=5)
#: The session key under which a made link waits to be shown once on the case page.
SHOWN_LINK_SESSION_KEY = "ombuds_status_link_{case}"


def status_link_email_to(case: Case) -> str:
    """The resident's address for their status link; empty when there is none or they asked
    not to be e-mailed."""
    person = case.person
    if person.email and ContactChannel.EMAIL not in (person.avoid_channels or []):
        return person.email
    return ""


@transaction.atomic
def status_link_issue(*, user, case: Case, send_email: bool = False) -> str:
    """Make the resident's private status link of ``case`` and return it.

    For a case that came in by phone, letter or walk-in this is its first link; for any other
    it replaces the one there was (lost, or revoked), which stops working. With
    ``send_email`` the link goes to the resident through the outbox; otherwise the caller
    shows it once, to be passed on. Only the SHA-256 of the link is kept.
    """
    if not visible_cases(user).filter(pk=case.pk).exists():
        raise PermissionDenied("U mag voor deze zaak geen statuslink maken.")
    to = status_link_email_to(case) if send_email else ""
    if send_email and not to:
        raise ValidationError("De inwoner heeft geen e-mailadres, of wil niet gemaild worden. "
                              "Maak de link en geef hem op een andere manier door.")
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    web_request = WebRequest.objects.select_for_update().filter(case=case).first()
    if (to and web_request is not None and web_request.issued_at is not None
            and now - web_request.issued_at < RESEND_AFTER):
        # A second click would e-mail a second link and stop the first one from working.
        raise ValidationError(
            f"De inwoner kreeg om {timezone.localtime(web_request.issued_at):%H:%M} al een "
            "statuslink. Wacht een paar minuten als die niet is aangekomen.")
    if web_request is None:
        web_request = WebRequest.objects.create(
            case=case, submission_key=f"medewerker-{secrets.token_hex(16)}",
            status_token_hash=token_hash(token), language="nl", issued_by=user, issued_at=now)
        summary = "Statuslink gemaakt voor de inwoner"
    else:
        web_request.status_token_hash = token_hash(token)
        web_request.revoked_at = web_request.revoked_by = None
        web_request.issued_by, web_request.issued_at = user, now
        web_request.save(update_fields=["status_token_hash", "revoked_at", "revoked_by",
                                        "issued_by", "issued_at"])
        summary = "Nieuwe statuslink gemaakt voor de inwoner; de vorige werkt niet meer"
    url = status_url(token, web_request.language)
    if to:
        body = render_to_string("public/email/status_link.txt", {
            "case": case, "url": url, "office": case.municipality.office})
        outbox_enqueue(to=to, subject=STATUS_LINK_SUBJECT, body=body, case=case)
        summary += " (per e-mail verstuurd)"
    timeline_entry_add(user=user, case=case, kind=EntryKind.EMAIL_OUT if to else EntryKind.NOTE,
                       summary=summary, sent_to_resident=bool(to))
    audit_case(user=user, case=case, action=Action.CREATE, event="status_link.issued",
               details={"web_request": web_request.pk, "emailed": bool(to)})
    return url


def audit_status_viewed(web_request: WebRequest) -> None:
    """The resident looked at their status page (no user: the link is the credential)."""
    case = web_request.case
    audit_log(user=None, action=Action.READ, event="status_link.viewed", obj=case,
              object_label=case.reference, person_id=case.person_id,
              municipality_code=case.municipality.cbs_code, on_behalf_of="inwoner (statuslink)",
              authorisation="privélink van de inwoner", details={"web_request": web_request.pk})

