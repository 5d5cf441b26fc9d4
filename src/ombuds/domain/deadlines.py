"""Legal terms of the social domain, computed per the Algemene termijnenwet (Atw).

Pure Python, no Django: the service layer passes a ``HolidayCalendar`` holding the
designated days an admin added; without one, the days that ship with Ombuds are used.

Sources (wetten.overheid.nl):
- Atw art. 1 (a term ending on a Saturday, Sunday or holiday runs to the next day that is none),
  art. 2 (a term of at least three days contains at least two such days), art. 3 lid 1–2
  (the holidays, Good Friday), lid 3 (further days designated by decree), art. 4 (no Atw for
  terms in years or longer than twelve weeks, three months or ninety days).
- Designated days: Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024,
  27 december 2024 en 30 mei 2025 (2023–2025) and Besluit gelijkstelling van 2 januari 2026,
  15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 (2026–2028), Staatscourant.

**Postponements** (Awb 7:10 lid 3, 9:11 lid 2) run from the *legal* (Atw-extended) end of
the term they postpone: that is the day the first term really ended, so the postponement
starts the next day, exactly as the decision term of Awb 7:10 starts the day after the legal
end of the objection term. The same rule is applied everywhere.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

__all__ = [
    "DESIGNATED_DAYS",
    "HolidayCalendar",
    "OK",
    "PASSED",
    "URGENT",
    "WARNING",
    "apply_atw",
    "appeal_term",
    "Term",
    "complaint_refusal_notice_term",
    "complaint_term",
    "complaint_term_with_consent",
    "ombudsman_request_term",
    "postponement_in_time",
    "debt_help_first_contact_term",
    "repair_term",
    "is_atw_holiday",
    "nl_date",
    "objection_decision_term",
    "objection_term",
    "one_year_limit",
    "reasonable_decision_term",
    "wmo_decision_term",
    "watch_state",
    "wmo_investigation_term",
    "working_days_between",
]

#: Days designated under Atw art. 3 lid 3, by the decrees cited in the module docstring.
DESIGNATED_DAYS: dict[date, str] = {
    date(2023, 4, 28): "gelijkgestelde dag (vrijdag na Koningsdag)",
    date(2023, 5, 19): "gelijkgestelde dag (vrijdag na Hemelvaartsdag)",
    date(2024, 5, 10): "gelijkgestelde dag (vrijdag na Hemelvaartsdag)",
    date(2024, 12, 27): "gelijkgestelde dag (vrijdag na Tweede Kerstdag)",
    date(2025, 5, 30): "gelijkgestelde dag (vrijdag na Hemelvaartsdag)",
    date(2026, 1, 2): "gelijkgestelde dag (vrijdag na Nieuwjaarsdag)",
    date(2026, 5, 15): "gelijkgestelde dag (vrijdag na Hemelvaartsdag)",
    date(2027, 5, 7): "gelijkgestelde dag (vrijdag na Hemelvaartsdag)",
    date(2028, 4, 28): "gelijkgestelde dag (vrijdag na Koningsdag)",
    date(2028, 5, 26): "gelijkgestelde dag (vrijdag na Hemelvaartsdag)",
}
#: The years the shipped decrees cover; outside them a term carries a caveat.
DESIGNATED_YEARS = frozenset(range(2023, 2029))

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


def nl_date(day: date, *, weekday: bool = False) -> str:
    """Return ``day`` written out in Dutch, e.g. 'dinsdag 14 april 2026'."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def easter_sunday(year: int) -> date:
    """Return Easter Sunday (Gregorian calendar; the anonymous 'Meeus/Jones/Butcher' rule)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def statutory_holidays(year: int) -> dict[date, str]:
    """Return the holidays of Atw art. 3 lid 1 and 2 in ``year`` (without designated days).

    The King's birthday is celebrated on 27 April, or on 26 April when the 27th is a Sunday
    (Wet viering Koningsdag); it is never moved to a Monday. 5 May counts every year.
    """
    easter = easter_sunday(year)
    kings_day = date(year, 4, 27)
    if kings_day.weekday() == 6:
        kings_day = date(year, 4, 26)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter - timedelta(days=2): "Goede Vrijdag",
        easter + timedelta(days=1): "Tweede Paasdag",
        kings_day: "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag (5 mei)",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }


@functools.lru_cache(maxsize=256)
def _statutory_holidays_cached(year: int) -> Mapping[date, str]:
    """``statutory_holidays`` computed once per year (the watch asks for every day it counts)."""
    return MappingProxyType(statutory_holidays(year))


@dataclass(frozen=True)
class HolidayCalendar:
    """The Atw calendar: statutory holidays plus designated days (art. 3 lid 3)."""

    designated: Mapping[date, str] = field(default_factory=lambda: dict(DESIGNATED_DAYS))
    designated_years: frozenset[int] = DESIGNATED_YEARS

    @classmethod
    def with_days(cls, days: Mapping[date, str], years: Iterable[int] = ()) -> HolidayCalendar:
        """Return the shipped calendar extended with an admin's days and covered years."""
        return cls(designated={**DESIGNATED_DAYS, **days},
                   designated_years=DESIGNATED_YEARS | frozenset(years))

    def holiday_name(self, day: date) -> str | None:
        return _statutory_holidays_cached(day.year).get(day) or self.designated.get(day)

    def is_holiday(self, day: date) -> bool:
        return self.holiday_name(day) is not None

    def is_rest_day(self, day: date) -> bool:
        """Saturday, Sunday or a holiday: the days the Atw does not let a term end on."""
        return day.weekday() >= 5 or self.is_holiday(day)


DEFAULT_CALENDAR = HolidayCalendar()


def is_atw_holiday(day: date, calendar: HolidayCalendar | None = None) -> bool:
    """Whether ``day`` is a holiday in the sense of Atw art. 3 (lid 1, 2 or 3).

    Saturdays and Sundays are not holidays; they are rest days (Atw art. 1).
    """
    return (calendar or DEFAULT_CALENDAR).is_holiday(day)


@dataclass(frozen=True)
class Term:
    """A computed legal term.

    ``start`` is its first day, ``raw_end`` the last day by counting alone, ``end`` the legal
    last day after the Atw (equal to ``raw_end`` where the Atw does not apply).
    """

    name: str
    start: date
    raw_end: date
    end: date
    basis: str
    explanation: str
    atw_applies: bool
    caveat: str = ""

    @property
    def extended(self) -> bool:
        return self.end != self.raw_end


def apply_atw(start: date, raw_end: date, calendar: HolidayCalendar | None = None) -> date:
    """Return the legal last day of a statutory term running from ``start`` to ``raw_end``.

    Atw art. 2 (a term of at least three days is extended to contain two days that are not a
    Saturday, Sunday or holiday), then art. 1 (a term ending on such a day runs to the next
    day that is none). The caller decides whether the Atw applies at all (art. 4).
    """
    return _atw_end(start, raw_end, calendar or DEFAULT_CALENDAR)[0]


def _atw_end(start: date, raw_end: date, calendar: HolidayCalendar) -> tuple[date, list[str]]:
    """Apply Atw art. 2 then art. 1; return the legal end and the Dutch reasons."""
    reasons: list[str] = []
    end = raw_end
    if (raw_end - start).days + 1 >= 3:
        days = (start + timedelta(n) for n in range((raw_end - start).days + 1))
        working = sum(not calendar.is_rest_day(d) for d in days)
        if working < 2:
            while working < 2:
                end += timedelta(days=1)
                working += not calendar.is_rest_day(end)
            reasons.append(
                f"De termijn moet minstens twee werkdagen bevatten (Atw art. 2); "
                f"daarom loopt hij door tot en met {nl_date(end, weekday=True)}."
            )
    if calendar.is_rest_day(end):
        blocked = end
        while calendar.is_rest_day(end):
            end += timedelta(days=1)
        why = (f"is een feestdag ({calendar.holiday_name(blocked)})" if calendar.is_holiday(blocked)
               else "valt in het weekend")
        reasons.append(
            f"{nl_date(blocked, weekday=True).capitalize()} {why}; de termijn loopt daarom door "
            f"tot en met {nl_date(end, weekday=True)} (Atw art. 1)."
        )
    return end, reasons


def _caveat(start: date, end: date, calendar: HolidayCalendar) -> str:
    missing = sorted(y for y in range(start.year, end.year + 1) if y not in calendar.designated_years)
    if not missing:
        return ""
    years = ", ".join(str(y) for y in missing)
    return (f"Voor {years} zijn nog geen gelijkgestelde dagen (Atw art. 3 lid 3) bekend; "
            "controleer de einddatum als die dagen worden aangewezen.")


def _weeks(weeks: int) -> str:
    words = {1: "een", 2: "twee", 4: "vier", 6: "zes", 8: "acht", 10: "tien", 12: "twaalf"}
    return f"{words.get(weeks, weeks)} {'week' if weeks == 1 else 'weken'}"


def _term(name: str, *, event: str, event_day: date, start: date, weeks: int, basis: str,
          calendar: HolidayCalendar | None) -> Term:
    """A term of ``weeks`` weeks whose first day is ``start``; the Atw applies (≤ 12 weeks)."""
    calendar = calendar or DEFAULT_CALENDAR
    raw_end = start + timedelta(weeks=weeks) - timedelta(days=1)
    atw_applies = weeks <= 12
    end, reasons = _atw_end(start, raw_end, calendar) if atw_applies else (raw_end, [])
    explanation = " ".join([
        f"{event} op {nl_date(event_day)}.",
        f"De termijn begint op {nl_date(start)} en duurt {_weeks(weeks)}:",
        f"de laatste dag is {nl_date(raw_end, weekday=True)}.",
        *reasons,
    ])
    return Term(name=name, start=start, raw_end=raw_end, end=end,
                basis=basis + ("; Atw art. 1, 2" if atw_applies else "; Atw art. 4"),
                explanation=explanation, atw_applies=atw_applies,
                caveat=_caveat(start, end, calendar))


def objection_term(made_known: date, calendar: HolidayCalendar | None = None) -> Term:
    """Objection (bezwaar) term: six weeks from the day after the decision was made known.

    Awb 6:7 (six weeks), 6:8 lid 1 (starts the day after the day the decision was made known,
    even if it never arrived). Last day = made_known + 42 days, then the Atw.
    """
    return _term("Bezwaartermijn", event="Besluit bekendgemaakt", event_day=made_known,
                 start=made_known + timedelta(days=1), weeks=6, basis="Awb 6:7, 6:8",
                 calendar=calendar)


def _postponed(term: Term, *, weeks: int, basis: str, name: str,
               calendar: HolidayCalendar | None) -> Term:
    """Extend ``term`` by a postponement that starts the day after its legal end."""
    later = _term(name, event="Oorspronkelijke termijn eindigde", event_day=term.end,
                  start=term.end + timedelta(days=1), weeks=weeks, basis=basis, calendar=calendar)
    return Term(name=name, start=term.start, raw_end=later.raw_end, end=later.end,
                basis=f"{term.basis.split('; ')[0]}; {later.basis}",
                explanation=f"{term.explanation} Verdaagd: {later.explanation}",
                atw_applies=later.atw_applies, caveat=later.caveat or term.caveat)


def objection_decision_term(objection_end: date, *, committee: bool = False,
                            postponed: bool = False,
                            calendar: HolidayCalendar | None = None) -> Term:
    """Term to decide on an objection: six weeks, twelve with an advisory committee.

    Awb 7:10 lid 1 (from the day after the objection term ended; twelve weeks when a committee
    as in 7:13 advises), lid 3 (postponement of at most six weeks, by written notice). Further
    delay only with the objector's consent (lid 4): not computed here.
    ``objection_end`` is the legal end of the objection term (``objection_term(...).end``).
    """
    term = _term("Beslistermijn bezwaar", event="Bezwaartermijn eindigde", event_day=objection_end,
                 start=objection_end + timedelta(days=1), weeks=12 if committee else 6,
                 basis="Awb 7:10 lid 1" + (", 7:13" if committee else ""), calendar=calendar)
    if postponed:
        term = _postponed(term, weeks=6, basis="Awb 7:10 lid 3",
                          name="Beslistermijn bezwaar (verdaagd)", calendar=calendar)
    return term


def complaint_term(received: date, *, committee: bool = False, postponed: bool = False,
                   postponement_weeks: int = 4,
                   calendar: HolidayCalendar | None = None) -> Term:
    """Term to handle a complaint: six weeks from receipt, ten with a complaints committee.

    Awb 9:11 lid 1 (six weeks after receipt of the complaint; ten weeks when a committee of
    afdeling 9.1.3 advises), lid 2 (postponement of at most four weeks, by written notice to
    the complainant and the person complained about). Further delay needs the complainant's
    written consent (lid 3): see ``complaint_term_with_consent``.
    """
    if not 1 <= postponement_weeks <= 4:
        raise ValueError("Awb 9:11 lid 2 allows a postponement of one to four weeks.")
    term = _term("Afhandeltermijn klacht", event="Klacht ontvangen", event_day=received,
                 start=received + timedelta(days=1), weeks=10 if committee else 6,
                 basis="Awb 9:11 lid 1" + (", afdeling 9.1.3" if committee else ""),
                 calendar=calendar)
    if postponed:
        term = _postponed(term, weeks=postponement_weeks, basis="Awb 9:11 lid 2",
                          name="Afhandeltermijn klacht (verdaagd)", calendar=calendar)
    return term


def complaint_term_with_consent(term: Term, until: date) -> Term:
    """The complaint term further delayed to ``until`` with the complainant's written consent
    (Awb 9:11 lid 3). The date is the one agreed; the Atw does not move an agreed date."""
    if until <= term.end:
        return term
    explanation = (f"{term.explanation} De klager stemde schriftelijk in met verder uitstel tot "
                   f"en met {nl_date(until, weekday=True)} (Awb 9:11 lid 3).")
    name = term.name.removesuffix(" (verdaagd)") + " (uitstel met instemming)"
    return Term(name=name, start=term.start, raw_end=until, end=until,
                basis=term.basis.split("; ")[0] + ", lid 3; instemming klager",
                explanation=explanation, atw_applies=False, caveat=term.caveat)


def postponement_in_time(postponed_on: date, term: Term) -> bool:
    """Whether a postponement was sent before the term it postpones ended.

    Awb 9:11 lid 2 (and 7:10 lid 3) let the body postpone a term that still runs; a notice
    sent after the legal end comes too late: the term has already been exceeded.
    """
    return postponed_on <= term.end


def complaint_refusal_notice_term(received: date, calendar: HolidayCalendar | None = None) -> Term:
    """Term to tell the complainant a complaint will not be handled: four weeks from receipt.

    Awb 9:8 lid 3 (as DOMAIN.md cites it).
    """
    return _term("Termijn bericht niet-behandelen klacht", event="Klacht ontvangen",
                 event_day=received, start=received + timedelta(days=1), weeks=4,
                 basis="Awb 9:8 lid 3", calendar=calendar)


def repair_term(requested_on: date, until: date) -> Term:
    """The term the body set to repair a written complaint that lacks an element of 9:4 lid 2.

    Awb 4:5 lid 1 (the body sets the term; the Atw applies to a statutory term, not to a date
    the body chose, so the date stands as set).
    """
    explanation = (f"Op {nl_date(requested_on)} is de klager gevraagd de klacht aan te vullen "
                   f"(Awb 9:4 lid 2). De gestelde termijn loopt tot en met "
                   f"{nl_date(until, weekday=True)} (Awb 4:5 lid 1).")
    return Term(name="Hersteltermijn klaagschrift", start=requested_on + timedelta(days=1),
                raw_end=until, end=until, basis="Awb 4:5 lid 1, 9:4 lid 2",
                explanation=explanation, atw_applies=False)


def _add_year(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February: a year later is 28 February
        return day.replace(year=day.year + 1, day=28)


def one_year_limit(day: date, *, kind: str = "complaint",
                   calendar: HolidayCalendar | None = None) -> Term:
    """One year after the conduct (complaint) or the body's findings (ombudsman request).

    Awb 9:8 lid 1 onder b (no duty to handle a complaint about conduct more than a year before
    it was filed); 9:24 lid 1 onder a (a request to the ombudsman within a year after the
    body's handling of the complaint ended). A term in years: the Atw does not apply (art. 4).
    """
    calendar = calendar or DEFAULT_CALENDAR
    raw_end = _add_year(day)
    if kind == "ombudsman":
        name, event, basis = ("Termijn verzoek aan de ombudsman", "Bevindingen op de klacht",
                              "Awb 9:24 lid 1 onder a")
    else:
        name, event, basis = "Jaartermijn klacht", "Gedraging", "Awb 9:8 lid 1 onder b"
    explanation = (f"{event} op {nl_date(day)}. De termijn duurt een jaar: de laatste dag is "
                   f"{nl_date(raw_end, weekday=True)}. Een termijn in jaren wordt niet verlengd "
                   "als hij in een weekend of op een feestdag eindigt (Atw art. 4).")
    return Term(name=name, start=day + timedelta(days=1), raw_end=raw_end, end=raw_end,
                basis=f"{basis}; Atw art. 4", explanation=explanation, atw_applies=False)


def ombudsman_request_term(*, findings_on: date | None = None,
                           complaint_received_on: date | None = None, committee: bool = False,
                           postponed: bool = False,
                           calendar: HolidayCalendar | None = None) -> Term | None:
    """The year in which a resident can take a complaint to the statutory ombudsman.

    Awb 9:24 lid 1: within a year after the body's handling of the complaint ended (onder a:
    the day its findings were made known, 9:12) or, when it gave no findings, after the term
    in which it should have ended (onder b: the 9:11 term from ``complaint_received_on``,
    ten weeks with a committee, plus a postponement if one was made). A term in years: no Atw
    (art. 4). Returns ``None`` when neither date is known. The ombudsfunctie's own handling
    (variant 6) does not stop this year.
    """
    if findings_on is not None:
        return one_year_limit(findings_on, kind="ombudsman", calendar=calendar)
    if complaint_received_on is None:
        return None
    handling = complaint_term(complaint_received_on, committee=committee, postponed=postponed,
                              calendar=calendar)
    raw_end = _add_year(handling.end)
    explanation = (
        f"De gemeente ontving de klacht op {nl_date(complaint_received_on)} en had haar uiterlijk "
        f"op {nl_date(handling.end, weekday=True)} moeten afhandelen ({handling.basis.split('; ')[0]}). "
        f"Daarna loopt een jaar: de laatste dag is {nl_date(raw_end, weekday=True)}. Een termijn "
        "in jaren wordt niet verlengd als hij in een weekend of op een feestdag eindigt "
        "(Atw art. 4)."
    )
    return Term(name="Termijn verzoek aan de ombudsman", start=handling.end + timedelta(days=1),
                raw_end=raw_end, end=raw_end, basis="Awb 9:24 lid 1 onder b; Atw art. 4",
                explanation=explanation, atw_applies=False)


def wmo_investigation_term(melding: date, calendar: HolidayCalendar | None = None) -> Term:
    """Wmo investigation after a report of need (melding): six weeks. Wmo 2015 art. 2.3.2 lid 1."""
    return _term("Onderzoekstermijn Wmo", event="Melding gedaan", event_day=melding,
                 start=melding + timedelta(days=1), weeks=6, basis="Wmo 2015 art. 2.3.2 lid 1",
                 calendar=calendar)


def wmo_decision_term(aanvraag: date, calendar: HolidayCalendar | None = None) -> Term:
    """Wmo decision after an application (aanvraag): two weeks. Wmo 2015 art. 2.3.5 lid 1."""
    return _term("Beslistermijn Wmo", event="Aanvraag ontvangen", event_day=aanvraag,
                 start=aanvraag + timedelta(days=1), weeks=2, basis="Wmo 2015 art. 2.3.5 lid 1",
                 calendar=calendar)


def reasonable_decision_term(aanvraag: date, calendar: HolidayCalendar | None = None) -> Term:
    """Decision term where the law sets none (Jeugdwet, Participatiewet): eight weeks.

    Awb 4:13 lid 2 (at the latest eight weeks after receipt of the application).
    """
    return _term("Redelijke beslistermijn", event="Aanvraag ontvangen", event_day=aanvraag,
                 start=aanvraag + timedelta(days=1), weeks=8, basis="Awb 4:13 lid 2",
                 calendar=calendar)


def debt_help_first_contact_term(request: date, *, urgent: bool = False,
                                 calendar: HolidayCalendar | None = None) -> Term:
    """First conversation after a request for debt help: four weeks; three working days when
    eviction, cut-off of energy or water, or cancellation of health insurance threatens.

    Wet gemeentelijke schuldhulpverlening art. 4 lid 1 (four weeks) and lid 2 (three working
    days). Working days skip Saturdays, Sundays and Atw holidays; such a count already ends on
    a working day, so the Atw changes nothing.
    """
    if not urgent:
        return _term("Termijn eerste gesprek schuldhulp", event="Hulpvraag gedaan",
                     event_day=request, start=request + timedelta(days=1), weeks=4,
                     basis="Wgs art. 4 lid 1", calendar=calendar)
    calendar = calendar or DEFAULT_CALENDAR
    day, counted, skipped = request, 0, []
    while counted < 3:
        day += timedelta(days=1)
        if calendar.is_rest_day(day):
            if calendar.is_holiday(day):
                skipped.append(f"{nl_date(day)} ({calendar.holiday_name(day)})")
        else:
            counted += 1
    explanation = (f"Hulpvraag gedaan op {nl_date(request)}, met een dreigende uitzetting, "
                   f"afsluiting of opzegging van de zorgverzekering. Het eerste gesprek moet "
                   f"binnen drie werkdagen: uiterlijk {nl_date(day, weekday=True)}.")
    if skipped:
        explanation += " Feestdagen tellen niet mee: " + ", ".join(skipped) + "."
    return Term(name="Termijn eerste gesprek schuldhulp (spoed)", start=request + timedelta(days=1),
                raw_end=day, end=day, basis="Wgs art. 4 lid 2", explanation=explanation,
                atw_applies=False, caveat=_caveat(request, day, calendar))


# --- the watch -------------------------------------------------------------------------------

OK, WARNING, URGENT, PASSED = "ok", "warning", "urgent", "passed"


def working_days_between(today: date, day: date, calendar: HolidayCalendar | None = None, *,
                         at_most: int | None = None) -> int:
    """Return how many working days (not Saturday, Sunday or Atw holiday) lie in (today, day];
    with ``at_most``, stop counting there (the watch only asks whether a window is passed)."""
    calendar = calendar or DEFAULT_CALENDAR
    count = 0
    for n in range(1, (day - today).days + 1):
        if not calendar.is_rest_day(today + timedelta(n)):
            count += 1
            if count == at_most:
                break
    return count


def watch_state(term_raw_end: date, term_end: date, today: date, *, warning_days: int = 10,
                urgent_days: int = 3, calendar: HolidayCalendar | None = None) -> str:
    """Return ok / warning / urgent / passed for a term, as seen on ``today``.

    Mediation suspends no term (DOMAIN.md §1), so the watch counts towards the *raw* end, the
    date to act by: ``warning`` within ``warning_days`` working days of it, ``urgent`` within
    ``urgent_days`` or once the raw end has gone by while the legal end has not, ``passed``
    after the legal end.
    """
    if today > term_end:
        return PASSED
    if today > term_raw_end:
        return URGENT
    # More than either window is all the watch needs to know (a term a year away would
    # otherwise be counted day by day on every worklist row).
    left = working_days_between(today, term_raw_end, calendar,
                                at_most=max(warning_days, urgent_days) + 1)
    if left <= urgent_days:
        return URGENT
    if left <= warning_days:
        return WARNING
    return OK


def appeal_term(made_known: date, calendar: HolidayCalendar | None = None) -> Term:
    """Appeal to the court after the decision on the objection: six weeks from the day after
    it was made known. Awb 6:7, 6:8 lid 1, 8:1."""
    return _term("Beroepstermijn", event="Beslissing op bezwaar bekendgemaakt",
                 event_day=made_known, start=made_known + timedelta(days=1), weeks=6,
                 basis="Awb 6:7, 6:8, 8:1", calendar=calendar)
