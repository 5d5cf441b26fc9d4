"""The deadline watch on pages the ``cases`` app renders (``{% load procedures %}``).

``cases`` never imports ``procedures``: its templates call these tags instead. The holiday
calendar (two queries) and the offices' warning windows are read at most once per request
and kept on the request, so a worklist page costs the same number of queries for 1 or 50
cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django import template
from django.template.defaultfilters import date as date_filter
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from ombuds.core.models import Office
from ombuds.deadlines import HolidayCalendar
from ombuds.domain import complaints as law
from ombuds.procedures.forms import complaint_steps
from ombuds.procedures.models import Complaint, Deadline, DeadlineKind
from ombuds.procedures.selectors import case_deadlines as case_deadlines_selector
from ombuds.procedures.selectors import deadline_state, holiday_calendar
from ombuds.socialmap.models import Organisation

register = template.Library()

#: The badge text per state: the meaning is in the words, the colour only repeats it.
STATE_LABELS = {
    "ok": "Op tijd",
    "warning": "Let op",
    "urgent": "Urgent",
    "passed": "Verlopen",
    "met": "Voldaan",
    "info": "Ter informatie",
}


def request_calendar(request) -> HolidayCalendar:
    """Return the Atw calendar, read from the database once per request."""
    if request is None:
        return holiday_calendar()
    calendar = getattr(request, "_ombuds_holiday_calendar", None)
    if calendar is None:
        calendar = request._ombuds_holiday_calendar = holiday_calendar()
    return calendar


def request_office(request, office_id: int) -> Office:
    """Return an office (for its warning window), read once per request."""
    offices = getattr(request, "_ombuds_offices", None) if request is not None else None
    if offices is None:
        offices = {}
        if request is not None:
            request._ombuds_offices = offices
    if office_id not in offices:
        offices[office_id] = Office.objects.get(pk=office_id)
    return offices[office_id]


def _stylesheet_once(request) -> bool:
    """Whether this tag call must link the stylesheet (the first call in the request)."""
    if request is None:
        return True
    if getattr(request, "_ombuds_procedures_css", False):
        return False
    request._ombuds_procedures_css = True
    return True


@dataclass(frozen=True)
class DeadlineView:
    """A deadline as the page shows it: the row and its badge."""

    deadline: Deadline
    state: str

    @property
    def label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def is_open_objection(self) -> bool:
        """The objection term still runs and no objection was filed: advise a pro-forma one."""
        return (self.deadline.kind == DeadlineKind.OBJECTION and self.deadline.met_on is None
                and self.state != "passed")

    @property
    def is_late_objection(self) -> bool:
        """The objection came after the term's legal end (Awb 6:9; by post the planning sets
        ``met_on`` to the posting date, so an objection in time by 6:9 lid 2 is not late)."""
        return (self.deadline.kind == DeadlineKind.OBJECTION and self.deadline.met_on is not None
                and self.deadline.met_on > self.deadline.end)


def deadline_view(deadline: Deadline, *, case, request, calendar=None) -> DeadlineView:
    """Return the watch state of ``deadline``: met, information only, or ok…passed."""
    if deadline.met_on is not None:
        return DeadlineView(deadline, "met")
    if not deadline.watched:
        return DeadlineView(deadline, "info")
    office = request_office(request, case.municipality.office_id)
    state = deadline_state(raw_end=deadline.raw_end, end=deadline.end, office=office,
                           calendar=calendar or request_calendar(request),
                           today=timezone.localdate())
    return DeadlineView(deadline, state)


def _day(value, format_string: str) -> str:
    """``{{ value|date:format_string }}`` (Dutch day and month names), escaped."""
    return conditional_escape(date_filter(value, format_string))


def _fact(key: str, value: str) -> str:
    return (f'<div class="utrecht-data-list__item"><dt class="utrecht-data-list__item-key">{key}'
            f'</dt><dd class="utrecht-data-list__item-value">{value}</dd></div>')


@register.simple_tag
def deadline_item(view: DeadlineView) -> SafeString:
    """One term of the "Termijnen" section: the markup of ``includes/deadline.html`` (with
    its ``state_badge.html``), written in Python with the same escaping. A case has a term
    list per decision and per complaint, and an include per term cost more than the rest of
    the section; ``test_page_deadlines.py`` checks the output against the template."""
    deadline, e = view.deadline, conditional_escape
    extended = (' <span class="ombuds-muted">(verlengd door de Algemene termijnenwet)</span>'
                if deadline.end != deadline.raw_end else "")
    met = _fact("Voldaan op", _day(deadline.met_on, "j F Y")) if deadline.met_on else ""
    caveat = (f'<p class="utrecht-paragraph ombuds-deadline__caveat"><strong>Let op:</strong> '
              f'{e(deadline.caveat)}</p>' if deadline.caveat else "")
    badge = (f'<span class="ombuds-deadline-badge ombuds-deadline-badge--{e(view.state)}"><span '
             f'class="ombuds-visually-hidden">Status: </span>{e(view.label)}</span>\n')
    promise = deadline.kind == DeadlineKind.FIRST_CONTACT  # the office's, not the law's
    facts = [
        _fact("Contact uiterlijk op" if promise else "Uiterste datum om te handelen",
              f'<strong><time datetime="{_day(deadline.raw_end, "Y-m-d")}">'
              f'{_day(deadline.raw_end, "l j F Y")}</time></strong>'),
        "" if promise else _fact(
            "Wettelijke laatste dag", f'<time datetime="{_day(deadline.end, "Y-m-d")}">'
                                      f'{_day(deadline.end, "l j F Y")}</time>{extended}'),
        _fact("Eerste dag", f'<time datetime="{_day(deadline.start, "Y-m-d")}">'
                            f'{_day(deadline.start, "j F Y")}</time>'),
        _fact("Grondslag", e(deadline.basis)),
        _fact("Berekening", e(deadline.explanation)),
        met,
    ]
    return mark_safe(  # noqa: S308 - every value in it is escaped above
        f'<li class="ombuds-deadline ombuds-deadline--{e(view.state)}">\n'
        f'  <h5 class="utrecht-heading-5 ombuds-deadline__title">{e(deadline.name)} {badge}</h5>\n'
        '  <dl class="utrecht-data-list utrecht-data-list--rows ombuds-facts '
        'ombuds-deadline__facts">\n'
        + "".join(f"    {fact}\n" for fact in facts)
        + f"  </dl>\n  {caveat}\n</li>\n")


@register.inclusion_tag("procedures/includes/case_deadlines.html", takes_context=True)
def case_deadlines(context, case):
    """The "Termijnen" section of the case page: every term, grouped per disputed decision and
    per complaint, with the advice to object pro forma while mediation runs, the flag of a
    late objection (Awb 6:9, what 6:11 allows) and the mark of a date the resident gave that
    staff have not checked; and the office's promise of first contact, apart from the legal
    terms. An application's terms are in their own section."""
    request = context.get("request")
    calendar = None  # read only when an open, watched term needs its state
    decisions: dict[int, dict] = {}
    complaints: dict[int, dict] = {}
    promises: list[DeadlineView] = []
    for deadline in case_deadlines_selector(case):
        if deadline.application_id:
            continue  # in "Aanvragen en meldingen" (templatetags/applications.py)
        if calendar is None and deadline.met_on is None and deadline.watched:
            calendar = request_calendar(request)
        view = deadline_view(deadline, case=case, request=request, calendar=calendar)
        if not (deadline.decision_id or deadline.complaint_id):
            promises.append(view)  # the office's promise of first contact: not the law
            continue
        if deadline.decision_id:
            group = decisions.setdefault(deadline.decision_id, {
                "decision": deadline.decision, "deadlines": [], "advice": None,
                "late_objection": None})
            if view.is_open_objection and not case.is_closed:
                group["advice"] = view
            if view.is_late_objection:
                group["late_objection"] = view
        else:
            group = complaints.setdefault(deadline.complaint_id, {
                "complaint": deadline.complaint, "deadlines": []})
        group["deadlines"].append(view)
    organisations = Organisation.objects.in_bulk(
        {g["decision"].organisation_id for g in decisions.values()} - {None})
    for group in [*decisions.values(), *complaints.values()]:
        # The procedure's own steps in order; a resident's year limits (information) last.
        group["deadlines"].sort(key=lambda v: (not v.deadline.watched, v.deadline.start,
                                               v.deadline.end, v.deadline.pk))
    for group in decisions.values():
        group["organisation"] = organisations.get(group["decision"].organisation_id)
    return {
        "case": case,
        "complaint": complaint_section(case, complaints),
        "decisions": sorted(decisions.values(),
                            key=lambda g: (g["decision"].made_known_on, g["decision"].pk)),
        "complaints": sorted(complaints.values(),
                             key=lambda g: (g["complaint"].received_on, g["complaint"].pk)),
        "promises": promises,
        "stylesheet": _stylesheet_once(request),
    }


def complaint_section(case, groups: dict[int, dict]) -> dict | None:
    """What the "Klachtbehandeling" section shows, or ``None`` on a case without complaint
    handling (variants 1–3), and on a closed case that never became a complaint (variant 5:
    the hint how to convert it no longer applies). ``groups`` are the complaint's terms,
    already read."""
    variant = case.workflow.variant
    if variant not in law.COMPLAINT_VARIANTS:
        return None
    complaint = (Complaint.objects.filter(case=case).select_related("respondent_organisation")
                 .order_by("id").first())
    if complaint is None:
        return None if case.is_closed else {"complaint": None, "variant": variant}
    complaint.case = case
    elements = list(complaint.elements.all())
    group = groups.get(complaint.pk, {"deadlines": []})
    return {
        "complaint": complaint, "variant": variant, "elements": elements,
        "overall": law.JUDGMENTS.get(law.overall_judgment(e.judgment for e in elements) or ""),
        "events": complaint_events(complaint),
        "needed": complaint_needs(complaint, variant, elements),
        "steps": [(slug, form.title) for slug, form in complaint_steps(variant)],
        "deadlines": group["deadlines"],
        "not_handled": law.NOT_HANDLED_GROUNDS.get(complaint.not_handled_ground),
        "skipped": law.HEARING_SKIP_GROUNDS.get(complaint.hearing_skipped_ground),
        "inadmissible": law.INADMISSIBLE_GROUNDS.get(complaint.inadmissible_ground),
        "norms": {code: label for code, (_value, label) in law.NORMS.items()},
    }


def complaint_events(c: Complaint) -> list[tuple[str, object]]:
    """What has happened in the handling, in the law's order: (label, date or text)."""
    rows = [
        ("Ontvangst bevestigd (Awb 9:6)", c.acknowledged_on),
        ("Om aanvulling gevraagd (Awb 4:5)", c.repair_requested_on),
        ("Aanvullen tot en met", c.repair_until),
        ("Aangevuld", c.repaired_on),
        ("Afschrift aan de beklaagde (Awb 9:9)", c.copy_sent_on),
        ("Doorgezonden (Awb 9:7)", c.forwarded_on),
        ("Doorgezonden aan", c.forwarded_to),
        ("Bericht niet-behandelen verstuurd (Awb 9:8 lid 3)", c.not_handled_notice_on),
        ("Uitgenodigd voor het horen", c.hearing_invited_on),
        ("Gehoord (Awb 9:10)", c.hearing_on),
        ("Wie zijn gehoord", c.hearing_heard),
        ("Verdaagd (Awb 9:11 lid 2)", c.postponed_on),
        ("Instemming met verder uitstel (Awb 9:11 lid 3)", c.delay_consent_on),
        ("Verder uitgesteld tot en met", c.delay_consented_until),
        ("Naar tevredenheid opgelost (Awb 9:5)", c.settled_on),
        ("Bevindingen en oordeel verstuurd (Awb 9:12)", c.findings_on),
    ]
    return [(label, value) for label, value in rows if value]


def complaint_needs(c: Complaint, variant: int, elements) -> list[str]:
    """What the law still needs before the next steps, in plain Dutch with the article."""
    if c.outcome:
        return []
    needed = []
    missing = c.missing
    if not c.requirements_checked and c.kind == Complaint.Kind.COMPLAINT:
        needed.append("Controleer of de schriftelijke klacht ondertekend is en naam, adres, datum "
                      "en een omschrijving van de gedraging heeft (Awb 9:4 lid 2).")
    if missing and not c.repaired_on:
        needed.append(f"De klacht mist: {', '.join(missing)}. Vraag de klager dit aan te vullen "
                      "(Awb 9:4 lid 2, 4:5 lid 1).")
    if c.kind == Complaint.Kind.COMPLAINT and not c.acknowledged_on:
        needed.append("Bevestig de ontvangst schriftelijk (Awb 9:6).")
    if c.respondent and not c.copy_sent_on:
        needed.append("Stuur de beklaagde een afschrift van de klacht (Awb 9:9).")
    if not c.respondent:
        needed.append("Leg vast over wie wordt geklaagd: de beklaagde (Awb 9:9, 9:10).")
    if c.not_handled_ground or c.inadmissible_ground or c.settlement.strip():
        return needed  # the handling ends without hearing or ruling (Awb 9:5, 9:8, 9:20)
    if not c.hearing_skipped_ground:
        if not c.hearing_on:
            needed.append("Hoor de klager en de beklaagde, of kies een grond om niet te horen "
                          "(Awb 9:10).")
        elif not c.hearing_report.strip():
            needed.append("Leg het verslag van het horen vast (Awb 9:10 lid 3).")
    for_ruling = []
    if not (c.findings.strip() and c.conclusions.strip()):
        for_ruling.append("bevindingen en conclusies (Awb 9:12 lid 1)")
    if law.overall_judgment(e.judgment for e in elements) is None:
        for_ruling.append("een gemotiveerd oordeel per klachtonderdeel (Awb 9:12 lid 1)")
    if for_ruling:
        needed.append(f"Nog nodig voor het oordeel: {' en '.join(for_ruling)}.")
    if variant == 6 and not c.internal_findings_on and not c.internal_received_on:
        needed.append("Leg vast wanneer de gemeente de klacht zelf ontving of erover oordeelde: "
                      "het verzoek is pas ontvankelijk als haar klachtbehandeling is afgerond "
                      "of had moeten zijn (Awb 9:20 lid 1, 9:24 lid 1).")
    return needed


def _short_day(day) -> str:
    """A date as the worklist shows it: 4-1-2027 in a <time> element."""
    return f'<time datetime="{day.isoformat()}">{day.day}-{day.month}-{day.year}</time>' if day else ""


def _legal_day(raw_end, end) -> str:
    """", wettelijk 4-1-2027" when the Atw moved the legal last day past the raw end."""
    return f"<br>wettelijk {_short_day(end)}" if raw_end and end and end != raw_end else ""


@register.simple_tag(takes_context=True)
def worklist_deadline(context, case):
    """The "Termijn" cell of a worklist row: the nearest open term, its date and badge.

    Built in Python rather than with an included template: it runs 50 times per worklist
    page, and the markup is small (same as ``includes/worklist_deadline.html`` was).
    """
    request = context.get("request")
    stylesheet = format_html('<link rel="stylesheet" href="{}">', static("procedures/procedures.css")) \
        if _stylesheet_once(request) else ""
    if case.next_deadline_end is None:
        return format_html('{}<span class="ombuds-muted">Geen<span class="ombuds-visually-hidden">'
                           ' termijn</span></span>', stylesheet)
    office = request_office(request, case.municipality.office_id)
    state = deadline_state(
        raw_end=case.next_deadline_raw_end or case.next_deadline_end,
        end=case.next_deadline_end, office=office, calendar=request_calendar(request),
        today=timezone.localdate())
    raw_end, end = case.next_deadline_raw_end, case.next_deadline_end
    # The legal last day too when the Atw moved it: the date the resident was told (issue 14).
    legal = _legal_day(raw_end, end)
    if case.next_legal_end and case.next_legal_end != end:
        # The nearest term is the office's promise: the nearest legal one stays in sight.
        legal += (f'<br>{escape(case.next_legal_name)} uiterlijk {_short_day(case.next_legal_raw_end)}'
                  f'{_legal_day(case.next_legal_raw_end, case.next_legal_end)}')
    # The same markup as format_html gave, without its lazy-string checks per argument
    # (50 cells a page): only the deadline's name is text from the database.
    return mark_safe(  # noqa: S308 - the name is escaped; the rest are dates and fixed words
        f'{stylesheet}<span class="ombuds-worklist-deadline">{escape(case.next_deadline_name)}'
        f'<br>uiterlijk <time datetime="{raw_end.isoformat() if raw_end else ""}">'
        f'{f"{raw_end.day}-{raw_end.month}-{raw_end.year}" if raw_end else ""}</time>{legal}'
        f'<br><span class="ombuds-deadline-badge ombuds-deadline-badge--{state}"><span '
        f'class="ombuds-visually-hidden">Status: </span>{STATE_LABELS[state]}</span></span>')

