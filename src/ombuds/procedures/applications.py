"""Applications and reports of need of a case (melding, aanvraag, request for debt help): the
decision that does not come. Each write recomputes the case's terms in its transaction; the
rules are in ``ombuds.domain.not_in_time``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ombuds.cases.models import Case
from ombuds.cases.selectors import audit_case
from ombuds.core.audit import Action
from ombuds.domain import not_in_time
from ombuds.procedures.models import Application
from ombuds.procedures.planning import deadlines_recompute
from ombuds.procedures.selectors import holiday_calendar
from ombuds.procedures.services import require_case_role

APPLICATION_FIELDS = ("kind", "subject", "organisation", "submitted_on", "urgent", "decided_on",
                      "notice_of_default_on", "appeal_filed_on")


def _check(a: Application) -> None:
    """The dates follow each other and lie in the past; the notice of default and the appeal
    against not deciding only count for a decision, after its term (Awb 4:17 lid 3, 6:12)."""
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if a.kind not in not_in_time.APPLICATION_KINDS:
        errors["kind"] = "Kies wat voor aanvraag of melding het is."
    if not (a.subject or "").strip():
        errors["subject"] = "Beschrijf kort waarvoor de aanvraag is."
    for field in ("submitted_on", "decided_on", "notice_of_default_on", "appeal_filed_on"):
        value = getattr(a, field)
        if value and value > today:
            errors[field] = "Deze datum ligt in de toekomst."
        elif value and a.submitted_on and value < a.submitted_on and field != "submitted_on":
            errors[field] = "Deze datum kan niet vóór de aanvraag liggen."
    if a.urgent and a.kind != "schuldhulp":
        errors["urgent"] = "Spoed met drie werkdagen geldt alleen voor schuldhulp (Wgs art. 4 lid 2)."
    if "kind" not in errors and a.submitted_on and (a.notice_of_default_on or a.appeal_filed_on):
        if not a.is_decision:
            field = "notice_of_default_on" if a.notice_of_default_on else "appeal_filed_on"
            errors[field] = ("Een ingebrekestelling en beroep niet tijdig beslissen horen bij een "
                             "aanvraag waarop een besluit moet komen (Awb 4:17, 6:12).")
        else:
            end = not_in_time.application_term(a.kind, a.submitted_on,
                                               calendar=holiday_calendar()).end
            if a.notice_of_default_on and not not_in_time.notice_of_default_valid(
                    term_end=end, notice_received_on=a.notice_of_default_on):
                errors["notice_of_default_on"] = (
                    f"Een ingebrekestelling telt pas na het einde van de beslistermijn op "
                    f"{not_in_time.nl_date(end)} (Awb 4:17 lid 3).")
            if a.appeal_filed_on and not a.notice_of_default_on:
                errors["appeal_filed_on"] = ("Beroep tegen niet tijdig beslissen kan pas na een "
                                             "ingebrekestelling (Awb 6:12 lid 2).")
    if errors:
        raise ValidationError(errors)


def _set(application: Application, values: dict) -> None:
    for name, value in values.items():
        if name not in APPLICATION_FIELDS:
            raise TypeError(f"unknown field {name}")
        setattr(application, name, value)
    _check(application)


@transaction.atomic
def application_create(*, user, case: Case, **values) -> Application:
    """Record an application or report of need of ``case`` and watch its decision term."""
    require_case_role(user, case)
    application = Application(case=case)
    _set(application, values)
    application.save()
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.UPDATE, event="application.created",
               details={"application": application.pk, "kind": application.kind})
    return application


@transaction.atomic
def application_update(*, user, application: Application, **values) -> Application:
    """Change the facts of an application (the decision came, a notice of default was sent …)."""
    require_case_role(user, application.case)
    _set(application, values)
    application.save()
    deadlines_recompute(case=application.case)
    audit_case(user=user, case=application.case, action=Action.UPDATE,
               event="application.updated",
               details={"application": application.pk, "fields": sorted(values)})
    return application


@transaction.atomic
def application_delete(*, user, application: Application) -> None:
    case = application.case
    require_case_role(user, case)
    pk = application.pk
    application.delete()
    deadlines_recompute(case=case)
    audit_case(user=user, case=case, action=Action.DELETE, event="application.deleted",
               details={"application": pk})
