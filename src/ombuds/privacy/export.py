"""The answer to an access request (AVG art. 15): everything Ombuds holds about one person.

``subject_access_data`` builds one JSON-ready dict in the stable structure documented in
``docs/privacy-requests.md`` (format ``ombuds-inzage``, version 1); ``subject_access_pdf``
renders the same data as a tagged, accessible PDF in Dutch for the resident.

What is left out on purpose, so nothing is given about anyone else:
- other persons' records: the representative of a case (only the relation is given), the
  resident of a case in which this person is only the representative (only that case's
  number, dates and the relation are given), contact persons at organisations;
- staff user names and workstation addresses in the audit entries (the role, the moment, the
  action and the authorisation are given; CJEU C-579/21 *Pankki S*);
- survey answers: they are anonymous and cannot be linked to a person.
Free text (a story, a note, minutes, a letter) can name other people; that cannot be filtered
by a program, so the officer reads the export before it is released (see the docs).
"""

from __future__ import annotations

import io
import zipfile

from django.template.loader import render_to_string
from django.utils import timezone

from ombuds.cases.models import Attachment, Case, Person
from ombuds.core.models import AuditEntry
from ombuds.privacy.models import AvgRequest
from ombuds.privacy.selectors import person_cases

FORMAT = "ombuds-inzage"
VERSION = 1


def _dt(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _d(value) -> str | None:
    return value.isoformat() if value else None


def _person(person: Person) -> dict:
    return {
        "id": person.pk,
        "name": person.name,
        "date_of_birth": _d(person.date_of_birth),
        "email": person.email,
        "phone": person.phone,
        "street": person.street,
        "postcode": person.postcode,
        "city": person.city,
        "preferred_channel": person.get_preferred_channel_display() if person.preferred_channel else "",
        "avoid_channels": list(person.avoid_channels),
        "interpreter_language": person.interpreter_language,
        "easy_language": person.easy_language,
        "accessibility_needs": person.accessibility_needs,
        "recorded_at": _dt(person.created_at),
    }


def _timeline(case: Case) -> list[dict]:
    return [{
        "occurred_at": _dt(e.occurred_at),
        "kind": e.get_kind_display(),
        "summary": e.summary,
        "text": e.body,
        "health_data": e.sensitive,
        "sent_to_resident": e.sent_to_resident,
        "attachments": [{"name": a.original_name, "type": a.content_type, "size": a.size}
                        for a in e.attachments.all()],
    } for e in case.timeline.prefetch_related("attachments").order_by("occurred_at", "id")]


def _mediation(case: Case) -> dict:
    return {
        "consents": [{
            "organisation": c.party.organisation.name, "purpose": c.get_purpose_display(),
            "scope": c.scope, "shares_story": c.shares_story, "shares_contact": c.shares_contact,
            "given_on": _d(c.given_on), "given_how": c.get_given_how_display(),
            "given_by": c.given_by, "revoked_on": _d(c.revoked_on),
        } for c in case.consents.select_related("party__organisation").order_by("given_on", "id")],
        "sharing_without_consent": [{
            "organisation": o.party.organisation.name, "justification": o.justification,
            "decided_at": _dt(o.decided_at),
        } for o in case.overrides.select_related("party__organisation").order_by("decided_at")],
        "meetings": [{
            "kind": m.get_kind_display(), "starts_at": _dt(m.starts_at), "place": m.place,
            "organisations": sorted(p.organisation.name for p in m.parties.all()),
            "resident_present": m.resident_present, "minutes": m.minutes,
        } for m in case.meetings.prefetch_related("parties__organisation").order_by("starts_at")],
        "agreements": [{
            "description": a.description, "owner": a.get_owner_display(),
            "organisation": a.party.organisation.name if a.party else None,
            "due_on": _d(a.due_on), "status": a.get_status_display(), "note": a.status_note,
            "checked_on": _d(a.checked_on),
        } for a in case.agreements.select_related("party__organisation").order_by("due_on", "id")],
        "referrals": [{
            "route": r.get_route_display(),
            "organisation": r.organisation.name if r.organisation else None,
            "warm_handover": r.warm_handover, "handed_over": r.handover_summary,
            "referred_on": _d(r.referred_on), "check_on": _d(r.check_on),
            "arrived": r.get_arrived_display(), "checked_on": _d(r.checked_on),
        } for r in case.referrals.select_related("organisation").order_by("referred_on", "id")],
        "questions_to_organisations": [{
            "organisation": p.party.organisation.name, "purpose": p.get_purpose_display(),
            "question": p.question, "asked_at": _dt(p.created_at),
            "answered_at": _dt(p.answered_at),
        } for p in case.partner_links.select_related("party__organisation").order_by("created_at")],
    }


def _procedures(case: Case) -> dict:
    return {
        "disputed_decisions": [{
            "organisation": d.organisation.name if d.organisation else None,
            "subject": d.subject, "made_known_on": _d(d.made_known_on),
            "objection_filed_on": _d(d.objection_filed_on),
            "objection_decided_on": _d(d.objection_decided_on),
            "appeal_filed_on": _d(d.appeal_filed_on),
        } for d in case.decisions.select_related("organisation").order_by("made_known_on", "id")],
        "complaints": [{
            "kind": c.get_kind_display(), "subject": c.subject, "received_on": _d(c.received_on),
            "acknowledged_on": _d(c.acknowledged_on), "hearing_on": _d(c.hearing_on),
            "findings_on": _d(c.findings_on),
        } for c in case.complaints.order_by("received_on", "id")],
        "deadlines": [{
            "name": d.name, "start": _d(d.start), "act_by": _d(d.raw_end),
            "legal_last_day": _d(d.end), "basis": d.basis, "computation": d.explanation,
            "met_on": _d(d.met_on),
        } for d in case.deadlines.order_by("end", "id")],
    }


def _letters(case: Case) -> list[dict]:
    return [{
        "kind": letter.get_kind_display(), "subject": letter.subject, "text": letter.body,
        "to_organisation": letter.party.organisation.name if letter.party else None,
        "channel": letter.get_channel_display(), "made_at": _dt(letter.created_at),
    } for letter in case.letters.select_related("party__organisation").order_by("created_at", "id")]


def _case_as_resident(case: Case) -> dict:
    workflow = case.workflow.workflow
    survey = getattr(case, "survey", None)  # a missing reverse one-to-one is an AttributeError
    return {
        "reference": case.reference,
        "role": "resident",
        "municipality": case.municipality.name,
        "opened_at": _dt(case.opened_at),
        "closed_at": _dt(case.closed_at),
        "status": workflow.status(case.status).label,
        "outcome": workflow.outcome(case.outcome).label if case.outcome else "",
        "channel": case.get_channel_display(),
        "referred_by": case.referred_by,
        "represented": bool(case.representative_id),
        "representative_relation": (case.get_representative_relation_display()
                                    if case.representative_relation else ""),
        "title": case.title,
        "story": case.story,
        "wish": case.wish,
        "route_tried": case.route_tried,
        "health_details": case.sensitive_details,
        "urgency": case.get_urgency_display(),
        "domains": sorted(d.name for d in case.domains.all()),
        "themes": sorted(t.name for t in case.themes.all()),
        "organisations": [{"name": o.organisation.name, "role": o.role}
                          for o in case.organisations.select_related("organisation")
                          .order_by("organisation__name")],
        "timeline": _timeline(case),
        **_mediation(case),
        **_procedures(case),
        "letters": _letters(case),
        "signals": [{"number": s.pk, "title": s.title} for s in case.signals.order_by("pk")],
        "survey": {"invited": survey is not None,
                   "answered": bool(survey and survey.answered)},
    }


def _case_as_representative(case: Case) -> dict:
    return {
        "reference": case.reference,
        "role": "representative",
        "municipality": case.municipality.name,
        "opened_at": _dt(case.opened_at),
        "closed_at": _dt(case.closed_at),
        "representative_relation": (case.get_representative_relation_display()
                                    if case.representative_relation else ""),
    }


def _audit(person: Person) -> list[dict]:
    codes = list(person.office.municipalities.values_list("cbs_code", flat=True))
    entries = AuditEntry.objects.filter(person_id=person.pk, municipality_code__in=[*codes, ""]) \
        .order_by("timestamp", "id")
    return [{
        "at": _dt(e.timestamp), "role": e.role, "action": e.get_action_display(),
        "event": e.event, "object": e.object_label, "municipality": e.municipality_code,
        "authorisation": e.authorisation,
        "channel": e.origin.split(":", 1)[0],
    } for e in entries.iterator(chunk_size=2000)]


def subject_access_data(request: AvgRequest) -> dict:
    """Everything Ombuds holds about the request's person, in format ``ombuds-inzage`` v1."""
    person = request.person
    cases = list(person_cases(person))
    return {
        "format": FORMAT,
        "version": VERSION,
        "request": request.label,
        "made_at": _dt(timezone.now()),
        "controller": {"office": request.municipality.office.name,
                       "municipality": request.municipality.name},
        "person": _person(person),
        "cases": [_case_as_resident(c) if c.person_id == person.pk else _case_as_representative(c)
                  for c in cases],
        "audit": _audit(person),
    }


def subject_attachments_zip(request: AvgRequest) -> bytes:
    """The files attached to the timelines of the cases in which the person is the resident,
    as one ZIP: ``<case reference>/<number>-<original name>``. The officer reads them before
    they are released, like the rest of the export."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        attachments = Attachment.objects.filter(entry__case__person=request.person) \
            .select_related("entry__case").order_by("entry__case__reference", "created_at", "id")
        for number, attachment in enumerate(attachments, start=1):
            name = attachment.original_name.replace("/", "_").replace("\\", "_")
            with attachment.file.open("rb") as handle:
                archive.writestr(f"{attachment.entry.case.reference}/{number:03d}-{name}",
                                 handle.read())
    return buffer.getvalue()


def subject_access_pdf(request: AvgRequest, data: dict) -> bytes:
    """Render ``data`` as a tagged PDF (PDF/UA-1, language nl) for the resident."""
    from weasyprint import HTML

    html = render_to_string("privacy/pdf/access.html", {
        "data": data, "request": request, "office": request.municipality.office,
        "municipality": request.municipality,
        "date_text": timezone.localdate().strftime("%d-%m-%Y"),
    })
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
