"""Partner access without an account: a private, expiring, single-purpose link per request.

The token is only in the link; the database keeps its SHA-256 (``PartnerLink.token_hash``).
What a party sees follows from the resident's consent for that party (AVG art. 6, 9):
``partner_disclosure`` decides it, the page and the API both use it, and every access is
written to the audit log with the ground it was shown on.

The consent check here reads ``Consent`` and ``ConsentOverride`` directly; it could use the
mediation selectors ``may_share``/``shared_fields`` once those exist.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import timezone

from ombuds.accounts.roles import TRANSITION_ROLES
from ombuds.cases.attachments import validate_upload
from ombuds.cases.models import Attachment, Case, CaseOrganisation, EntryKind, TimelineEntry
from ombuds.cases.selectors import audit_case
from ombuds.cases.services import timeline_entry_add
from ombuds.core.audit import Action, audit_log
from ombuds.core.outbox import outbox_enqueue
from ombuds.mediation.models import Consent, ConsentOverride, ConsentPurpose, PartnerLink

#: Consent purposes that allow sharing through a partner link.
LINK_PURPOSES = (ConsentPurpose.SHARE_INFORMATION, ConsentPurpose.ASK_INFORMATION)
MAX_VALID_DAYS = 90
OVERRIDE_GROUND = "doorbreking: vitaal belang"


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

    def __init__(self, link: PartnerLink, state: str):
        super().__init__(state)
        self.link, self.state = link, state


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """Return a fresh random token and its hash."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def link_state(link: PartnerLink, now: datetime | None = None) -> str:
    """Return the state of ``link``; a revoked link stays revoked, an answered one answered."""
    now = now or timezone.now()
    if link.revoked_at is not None:
        return LinkState.REVOKED
    if link.answered_at is not None:
        return LinkState.ANSWERED
    if link.expires_at <= now:
        return LinkState.EXPIRED
    return LinkState.OPEN


def may_send_requests(user, case: Case) -> bool:
    return bool(user.roles_in(case.municipality_id) & TRANSITION_ROLES)


# --- What a party may see --------------------------------------------------------------


@dataclass(frozen=True)
class Disclosure:
    """What the party of a link may see, and on what ground."""

    story: bool = False
    name: bool = False
    contact: bool = False
    consent: Consent | None = None
    override: ConsentOverride | None = None

    @property
    def personal(self) -> bool:
        return self.story or self.name or self.contact

    @property
    def authorisation(self) -> str:
        grounds = []
        if self.consent is not None:
            grounds.append(f"toestemming {self.consent.pk}")
        if self.override is not None:
            grounds.append(OVERRIDE_GROUND)
        return "; ".join(grounds) or "geen toestemming: geen persoonsgegevens gedeeld"

    @property
    def shared(self) -> list[str]:
        return [name for name in ("story", "name", "contact") if getattr(self, name)]


def partner_disclosure(party: CaseOrganisation) -> Disclosure:
    """Return what ``party`` may see of the resident now (see ``disclosure_from``)."""
    return disclosure_from(
        Consent.objects.filter(party=party, purpose__in=LINK_PURPOSES, revoked_on__isnull=True),
        ConsentOverride.objects.filter(party=party).order_by("-decided_at", "-id")[:1])


def disclosure_from(consents: Iterable[Consent],
                    overrides: Iterable[ConsentOverride]) -> Disclosure:
    """Return what a party may see of the resident now, from its consents and overrides (all
    of them, in any order; a page that read them already passes what it has).

    A valid (not revoked) consent for sharing or asking information gives the story when it
    says so and the name and contact details when it says so. A recorded override (vital
    interest) justifies the story and the name. Without either: nothing personal.
    """
    consents = sorted((c for c in consents if c.purpose in LINK_PURPOSES
                       and c.revoked_on is None and c.is_valid),
                      key=lambda c: (c.given_on, c.pk), reverse=True)
    story = any(c.shares_story for c in consents)
    contact = any(c.shares_contact for c in consents)
    override = max(overrides, key=lambda o: (o.decided_at, o.pk), default=None)
    consent = next((c for c in consents if c.shares_story or c.shares_contact), None) \
        or (consents[0] if consents else None)
    if override is not None and not (story and contact):
        return Disclosure(story=True, name=True, contact=contact, consent=consent,
                          override=override)
    return Disclosure(story=story, name=contact, contact=contact, consent=consent)


@dataclass(frozen=True)
class PartnerRequest:
    """The request as the party sees it: the same for the page and the API."""

    link: PartnerLink
    disclosure: Disclosure
    reference: str
    purpose: str
    question: str
    organisation: str
    expires_at: datetime
    ombudsperson: str
    office_name: str
    office_email: str
    office_phone: str
    story: str = ""
    resident_name: str = ""
    resident_email: str = ""
    resident_phone: str = ""
    consent_note: str = ""
    extra: dict = field(default_factory=dict)


def _consent_note(party: CaseOrganisation, disclosure: Disclosure) -> str:
    if disclosure.override is not None:
        return ("De inwoner heeft geen toestemming gegeven. Omdat er een ernstig en dringend "
                "belang is (vitaal belang), deelt de ombudsfunctie toch het verhaal en de naam. "
                "Deze inzage wordt vastgelegd.")
    if disclosure.personal:
        return "De inwoner heeft toestemming gegeven om deze gegevens met u te delen."
    revoked = Consent.objects.filter(party=party, purpose__in=LINK_PURPOSES,
                                     revoked_on__isnull=False).exists()
    if revoked:
        return ("De inwoner heeft de toestemming om gegevens met u te delen ingetrokken. "
                "U ziet daarom alleen de vraag, geen persoonlijke gegevens.")
    return ("De inwoner heeft (nog) geen toestemming gegeven om persoonlijke gegevens met u te "
            "delen. U ziet daarom alleen de vraag.")


def partner_request(link: PartnerLink) -> PartnerRequest:
    """Return what the party of ``link`` sees, limited by the consent valid right now."""
    case, party = link.case, link.party
    disclosure = partner_disclosure(party)
    person = case.person
    office = case.municipality.office
    return PartnerRequest(
        link=link, disclosure=disclosure, reference=case.reference,
        purpose=link.get_purpose_display(), question=link.question,
        organisation=party.organisation.name, expires_at=link.expires_at,
        ombudsperson=link.created_by.display_name, office_name=office.name,
        office_email=office.email, office_phone=office.phone,
        story=case.story if disclosure.story else "",
        resident_name=person.name if disclosure.name else "",
        resident_email=person.email if disclosure.contact else "",
        resident_phone=person.phone if disclosure.contact else "",
        consent_note=_consent_note(party, disclosure),
    )


# --- Finding a link ---------------------------------------------------------------------


def _links():
    return PartnerLink.objects.select_related(
        "case__municipality__office", "case__person", "party__organisation", "created_by")


def partner_link_by_token(token: str) -> PartnerLink:
    """Return the open link with ``token``; raise ``LinkNotFound`` or ``LinkGone``."""
    link = _links().filter(token_hash=token_hash(token)).first()
    if link is None:
        raise LinkNotFound("Onbekende link.")
    return _open(link)


def partner_link_by_id(link_id: int) -> PartnerLink:
    """Return the open link ``link_id`` (after the token was checked in this session)."""
    link = _links().filter(pk=link_id).first()
    if link is None:
        raise LinkNotFound("Onbekende link.")
    return _open(link)


def _open(link: PartnerLink) -> PartnerLink:
    state = link_state(link)
    if state != LinkState.OPEN:
        raise LinkGone(link, state)
    return link


def audit_partner_access(*, link: PartnerLink, event: str, action: str,
                         disclosure: Disclosure, details: dict | None = None):
    """Log an access by the party of ``link`` (no user: the link is the credential)."""
    case = link.case
    return audit_log(
        user=None, action=action, event=event, obj=case, object_label=case.reference,
        person_id=case.person_id, municipality_code=case.municipality.cbs_code,
        role="partij", on_behalf_of=f"partij {link.party_id}",
        authorisation=disclosure.authorisation,
        details={"party": link.party_id, "link": link.pk, "shared": disclosure.shared,
                 "override": disclosure.override.pk if disclosure.override else None,
                 **(details or {})},
    )


def partner_request_view(link: PartnerLink, *, channel: str = "web") -> PartnerRequest:
    """Return the request for its party and log the access (``partner.viewed``)."""
    with transaction.atomic():
        request = partner_request(link)
        audit_partner_access(link=link, event="partner.viewed", action=Action.READ,
                             disclosure=request.disclosure, details={"via": channel})
    return request


# --- Services ---------------------------------------------------------------------------


def partner_link_url(token: str, base_url: str | None = None) -> str:
    base = (base_url or settings.BASE_URL).rstrip("/")
    return f"{base}/partner/{token}/"


def partner_link_create(*, user, case: Case, party: CaseOrganisation, purpose: str,
                        question: str, valid_days: int = 14,
                        base_url: str | None = None) -> tuple[PartnerLink, str]:
    """Create a link for ``party``, e-mail it to the party's contact and return it with its
    token (shown once to the ombudsperson; only its hash is stored)."""
    if not may_send_requests(user, case):
        raise PermissionDenied("U mag geen verzoeken aan partijen versturen in deze zaak.")
    errors = {}
    if party.case_id != case.pk:
        errors["party"] = "Kies een partij van deze zaak."
    if purpose not in PartnerLink.Purpose.values:
        errors["purpose"] = "Kies het soort verzoek."
    if not question.strip():
        errors["question"] = "Schrijf de vraag aan de partij."
    if not 1 <= valid_days <= MAX_VALID_DAYS:
        errors["valid_days"] = f"Kies een geldigheid van 1 tot en met {MAX_VALID_DAYS} dagen."
    if case.closed_at is not None:
        errors["__all__"] = "De zaak is gesloten; u kunt geen verzoek meer versturen."
    if errors:
        raise ValidationError(errors)
    token, hashed = new_token()
    url = partner_link_url(token, base_url)
    with transaction.atomic():
        link = PartnerLink.objects.create(
            case=case, party=party, purpose=purpose, question=question.strip(),
            token_hash=hashed, expires_at=timezone.now() + timedelta(days=valid_days),
            created_by=user,
        )
        emailed = bool(party.contact_email)
        if emailed:
            outbox_enqueue(
                to=party.contact_email, case=case,
                subject=f"Verzoek van de sociale ombudsfunctie ({case.reference})",
                body=render_to_string("partner/email/request.txt", {
                    "link": link, "url": url, "case": case, "party": party,
                    "office": case.municipality.office, "sender": user}),
            )
        how = f"per e-mail aan {party.contact_email}" if emailed else "nog niet verstuurd"
        timeline_entry_add(
            user=user, case=case, kind=EntryKind.EMAIL_OUT if emailed else EntryKind.NOTE,
            summary=(f"{link.get_purpose_display()} aan {party.organisation.name}")[:200],
            body=f"{link.question}\n\nLink geldig tot "
                 f"{timezone.localtime(link.expires_at):%d-%m-%Y %H:%M}, {how}.",
        )
        audit_case(user=user, case=case, action=Action.CREATE, event="partner_link.created",
                   details={"link": link.pk, "party": party.pk, "purpose": purpose,
                            "emailed": emailed})
    return link, token


def partner_link_revoke(*, user, case: Case, link: PartnerLink) -> PartnerLink:
    """Stop ``link`` at once; the party then sees a polite page without case data."""
    if not may_send_requests(user, case):
        raise PermissionDenied("U mag verzoeken in deze zaak niet intrekken.")
    if link.case_id != case.pk:
        raise ValidationError("Deze link hoort niet bij deze zaak.")
    with transaction.atomic():
        now = timezone.now()
        PartnerLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(revoked_at=now)
        link.refresh_from_db(fields=["revoked_at"])
        audit_case(user=user, case=case, action=Action.UPDATE, event="partner_link.revoked",
                   details={"link": link.pk, "party": link.party_id})
    return link


class AlreadyAnswered(ValidationError):
    pass


def partner_answer_submit(*, link: PartnerLink, text: str, files: Sequence = (),
                          channel: str = "web") -> TimelineEntry:
    """Store the party's answer as a timeline entry of the case (one answer per link).

    The entry is authored by the link's creator and names the party; the link counts as
    answered in the same transaction, so a second answer is refused.
    """
    if not text.strip():
        raise ValidationError({"text": "Schrijf uw antwoord."})
    checked = [(upload, *validate_upload(upload)) for upload in files]
    case = link.case
    with transaction.atomic():
        now = timezone.now()
        claimed = PartnerLink.objects.filter(
            pk=link.pk, answered_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now,
        ).update(answered_at=now)
        if not claimed:
            raise AlreadyAnswered("Op dit verzoek is al geantwoord, of de link werkt niet meer.",
                                  code="link_closed")
        link.answered_at = now
        entry = TimelineEntry.objects.create(
            case=case, kind=EntryKind.PARTNER_ANSWER, occurred_at=now, author=link.created_by,
            summary=f"Antwoord van {link.party.organisation.name}"[:200],
            body=f"Vraag: {link.question}\n\nAntwoord:\n{text.strip()}",
        )
        for upload, content_type, sha256 in checked:
            attachment = Attachment(entry=entry, original_name=upload.name[-200:],
                                    content_type=content_type, size=upload.size, sha256=sha256)
            attachment.file.save(attachment.uuid.hex, upload, save=False)
            attachment.save()
        Case.objects.filter(pk=case.pk).update(updated_at=now)
        audit_partner_access(link=link, event="partner.answered", action=Action.CREATE,
                             disclosure=partner_disclosure(link.party),
                             details={"entry": entry.pk, "attachments": len(checked),
                                      "via": channel})
        if link.created_by.email:
            outbox_enqueue(
                to=link.created_by.email, case=case,
                subject=f"Antwoord van een partij ontvangen ({case.reference})",
                body=render_to_string("partner/email/answered.txt", {"link": link, "case": case}),
            )
    return entry
