"""The letters a case still owes when it is about to close (the closing check, issue 15).

A letter counts as *not sent* when:

- **meeting report**: a held meeting where agreements were made has no report letter about
  it (``LetterKind.MEETING_REPORT`` naming that meeting). The parties and the resident should
  have the agreements in writing before the case closes. A report letter written before
  letters named their meeting (``Letter.meeting`` empty) counts for the meetings held before
  it was written.
- **complaint (variants 4 and 5, title 9.1 Awb)**: a letter the law requires whose fact is not
  recorded (``LETTER_FACTS``: sending the letter records it, or staff record it by hand):
  the acknowledgement of receipt (9:6), and — when the complaint is handled, i.e. not settled
  to the complainant's satisfaction (9:5), not left unhandled (9:8) and not forwarded (9:7) —
  the copy of the complaint to the beklaagde (9:9). A complaint settled under 9:5 owes no
  further letter.

Not listed: the notice of not handling (9:8 lid 3) and the findings (9:12), because the
closing move itself records the date they were sent (the closing form asks for it,
``procedures.complaints.DATE_LABELS``); and the 9:10 hearing report, which the law requires
to be made, not sent. A request to the ombudsfunctie as second line (variant 6) has no
statutory letters of title 9.1 (``REQUEST_LETTERS``).

``CorrespondenceClosingHook`` is registered with ``cases.hooks`` in
``CorrespondenceConfig.ready``.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from ombuds.cases.hooks import CaseHook, OpenItem
from ombuds.correspondence.models import Letter, LetterKind
from ombuds.domain.deadlines import nl_date
from ombuds.mediation.models import Agreement, Meeting
from ombuds.procedures.complaints import complaint_of
from ombuds.procedures.models import Complaint


def _letter_url(case, kind: str) -> str:
    return reverse("correspondence:letter_add", args=[case.reference]) + f"?soort={kind}"


def unreported_meetings(case) -> list[Meeting]:
    """Held meetings of ``case`` with agreements and no report letter about them."""
    report = Letter.objects.filter(case=case, kind=LetterKind.MEETING_REPORT)
    return list(Meeting.objects.filter(case=case, status=Meeting.Status.HELD)
                .filter(Exists(Agreement.objects.filter(meeting=OuterRef("pk"))))
                .exclude(Exists(report.filter(Q(meeting=OuterRef("pk")) | Q(
                    meeting__isnull=True, created_at__gte=OuterRef("starts_at")))))
                .order_by("starts_at", "id"))


def _meeting_items(case) -> list[OpenItem]:
    items = []
    for meeting in unreported_meetings(case):
        held = nl_date(timezone.localtime(meeting.starts_at).date())
        items.append(OpenItem(kind="brief", label=f"Verslag van het gesprek van {held}",
                              detail="er zijn afspraken gemaakt, maar het verslag is niet "
                                     "verstuurd",
                              url=_letter_url(case, LetterKind.MEETING_REPORT)))
    return items


def _complaint_items(case) -> list[OpenItem]:
    complaint = complaint_of(case)
    if complaint is None or complaint.kind != Complaint.Kind.COMPLAINT:
        return []
    if complaint.settled_on or complaint.settlement.strip():
        return []  # Awb 9:5: no further handling, so no further letter
    items = []
    if complaint.acknowledged_on is None:
        items.append(OpenItem(
            kind="brief", label=LetterKind.COMPLAINT_ACKNOWLEDGEMENT.label,
            detail=f"klacht ontvangen op {nl_date(complaint.received_on)}",
            url=_letter_url(case, LetterKind.COMPLAINT_ACKNOWLEDGEMENT)))
    handled = not (complaint.not_handled_ground or complaint.forwarded_on)
    if handled and complaint.copy_sent_on is None:
        items.append(OpenItem(
            kind="brief", label=LetterKind.COMPLAINT_COPY.label,
            detail="de beklaagde heeft de klacht nog niet gekregen",
            url=_letter_url(case, LetterKind.COMPLAINT_COPY)))
    return items


class CorrespondenceClosingHook(CaseHook):
    """Letters a case still owes hold its closure (see the module docstring)."""

    def open_items(self, case) -> list[OpenItem]:
        return _meeting_items(case) + _complaint_items(case)


# --- the closing letter: built from the case's real state -----------------------------------


#: An agreement's status as a sentence for the resident (B1).
STANDING = {
    Agreement.Status.OPEN: "Dit moet nog gebeuren.",
    Agreement.Status.KEPT: "Dit is gebeurd.",
    Agreement.Status.NOT_KEPT: "Dit is niet gebeurd.",
    Agreement.Status.CHANGED: "Deze afspraak is veranderd.",
}


def agreement_owner(agreement: Agreement, *, resident: str = "u") -> str:
    """Who keeps ``agreement``, as the addressee reads it: ``resident`` is how the letter
    names the resident ("u" in a letter to them, their name in one to anyone else); the
    ombudsfunctie, who writes every letter, is "wij"."""
    if agreement.owner == Agreement.Owner.PARTY and agreement.party_id:
        return agreement.party.organisation.name
    return resident if agreement.owner == Agreement.Owner.RESIDENT else "wij"


def all_agreements(case, *, resident: str = "u") -> list[dict]:
    """``alle_afspraken``: every agreement of the case, of every meeting, with its status."""
    agreements = (Agreement.objects.filter(case=case).select_related("party__organisation")
                  .order_by("due_on", "id"))
    return [{"wat": a.description, "wie": agreement_owner(a, resident=resident),
             "uiterlijk": nl_date(a.due_on),
             "status": a.get_status_display().lower(), "stand": STANDING[a.status],
             "open": a.status == Agreement.Status.OPEN, "toelichting": a.status_note}
            for a in agreements]


def all_referrals(case) -> list[dict]:
    """``verwijzingen``: every referral of the case, oldest first, with whether the resident
    arrived (``ja``, ``nee`` or ``onbekend``)."""
    from ombuds.correspondence.context import _contact
    from ombuds.mediation.models import Referral

    referrals = (Referral.objects.filter(case=case).select_related("organisation")
                 .order_by("referred_on", "id"))
    return [{"route": r.get_route_display(),
             "organisatie": r.organisation.name if r.organisation_id else "",
             "contact": _contact(r.organisation) if r.organisation_id else "",
             "verwezen_op": nl_date(r.referred_on), "nagaan_op": nl_date(r.check_on),
             "aangekomen": r.arrived}
            for r in referrals]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _term_words(case, deadline) -> tuple[bool, str]:
    """(whether the resident must act, what the term is for in plain words)."""
    from ombuds.domain.not_in_time import DECISION_KINDS
    from ombuds.procedures.models import DeadlineKind as K

    decision, application = deadline.decision, deadline.application
    source = decision or application
    body = (source.organisation.name if source is not None and source.organisation_id
            else f"de gemeente {case.municipality.name}")
    subject = source.subject if source is not None else ""
    if deadline.kind == K.OBJECTION:
        return True, f"Bezwaar maken tegen het besluit over {subject}"
    if deadline.kind == K.APPEAL:
        return True, ("In beroep gaan bij de rechter tegen de beslissing op uw bezwaar over "
                      f"{subject}")
    if deadline.kind == K.OBJECTION_DECISION:
        return False, _sentence(f"{body} beslist op uw bezwaar tegen het besluit over {subject}")
    if deadline.kind == K.APPLICATION_DECISION:
        if application.kind in DECISION_KINDS:
            return False, _sentence(f"{body} beslist op uw aanvraag: {subject}")
        if application.kind == "wmo_melding":
            return False, _sentence(f"{body} onderzoekt uw melding: {subject}")
        return False, _sentence(f"{body} heeft een eerste gesprek met u over uw vraag: {subject}")
    if deadline.kind == K.PENALTY:
        return False, f"De dwangsom loopt, omdat het besluit over uw aanvraag te laat is: {subject}"
    if deadline.kind == K.INTERNAL_COMPLAINT:
        return False, _sentence(f"de gemeente {case.municipality.name} handelt uw klacht af")
    if deadline.kind == K.COMPLAINT_YEAR:
        return True, "Een klacht indienen over wat er gebeurde"
    return False, deadline.name


def running_terms_rows(case, today) -> list[dict]:
    """``lopende_termijnen``: every legal term still running (``procedures.closing``), nearest
    first, each with what it is for, whether the resident must act, the date to act by and
    the last day. The 9:24 year for the ombudsman is left to ``ombudsman``, which explains it."""
    from ombuds.correspondence.context import plain_article
    from ombuds.procedures.closing import running_terms
    from ombuds.procedures.models import DeadlineKind

    rows = []
    for deadline in running_terms(case, today):
        if deadline.kind == DeadlineKind.OMBUDSMAN_YEAR:
            continue
        for_resident, what = _term_words(case, deadline)
        rows.append({"naam": deadline.name, "wat": what, "voor_u": for_resident,
                     "uiterste_datum": nl_date(deadline.raw_end, weekday=True),
                     "laatste_dag": nl_date(deadline.end, weekday=True),
                     "grondslag": plain_article(deadline.basis)})
    return rows


def closing_context(case, today, *, resident: str = "u") -> dict:
    """The closing letter's own placeholders (``PLACEHOLDERS``: alle_afspraken, verwijzingen,
    lopende_termijnen)."""
    return {"alle_afspraken": all_agreements(case, resident=resident),
            "verwijzingen": all_referrals(case),
            "lopende_termijnen": running_terms_rows(case, today)}


def example_closing_context(municipality, today) -> dict:
    """The same parts for the admin preview: a fictional case."""
    day = nl_date(today, weekday=True)
    return {
        "alle_afspraken": [
            {"wat": "De gemeente neemt binnen twee weken een besluit.", "wie": municipality.name,
             "uiterlijk": nl_date(today), "status": "nagekomen", "stand": "Dit is gebeurd.",
             "open": False, "toelichting": ""},
            {"wat": "Zorgaanbieder De Linde belt u voor een nieuwe afspraak.",
             "wie": "Zorgaanbieder De Linde", "uiterlijk": nl_date(today), "status": "open",
             "stand": "Dit moet nog gebeuren.", "open": True, "toelichting": ""}],
        "verwijzingen": [
            {"route": "Cliëntondersteuning", "organisatie": "MEE IJsseloevers",
             "contact": "088 123 45 67", "verwezen_op": nl_date(today),
             "nagaan_op": nl_date(today), "aangekomen": "onbekend"}],
        "lopende_termijnen": [
            {"naam": "Bezwaartermijn", "wat": "Bezwaar maken tegen het besluit over de "
             "scootmobiel", "voor_u": True, "uiterste_datum": day, "laatste_dag": day,
             "grondslag": "artikel 6:7 en artikel 6:8 van de Algemene wet bestuursrecht"},
            {"naam": "Beslistermijn aanvraag", "wat": f"De gemeente {municipality.name} beslist "
             "op uw aanvraag: traplift", "voor_u": False, "uiterste_datum": day,
             "laatste_dag": day, "grondslag": "Wmo 2015 art. 2.3.5"}],
    }
