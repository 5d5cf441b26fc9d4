"""Reads for mediation: what may be shared with a party, a case's mediation file, the open
agreements of a handler and the agreements a reminder is due for.

A case is fetched only through ``cases.selectors.access_case``; the functions here take a
case (or a party of one) the caller already opened, except the list of a user's open
agreements, which is scoped with ``visible_cases`` and audited as a search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import Prefetch, QuerySet

from ombuds.cases.models import Case, CaseOrganisation
from ombuds.cases.selectors import visible_cases
from ombuds.core.audit import Action, audit_log
from ombuds.deadlines import HolidayCalendar, working_days_between
from ombuds.mediation.models import (
    Agreement,
    Consent,
    ConsentOverride,
    Meeting,
    PartnerLink,
    Referral,
    SurveyInvitation,
)

#: A reminder goes out when an open agreement is due within this many working days.
REMINDER_WORKING_DAYS = 2

STORY, CONTACT = "story", "contact"


def valid_consents(party: CaseOrganisation) -> QuerySet[Consent]:
    """Return the consents of ``party`` that have not been revoked."""
    return Consent.objects.filter(party=party, revoked_on__isnull=True)


def has_override(party: CaseOrganisation) -> bool:
    """Whether sharing with ``party`` was justified by a vital interest (AVG art. 9(2)(c))."""
    return ConsentOverride.objects.filter(party=party).exists()


def may_share(party: CaseOrganisation, purpose: str) -> bool:
    """Whether anything about the resident may go to ``party`` for ``purpose``: a valid (not
    revoked) consent for that purpose, or a recorded vital-interest override."""
    return valid_consents(party).filter(purpose=purpose).exists() or has_override(party)


def shared_fields(party: CaseOrganisation) -> set[str]:
    """Return what of the resident ``party`` may see: ``{"story", "contact"}``, one of them, or
    the empty set (nothing personal). An override shares both; otherwise the union of the
    valid consents' choices."""
    if has_override(party):
        return {STORY, CONTACT}
    fields: set[str] = set()
    for story, contact in valid_consents(party).values_list("shares_story", "shares_contact"):
        if story:
            fields.add(STORY)
        if contact:
            fields.add(CONTACT)
    return fields


def handover_consent(case: Case, organisation_id: int | None) -> Consent | None:
    """Return a valid warm-handover consent for a party of ``case`` that is ``organisation``."""
    if organisation_id is None:
        return None
    return (Consent.objects.filter(case=case, party__organisation_id=organisation_id,
                                   purpose="warme_overdracht", revoked_on__isnull=True)
            .order_by("-given_on", "-id").first())


@dataclass
class MediationFile:
    """Everything the mediation sections of a case page show, read in a fixed number of
    queries."""

    parties: list[CaseOrganisation] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    loose_agreements: list[Agreement] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    #: Whether the case has partner links or a survey invitation (read only if so).
    has_partner_links: bool = True
    has_survey: bool = True


#: The case's mediation records a page may show, by the name ``present`` reports them under.
_RECORDS = {"consents": Consent, "overrides": ConsentOverride, "meetings": Meeting,
            "agreements": Agreement, "referrals": Referral, "partner_links": PartnerLink,
            "survey": SurveyInvitation}


def present(case: Case) -> dict[str, bool]:
    """Return per kind of mediation record (``_RECORDS``) whether ``case`` has any, in one
    query. Most cases are never mediated: their page then skips a query per kind.

    Plain SQL (names from the models): the same query through ``Exists`` costs the ORM ten
    times the database's time to build, which is what this read is meant to save.
    """
    quote = connection.ops.quote_name
    # Only table and column names of our own models go into the text; the case is a parameter.
    tests = [(quote(model._meta.db_table), quote(model._meta.get_field("case").column))
             for model in _RECORDS.values()]
    exists = [f"EXISTS (SELECT 1 FROM {t} WHERE {c} = %s)" for t, c in tests]  # noqa: S608
    sql = "SELECT " + ", ".join(exists)
    with connection.cursor() as cursor:
        cursor.execute(sql, [case.pk] * len(_RECORDS))
        row = cursor.fetchone()
    return {name: bool(value) for name, value in zip(_RECORDS, row, strict=True)}


def case_mediation(case: Case) -> MediationFile:
    """Return the parties (with consents and overrides), the meetings (with their agreements
    and parties) and the referrals of ``case``. No audit: the caller opened the case.

    A kind of record the case has none of (see ``present``) is not read: an empty list, or
    for the parties' consents and overrides a ``none()`` query set, which Django answers
    without asking the database.
    """
    has = present(case)

    def prefetched(name: str, queryset: QuerySet) -> Prefetch:
        return Prefetch(name, queryset=queryset if has[name] else queryset.none())

    parties = list(
        CaseOrganisation.objects.filter(case=case).select_related("organisation")
        .prefetch_related(
            prefetched("consents", Consent.objects.select_related("recorded_by")),
            prefetched("overrides", ConsentOverride.objects.select_related("decided_by")
                       .order_by("-decided_at")),
        ).order_by("organisation__name", "id")
    )
    meetings, loose, referrals = [], [], []
    if has["meetings"]:
        agreements = Prefetch("agreements", queryset=Agreement.objects.select_related(
            "party__organisation").order_by("due_on", "id"))
        meetings = list(Meeting.objects.filter(case=case)
                        .prefetch_related("parties__organisation", agreements)
                        .order_by("-starts_at", "-id"))
    if has["agreements"]:
        loose = list(Agreement.objects.filter(case=case, meeting__isnull=True)
                     .select_related("party__organisation"))
    if has["referrals"]:
        referrals = list(Referral.objects.filter(case=case).select_related("organisation"))
    return MediationFile(parties=parties, meetings=meetings, loose_agreements=loose,
                         referrals=referrals, has_partner_links=has["partner_links"],
                         has_survey=has["survey"])


def case_meeting(case: Case, meeting_id: int) -> Meeting | None:
    """Return the meeting ``meeting_id`` of ``case`` (the caller opened the case) with its
    parties and agreements, or None when the case has no such meeting."""
    agreements = Prefetch("agreements", queryset=Agreement.objects.select_related(
        "party__organisation").order_by("due_on", "id"))
    meeting = (Meeting.objects.filter(case=case, pk=meeting_id)
               .prefetch_related("parties__organisation", agreements).first())
    if meeting is not None:
        meeting.case = case
    return meeting


def open_agreements(user) -> list[Agreement]:
    """Return the open agreements of the cases assigned to ``user`` (and visible to them),
    earliest due first. Audited as a search: the list shows case references."""
    cases = visible_cases(user).filter(assignee=user)
    agreements = list(
        Agreement.objects.filter(case__in=cases, status=Agreement.Status.OPEN)
        .select_related("case", "party__organisation", "meeting")
        .order_by("due_on", "case__reference", "id")
    )
    audit_log(user=user, action=Action.EXECUTE, event="agreement.listed",
              object_type="mediation.agreement", details={"view": "mijn_open_afspraken",
                                                          "count": len(agreements)})
    return agreements


def open_referral_checks(user) -> list[Referral]:
    """Return the referrals in the cases assigned to ``user`` that were not checked yet (did the
    resident arrive?), earliest check date first; also of closed cases, as a referred case is usually closed.
    Audited as a search: the list shows case references."""
    cases = visible_cases(user).filter(assignee=user)
    referrals = list(
        Referral.objects.filter(case__in=cases, arrived=Referral.Arrived.UNKNOWN,
                                checked_on__isnull=True)
        .select_related("case", "organisation")
        .order_by("check_on", "case__reference", "id")
    )
    audit_log(user=user, action=Action.EXECUTE, event="referral.listed",
              object_type="mediation.referral", details={"view": "mijn_open_afspraken",
                                                         "count": len(referrals)})
    return referrals


def reminder_horizon(today: date, calendar: HolidayCalendar | None = None) -> date:
    """Return the last due date a reminder is sent for today: ``REMINDER_WORKING_DAYS``
    working days ahead (weekends and Atw holidays do not count)."""
    day = today
    while working_days_between(today, day, calendar) < REMINDER_WORKING_DAYS:
        day += timedelta(days=1)
    return day


def agreements_to_remind(today: date, calendar: HolidayCalendar | None = None
                         ) -> QuerySet[Agreement]:
    """Return the open agreements of assigned open cases due by the horizon (or overdue) for
    which no reminder went out yet."""
    return (Agreement.objects.filter(status=Agreement.Status.OPEN, reminded_on__isnull=True,
                                     due_on__lte=reminder_horizon(today, calendar),
                                     case__assignee__isnull=False, case__closed_at__isnull=True)
            .select_related("case__assignee", "party__organisation")
            .order_by("case__assignee_id", "due_on", "id"))


def referral_checks_to_remind(today: date, calendar: HolidayCalendar | None = None
                              ) -> QuerySet[Referral]:
    """Return the referrals of assigned cases (open or closed) whose arrival is still unknown,
    to be checked by the horizon (or earlier), for which no reminder went out yet."""
    return (Referral.objects.filter(arrived=Referral.Arrived.UNKNOWN, checked_on__isnull=True,
                                    reminded_on__isnull=True,
                                    check_on__lte=reminder_horizon(today, calendar),
                                    case__assignee__isnull=False)
            .select_related("case__assignee", "organisation")
            .order_by("case__assignee_id", "check_on", "id"))


def passed_objection_term(case: Case, on: date) -> str:
    """What to say when ``case`` is referred to the objection route on ``on`` while the
    objection term of every disputed decision of the case has passed without an objection
    (Awb 6:7, 6:8): what is still possible. Empty when a term still runs, an objection was
    made, or no decision is recorded (then nothing is known to have passed).

    A late objection is handled only when the lateness is excusable (Awb 6:11). Conduct the
    resident could have objected to cannot become a complaint (Awb 9:8 lid 1 onder c) nor go
    to the ombudsman (9:23); how the resident was treated can (9:1, 9:18). The dates are the
    stored terms of the deadline engine."""
    from ombuds.deadlines import nl_date
    from ombuds.procedures.models import Deadline, DeadlineKind

    terms = list(Deadline.objects.filter(case=case, kind=DeadlineKind.OBJECTION)
                 .select_related("decision").order_by("end", "id"))
    if not terms or any(t.met_on or t.end >= on for t in terms):
        return ""
    last = terms[-1]
    return (f"Let op: de bezwaartermijn tegen ‘{last.decision.subject}’ eindigde op "
            f"{nl_date(last.end, weekday=True)} (Awb 6:7, 6:8). Een bezwaar dat nu komt, is te "
            "laat. Het wordt alleen behandeld als de inwoner de termijnoverschrijding "
            "redelijkerwijs niet te verwijten is (Awb 6:11): schrijf in het bezwaar waarom het "
            "te laat is. Over de inhoud van het besluit kan geen klacht meer worden ingediend "
            "(Awb 9:8 lid 1 onder c). Over hoe de inwoner is behandeld wel: een klacht bij de "
            "gemeente (Awb 9:1) en daarna de ombudsman (Awb 9:18).")
