"""The resident survey after closure: a private link, three short questions, an anonymous answer.

The answer (``SurveyResponse``) keeps only the municipality, the process variant and the
month the case closed, never the case or the person; the invitation only remembers that it
was answered, so each link gives one answer.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ombuds.cases.models import Case, ContactChannel, EntryKind
from ombuds.cases.selectors import audit_case
from ombuds.cases.services import timeline_entry_add
from ombuds.core.audit import Action
from ombuds.core.outbox import outbox_enqueue
from ombuds.mediation.models import SurveyInvitation, SurveyResponse
from ombuds.mediation.partner import LinkNotFound, may_send_requests, new_token, token_hash

SURVEY_VALID_DAYS = 30
SURVEY_SUBJECT = "Hoe was uw contact met de sociale ombudsfunctie?"


class SurveyGone(Exception):
    """The invitation was answered already, or has expired."""

    def __init__(self, invitation: SurveyInvitation, state: str):
        super().__init__(state)
        self.invitation, self.state = invitation, state


def survey_url(token: str, base_url: str | None = None) -> str:
    return f"{(base_url or settings.BASE_URL).rstrip('/')}/enquete/{token}/"


def survey_state(invitation: SurveyInvitation | None) -> str:
    if invitation is None:
        return "niet_verstuurd"
    if invitation.answered:
        return "ingevuld"
    if invitation.expires_at <= timezone.now():
        return "verlopen"
    return "open"


def _emailable(case: Case) -> str:
    person = case.person
    if person.email and ContactChannel.EMAIL not in (person.avoid_channels or []):
        return person.email
    return ""


def survey_invite(*, case: Case, user=None, base_url: str | None = None,
                  valid_days: int = SURVEY_VALID_DAYS) -> tuple[SurveyInvitation, str, bool]:
    """Invite the resident of the closed ``case`` to the survey; return the invitation, its
    token (to show once) and whether it was e-mailed.

    Inviting again before an answer gives a new link; the old one stops working. ``user`` is
    the staff member asking (checked and named in the timeline); others may call it without.
    """
    if user is not None and not may_send_requests(user, case):
        raise PermissionDenied("U mag voor deze zaak geen enquête versturen.")
    if case.closed_at is None:
        raise ValidationError("De enquête kan pas worden verstuurd als de zaak is gesloten.",
                              code="case_open")
    token, hashed = new_token()
    expires_at = timezone.now() + timedelta(days=valid_days)
    to = _emailable(case)
    with transaction.atomic():
        invitation = SurveyInvitation.objects.select_for_update().filter(case=case).first()
        if invitation is not None and invitation.answered:
            raise ValidationError("De inwoner heeft de enquête al ingevuld.", code="answered")
        if invitation is None:
            invitation = SurveyInvitation.objects.create(case=case, token_hash=hashed,
                                                         expires_at=expires_at)
        else:
            invitation.token_hash, invitation.expires_at = hashed, expires_at
            invitation.save(update_fields=["token_hash", "expires_at"])
        if to:
            outbox_enqueue(to=to, subject=SURVEY_SUBJECT, case=case, body=render_to_string(
                "partner/email/survey.txt", {"url": survey_url(token, base_url),
                                             "expires_at": expires_at,
                                             "office": case.municipality.office}))
        if user is not None:
            timeline_entry_add(
                user=user, case=case, kind=EntryKind.EMAIL_OUT if to else EntryKind.NOTE,
                summary="Enquête verstuurd aan de inwoner" if to
                else "Enquêtelink gemaakt (nog niet verstuurd)",
                sent_to_resident=bool(to),
            )
            audit_case(user=user, case=case, action=Action.CREATE, event="survey.invited",
                       details={"invitation": invitation.pk, "emailed": bool(to)})
    return invitation, token, bool(to)


def survey_invitation_by_token(token: str) -> SurveyInvitation:
    """Return the open invitation with ``token``; raise ``LinkNotFound`` or ``SurveyGone``."""
    invitation = SurveyInvitation.objects.select_related("case__municipality__office").filter(
        token_hash=token_hash(token)).first()
    if invitation is None:
        raise LinkNotFound("Onbekende link.")
    return _open(invitation)


def survey_invitation_by_id(invitation_id: int) -> SurveyInvitation:
    invitation = SurveyInvitation.objects.select_related("case__municipality__office").filter(
        pk=invitation_id).first()
    if invitation is None:
        raise LinkNotFound("Onbekende link.")
    return _open(invitation)


def _open(invitation: SurveyInvitation) -> SurveyInvitation:
    state = survey_state(invitation)
    if state != "open":
        raise SurveyGone(invitation, state)
    return invitation


def closed_month(case: Case) -> date:
    return timezone.localtime(case.closed_at).date().replace(day=1)


def survey_answer(*, invitation: SurveyInvitation, felt_heard: str, problem_solved: str,
                  grade: int, remark: str = "") -> SurveyResponse:
    """Store one anonymous answer for ``invitation`` and close the invitation."""
    answers = SurveyResponse.Answer.values
    errors = {}
    if felt_heard not in answers:
        errors["felt_heard"] = "Kies ja, een beetje of nee."
    if problem_solved not in answers:
        errors["problem_solved"] = "Kies ja, een beetje of nee."
    if not isinstance(grade, int) or not 1 <= grade <= 10:
        errors["grade"] = "Kies een cijfer van 1 tot en met 10."
    if errors:
        raise ValidationError(errors)
    case = invitation.case
    with transaction.atomic():
        claimed = SurveyInvitation.objects.filter(
            pk=invitation.pk, answered=False, expires_at__gt=timezone.now()).update(answered=True)
        if not claimed:
            raise ValidationError("Deze enquête is al ingevuld.", code="answered")
        invitation.answered = True
        # Deliberately no audit entry and no reference to the case: the answer is anonymous.
        return SurveyResponse.objects.create(
            municipality_id=case.municipality_id, variant=case.workflow.variant,
            closed_month=closed_month(case), felt_heard=felt_heard,
            problem_solved=problem_solved, grade=grade, remark=remark.strip(),
        )
