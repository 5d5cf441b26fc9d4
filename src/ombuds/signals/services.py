"""Writes for signals: raise one, link cases, move it through its lifecycle, add
recommendations and record the responses, and the follow-up reminders.

Each function checks the user's role, runs in one transaction, and writes its audit entry
with the change; linking a case also writes a line in that case's timeline. The lifecycle
rule is ``ombuds.domain.signals.check_move``; a refused move raises ``SignalMoveRefused`` and
changes nothing. The private link for the organisation is in ``signals.links``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from ombuds.accounts.roles import ALL_CASES_ROLES
from ombuds.cases.models import Case, EntryKind, TimelineEntry
from ombuds.cases.selectors import audit_case, visible_cases
from ombuds.core.audit import Action, audit_log
from ombuds.core.db import lock_own_rows
from ombuds.core.models import Domain, Municipality, Theme
from ombuds.core.outbox import outbox_enqueue
from ombuds.domain.signals import SignalMoveRefused, SignalState, check_move
from ombuds.signals import selectors
from ombuds.signals.models import STEP_DATES, Recommendation, Signal
from ombuds.socialmap.models import Organisation

__all__ = [
    "SignalMoveRefused",
    "case_recommendation_add",
    "recommendation_add",
    "recommendation_record_response",
    "recommends_on",
    "signal_create",
    "signal_link_cases",
    "signal_reminders_send",
    "signal_transition",
]

#: The text a move asks for, and the field of the signal it goes into.
MOVE_TEXT = {
    SignalState.ANSWERED: ("answer", "Schrijf het antwoord van de organisatie."),
    SignalState.MEASURE_TAKEN: ("measure", "Beschrijf de maatregel."),
    SignalState.CHECKED: ("check_result", "Beschrijf wat de controle liet zien."),
}


def require_edit(user, municipality_id: int) -> None:
    if not user.roles_in(municipality_id) & ALL_CASES_ROLES:
        raise PermissionDenied("U mag signalen van deze gemeente niet wijzigen.")


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def locked_signal(signal: Signal) -> Signal:
    qs = Signal.objects.select_related("municipality", "organisation", "created_by")
    return lock_own_rows(qs).get(pk=signal.pk)


def _append(existing: str, text: str, on: date) -> str:
    """Add ``text`` to a field that may already hold an earlier round (dated)."""
    return f"{existing}\n\n{on:%d-%m-%Y}: {text}" if existing else text


def apply_move(*, signal: Signal, target: str, on: date, text: str = "") -> str:
    """Move a locked ``signal`` to ``target`` (checked by the rule); return the old state."""
    check_move(signal.status, target)
    source = signal.status
    signal.status = target
    setattr(signal, STEP_DATES[target], on)
    fields = ["status", STEP_DATES[target], "updated_at"]
    if target in MOVE_TEXT and text:
        name = MOVE_TEXT[target][0]
        setattr(signal, name, _append(getattr(signal, name), text, on))
        fields.append(name)
    signal.save(update_fields=fields)
    return source


def _case_errors(user, municipality: Municipality, cases: Iterable[Case]) -> str:
    cases = list(cases)
    if any(c.municipality_id != municipality.pk for c in cases):
        return f"Koppel alleen zaken van {municipality.name}."
    visible = set(visible_cases(user).filter(pk__in=[c.pk for c in cases])
                  .values_list("pk", flat=True))
    if any(c.pk not in visible for c in cases):
        return "U kunt alleen zaken koppelen die u mag inzien."
    return ""


def _link(*, user, signal: Signal, cases: Iterable[Case]) -> list[Case]:
    """Link ``cases`` (already checked) to ``signal``; a note in each case's timeline."""
    already = set(signal.cases.values_list("pk", flat=True))
    new = [c for c in cases if c.pk not in already]
    if not new:
        return []
    signal.cases.add(*new)
    now = timezone.now()
    for case in new:
        TimelineEntry.objects.create(case=case, kind=EntryKind.NOTE, occurred_at=now,
                                     author=user,
                                     summary=f"Gekoppeld aan signaal {signal.pk}: "
                                             f"{signal.title}"[:200])
        audit_case(user=user, case=case, action=Action.UPDATE, event="case.signal_linked",
                   details={"signal": signal.pk})
    Case.objects.filter(pk__in=[c.pk for c in new]).update(updated_at=now)
    return new


# --- signals ------------------------------------------------------------------------------

@transaction.atomic
def signal_create(*, user, municipality: Municipality, title: str, description: str,
                  organisation: Organisation | None, domain: Domain | None = None,
                  theme: Theme | None = None, cases: Iterable[Case] = (),
                  raised_on: date | None = None) -> Signal:
    """Raise a signal about ``organisation`` in ``municipality``, resting on ``cases``."""
    require_edit(user, municipality.pk)
    raised_on = raised_on or timezone.localdate()
    cases = list(cases)
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Geef het signaal een titel."
    if not description.strip():
        errors["description"] = "Beschrijf het signaal."
    if organisation is None or not organisation.active or \
            not organisation.municipalities.filter(pk=municipality.pk).exists():
        errors["organisation"] = (f"Kies een organisatie van de sociale kaart van "
                                  f"{municipality.name}.")
    if theme is not None:
        if theme.municipality_id != municipality.pk:
            errors["theme"] = f"Kies een thema van {municipality.name}."
        elif domain is not None and theme.domain_id != domain.pk:
            errors["theme"] = "Dit thema hoort niet bij het gekozen domein."
        domain = domain or theme.domain
    if raised_on > timezone.localdate():
        errors["raised_on"] = "Deze datum ligt in de toekomst."
    if cases and (problem := _case_errors(user, municipality, cases)):
        errors["cases"] = problem
    _raise(errors)
    signal = Signal.objects.create(
        municipality=municipality, title=title.strip(), description=description.strip(),
        domain=domain, theme=theme, organisation=organisation, raised_on=raised_on,
        created_by=user,
    )
    selectors.audit_signal(user=user, signal=signal, action=Action.CREATE,
                           event="signal.created",
                           details={"organisation": organisation.pk, "cases": len(cases)})
    _link(user=user, signal=signal, cases=cases)
    return signal


@transaction.atomic
def signal_link_cases(*, user, signal: Signal, cases: Iterable[Case]) -> list[Case]:
    """Link more cases of the signal's municipality to ``signal``; return the new ones."""
    require_edit(user, signal.municipality_id)
    cases = list(cases)
    if not cases:
        raise ValidationError({"cases": "Kies een of meer zaken."})
    if problem := _case_errors(user, signal.municipality, cases):
        raise ValidationError({"cases": problem})
    new = _link(user=user, signal=signal, cases=cases)
    selectors.audit_signal(user=user, signal=signal, action=Action.UPDATE,
                           event="signal.cases_linked", details={"cases": [c.pk for c in new]})
    return new


@transaction.atomic
def signal_transition(*, user, signal: Signal, target: str, text: str = "",
                      on: date | None = None) -> Signal:
    """Move ``signal`` to ``target`` if the lifecycle allows it; set that step's date.

    Moving to answered, measure taken or checked needs a text (the answer, the measure, the
    result of the check). A refused move raises ``SignalMoveRefused`` and changes nothing.
    """
    require_edit(user, signal.municipality_id)
    locked = locked_signal(signal)
    check_move(locked.status, target)
    on = on or timezone.localdate()
    errors: dict[str, str] = {}
    if target in MOVE_TEXT and not text.strip():
        errors["text"] = MOVE_TEXT[target][1]
    if on > timezone.localdate():
        errors["on"] = "Deze datum ligt in de toekomst."
    _raise(errors)
    source = apply_move(signal=locked, target=target, on=on, text=text.strip())
    selectors.audit_signal(user=user, signal=locked, action=Action.UPDATE,
                           event="signal.transitioned",
                           details={"from": source, "to": target})
    signal.refresh_from_db()
    return signal


# --- recommendations ----------------------------------------------------------------------
# One concept for signals and for the report of a variant-6 investigation (a case): the same
# checks, the same response; only where it hangs and which audit entry it writes differ.

def _recommendation_errors(*, addressee: str, text: str, due_on: date | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not addressee.strip():
        errors["addressee"] = "Vul in aan wie de aanbeveling is gericht."
    if not text.strip():
        errors["text"] = "Schrijf de aanbeveling."
    if due_on is None:
        errors["due_on"] = "Vul in wanneer u een reactie verwacht."
    return errors


def audit_recommendation(*, user, recommendation: Recommendation, event: str,
                          details: dict) -> None:
    """The audit entry of a change to ``recommendation``: about its case, or its signal."""
    if recommendation.case_id:
        audit_case(user=user, case=recommendation.case, action=Action.UPDATE, event=event,
                   details=details)
    else:
        selectors.audit_signal(user=user, signal=recommendation.signal, action=Action.UPDATE,
                               event=event, details=details)


@transaction.atomic
def recommendation_add(*, user, signal: Signal, addressee: str, text: str,
                       due_on: date | None) -> Recommendation:
    """Add a recommendation to ``signal`` with the date a response is expected."""
    require_edit(user, signal.municipality_id)
    errors: dict[str, str] = {}
    if Signal.objects.filter(pk=signal.pk, status=SignalState.CLOSED).exists():
        errors["__all__"] = "Dit signaal is afgesloten; u kunt geen aanbeveling meer toevoegen."
    errors.update(_recommendation_errors(addressee=addressee, text=text, due_on=due_on))
    _raise(errors)
    recommendation = Recommendation.objects.create(
        signal=signal, addressee=addressee.strip(), text=text.strip(), due_on=due_on,
        created_by=user)
    audit_recommendation(user=user, recommendation=recommendation, event="recommendation.added",
                          details={"recommendation": recommendation.pk})
    return recommendation


def recommends_on(case: Case) -> bool:
    """Whether ``case`` can carry recommendations: a request to the ombudsfunctie (variant 6,
    with its complaint), whose report may recommend the municipality what to do."""
    from ombuds.procedures.models import Complaint

    return (case.workflow.variant == 6
            and Complaint.objects.filter(case_id=case.pk).exists())


@transaction.atomic
def case_recommendation_add(*, user, case: Case, addressee: str, text: str,
                            due_on: date | None) -> Recommendation:
    """Add a recommendation of the variant-6 report on ``case`` (to the municipality, as a
    rule) with the date a response is expected. Refused once the case is closed: the
    recommendations are part of the report, which closes the case."""
    require_edit(user, case.municipality_id)
    locked = lock_own_rows(Case.objects.select_related("municipality", "workflow")).get(pk=case.pk)
    errors: dict[str, str] = {}
    if not recommends_on(locked):
        errors["__all__"] = ("Aanbevelingen horen bij het rapport van de ombudsfunctie over een "
                             "klacht (variant 6); deze zaak heeft er geen.")
    elif locked.closed_at is not None:
        errors["__all__"] = ("Deze zaak is afgesloten; u kunt geen aanbeveling meer toevoegen. "
                             "Heropen de zaak als het rapport moet worden aangevuld.")
    errors.update(_recommendation_errors(addressee=addressee, text=text, due_on=due_on))
    _raise(errors)
    recommendation = Recommendation.objects.create(
        case=locked, addressee=addressee.strip(), text=text.strip(), due_on=due_on,
        created_by=user)
    TimelineEntry.objects.create(case=locked, kind=EntryKind.NOTE, occurred_at=timezone.now(),
                                 author=user,
                                 summary=f"Aanbeveling aan {recommendation.addressee}"[:200])
    audit_recommendation(user=user, recommendation=recommendation, event="recommendation.added",
                          details={"recommendation": recommendation.pk})
    return recommendation


@transaction.atomic
def recommendation_record_response(*, user, recommendation: Recommendation, adoption: str,
                                   response: str = "",
                                   responded_on: date | None = None) -> Recommendation:
    """Record the addressee's response and whether it adopted the recommendation (of a signal
    or of a case; a case's may be answered after the case was closed)."""
    owner = recommendation.case if recommendation.case_id else recommendation.signal
    require_edit(user, owner.municipality_id)
    responded_on = responded_on or timezone.localdate()
    errors: dict[str, str] = {}
    if adoption not in Recommendation.Adoption.values:
        errors["adoption"] = "Kies of de aanbeveling is overgenomen."
    elif adoption == Recommendation.Adoption.PENDING and not response.strip():
        errors["response"] = "Schrijf de reactie, of kies of de aanbeveling is overgenomen."
    if responded_on > timezone.localdate():
        errors["responded_on"] = "Deze datum ligt in de toekomst."
    _raise(errors)
    recommendation.adoption = adoption
    recommendation.response = response.strip()
    recommendation.responded_on = responded_on
    recommendation.save(update_fields=["adoption", "response", "responded_on"])
    audit_recommendation(user=user, recommendation=recommendation,
                          event="recommendation.response_recorded",
                          details={"recommendation": recommendation.pk, "adoption": adoption})
    return recommendation


# --- reminders ----------------------------------------------------------------------------

def _reminder_lines(base: str, r: Recommendation) -> list[str]:
    if r.case_id:
        url = reverse("signals:case_recommendation_response", args=[r.case.reference])
        return [f"- Zaak {r.case.reference}, aan {r.addressee}:",
                f"  reactie verwacht uiterlijk {r.due_on:%d-%m-%Y}.",
                f"  {base}{url}?aanbeveling={r.pk}", ""]
    return [f"- Signaal {r.signal_id} ({r.signal.title}), aan {r.addressee}:",
            f"  reactie verwacht uiterlijk {r.due_on:%d-%m-%Y}.",
            f"  {base}/werk/signalen/{r.signal_id}/#aanbeveling-{r.pk}", ""]


def _reminder_body(owner, recommendations: list[Recommendation], signals: list[Signal]) -> str:
    base = settings.BASE_URL.rstrip("/")
    lines = [f"Beste {owner.first_name or owner.get_username()},", ""]
    if recommendations:
        lines += ["Op deze aanbevelingen is de reactie over tijd:", ""]
        for r in recommendations:
            lines += _reminder_lines(base, r)
    if signals:
        lines += ["Deze signalen zijn langer dan zes weken gedeeld zonder antwoord:", ""]
        for s in signals:
            lines += [f"- Signaal {s.pk} ({s.title}), gedeeld met {s.organisation.name} "
                      f"op {s.shared_on:%d-%m-%Y}.",
                      f"  {base}/werk/signalen/{s.pk}/", ""]
    lines += ["Vraag zo nodig opnieuw om een reactie, en leg die vast in Ombuds.", "",
              "Dit bericht is automatisch verstuurd door Ombuds."]
    return "\n".join(lines)


@transaction.atomic
def signal_reminders_send(*, today: date) -> int:
    """Queue one e-mail per ombudsperson listing the recommendations past due without a
    response (on signals they raised, or made by them in a case's report) and the signals
    shared more than six weeks ago without an answer; each item is reminded once per due or
    sharing date. Returns the number of e-mails. The rows are locked, so two runs at once
    never remind twice."""
    recommendations = list(lock_own_rows(selectors.recommendations_to_remind(today)))
    signals = list(lock_own_rows(selectors.signals_to_remind(today)))
    per_owner: dict[int, tuple] = {}
    for r in recommendations:
        owner = selectors.recommendation_owner(r)
        if owner.email:
            per_owner.setdefault(owner.pk, (owner, [], []))[1].append(r)
    for s in signals:
        if s.created_by.email:
            per_owner.setdefault(s.created_by_id, (s.created_by, [], []))[2].append(s)
    for owner, recs, sigs in per_owner.values():
        count = len(recs) + len(sigs)
        about = ("signalen en aanbevelingen" if any(r.case_id for r in recs) else "signalen")
        subject = (f"Ombuds: 1 punt bij {about} om op te volgen" if count == 1
                   else f"Ombuds: {count} punten bij {about} om op te volgen")
        outbox_enqueue(to=owner.email, subject=subject, body=_reminder_body(owner, recs, sigs))
        Recommendation.objects.filter(pk__in=[r.pk for r in recs]).update(reminded_for=F("due_on"))
        Signal.objects.filter(pk__in=[s.pk for s in sigs]).update(reminded_for=F("shared_on"))
        audit_log(user=None, action=Action.EXECUTE, event="signal.reminder_queued",
                  object_type="signals.signal",
                  details={"recipient": owner.pk, "recommendations": [r.pk for r in recs],
                           "signals": [s.pk for s in sigs]})
    return len(per_owner)
