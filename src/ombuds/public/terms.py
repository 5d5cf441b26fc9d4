"""The terms a resident sees of their own case, and the one place that words their dates.

**Which date a resident sees.** Always the legal last day (``Deadline.end``: the raw end
extended by the Algemene termijnenwet, art. 1–3), the date the resident must meet, with the
advice to act earlier. The staff pages show both the raw end ("uiterste datum om te
handelen") and the legal last day (DOMAIN.md §1); a resident gets one date, so the web page
after sending, the confirmation e-mail, the staff note of a web request, the status page and
the reminder e-mail all say the same day, worded by ``deadline_sentence`` from the case's
``Deadline`` row (before sending, the form's preview words the same function on the engine's
``objection_term``).

**Which terms are the resident's.** ``RESIDENT_KINDS``: the terms a resident acts by or whose
passing gives them a step: the objection term (Awb 6:7), the appeal term (6:7, 8:1), the
decision term on their objection (7:10) and on their application (Wmo 2.3.2, 2.3.5, Awb 4:13,
Wgs art. 4; after it the resident may give notice of default, 4:17), the repair term of their
complaint (4:5) and their year to go to the ombudsman (9:24). Not shown: the office's own
terms (first contact, the complaint's handling term 9:11, the 9:8 notice) and the
municipality's internal complaint term, which the resident does not act on; the penalty (4:17)
and the appeal against not deciding in time, which are information on the staff page and in
the letters, not dates to act by; and the one-year limit of 9:8 lid 1 onder b, which binds
the body, not the resident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import NATIONAL_OMBUDSMAN
from ombuds.procedures.models import Deadline, DeadlineKind


@dataclass(frozen=True)
class TermWords:
    what: str
    #: With ``%(day)s``: the date sentence, the one way the date is said.
    sentence: str
    todo: str
    passed: str


_LATE_DECISION = _("Heeft u dan nog geen besluit? Stuur dan een brief dat de beslissing te laat "
                   "is (een ingebrekestelling). Wij helpen u daarbij.")
_LATE_DECISION_PASSED = _("De beslissing is te laat. U kunt een brief sturen dat de beslissing "
                          "te laat is (een ingebrekestelling). Wij helpen u daarbij.")

RESIDENT_KINDS: dict[str, TermWords] = {
    DeadlineKind.OBJECTION: TermWords(
        _("Bezwaar maken tegen een besluit"),
        _("Maak bezwaar uiterlijk op %(day)s."),
        _("Bent u het niet eens met het besluit? Stuur dan een brief aan wie het besluit nam. "
          "Een korte brief zonder uitleg is genoeg; de uitleg mag later. Wacht niet tot de "
          "laatste dag: stuur uw brief liefst een week eerder."),
        _("De termijn voor bezwaar is voorbij. Neem toch contact met ons op: soms kan het nog.")),
    DeadlineKind.OBJECTION_DECISION: TermWords(
        _("Besluit op uw bezwaar"),
        _("Uiterlijk op %(day)s moet u een besluit op uw bezwaar hebben."),
        _LATE_DECISION, _LATE_DECISION_PASSED),
    DeadlineKind.APPEAL: TermWords(
        _("In beroep gaan bij de rechter"),
        _("Ga uiterlijk op %(day)s in beroep bij de rechter."),
        _("Bent u het niet eens met het besluit op uw bezwaar? Stuur dan een beroepschrift "
          "naar de rechtbank. Dat staat in de brief met het besluit. Wacht niet tot de laatste "
          "dag."),
        _("De termijn voor beroep is voorbij. Neem toch contact met ons op: soms kan het nog.")),
    DeadlineKind.APPLICATION_DECISION: TermWords(
        _("Besluit op uw aanvraag"),
        _("Uiterlijk op %(day)s moet u een besluit op uw aanvraag hebben."),
        _LATE_DECISION, _LATE_DECISION_PASSED),
    DeadlineKind.COMPLAINT_REPAIR: TermWords(
        _("Uw klacht aanvullen"),
        _("Vul uw klacht uiterlijk op %(day)s aan."),
        _("Wij schreven u wat er nog ontbreekt. Stuur ons dat op tijd. Anders kunnen wij uw "
          "klacht misschien niet behandelen."),
        _("De termijn om uw klacht aan te vullen is voorbij. Neem contact met ons op.")),
    DeadlineKind.OMBUDSMAN_YEAR: TermWords(
        _("Naar de ombudsman"),
        _("U kunt tot en met %(day)s naar %(ombudsman)s gaan."),
        _("Bent u het niet eens met hoe uw klacht is behandeld? Dan kunt u uw klacht voorleggen "
          "aan de ombudsman. Dat moet binnen een jaar."),
        _("De termijn om naar de ombudsman te gaan is voorbij. Neem contact met ons op.")),
}

#: What an application's decision term is, where it is not a decision (Wmo 2.3.2, Wgs art. 4).
_APPLICATION_WORDS: dict[str, TermWords] = {
    "wmo_melding": TermWords(
        _("Onderzoek na uw melding"),
        _("Uiterlijk op %(day)s moet het onderzoek na uw melding klaar zijn."),
        _("Is het onderzoek dan niet klaar? Dan mag u zelf een aanvraag doen. Wij helpen u "
          "daarbij."),
        _("Het onderzoek is te laat. U mag zelf een aanvraag doen. Wij helpen u daarbij.")),
    "schuldhulp": TermWords(
        _("Eerste gesprek over schuldhulp"),
        _("Uiterlijk op %(day)s moet u een eerste gesprek over schuldhulp hebben."),
        _("Heeft u dan nog geen gesprek gehad? Neem contact met ons op."),
        _("Het eerste gesprek over schuldhulp is te laat. Neem contact met ons op.")),
}

#: Said once above the list: no term waits for the ombudsfunctie (DOMAIN.md §1).
NOT_STOPPED = _("Let op: praten met de ombudsfunctie stopt geen van deze termijnen.")


def day_text(day: date) -> str:
    """A date as residents read it, in the active language: 'maandag 4 januari 2027'."""
    return formats.date_format(day, "l j F Y")


def date_sentence(words: TermWords, end: date, *, ombudsman: str = "") -> str:
    """The sentence that gives a resident the date of a term: its legal last day ``end``.

    Every channel (web page, e-mail, staff note, status page) words a resident's date with
    this function, in the language active when it is called."""
    return str(words.sentence) % {"day": day_text(end),
                                      "ombudsman": ombudsman or gettext("de ombudsman")}


def objection_sentence(end: date) -> str:
    """The objection date for a resident: 'Maak bezwaar uiterlijk op maandag 4 januari 2027.'"""
    return date_sentence(RESIDENT_KINDS[DeadlineKind.OBJECTION], end)


@dataclass(frozen=True)
class ResidentTerm:
    deadline: Deadline
    what: str
    sentence: str
    todo: str
    passed: bool
    #: The date comes from the resident and staff have not checked it yet.
    unchecked: bool


def _words(deadline: Deadline) -> TermWords:
    if deadline.kind == DeadlineKind.APPLICATION_DECISION and deadline.application_id:
        return _APPLICATION_WORDS.get(deadline.application.kind,
                                      RESIDENT_KINDS[deadline.kind])
    return RESIDENT_KINDS[deadline.kind]


def _ombudsman_name(municipality) -> str:
    ombudsman = municipality.statutory_ombudsman
    if ombudsman == NATIONAL_OMBUDSMAN:
        return gettext("de Nationale ombudsman")
    return ombudsman.name


def resident_deadlines(case) -> QuerySet[Deadline]:
    """The open terms of ``case`` that are the resident's (``RESIDENT_KINDS``), nearest first.

    Information rows (``watched=False``, such as the 9:24 year after our findings) count: the
    year is the resident's own even when our watch no longer warns about it."""
    return (Deadline.objects.filter(case=case, kind__in=list(RESIDENT_KINDS), met_on__isnull=True)
            .select_related("decision", "application").order_by("end", "id"))


def resident_terms(case, *, today: date) -> list[ResidentTerm]:
    """The resident's open terms of ``case`` in the active language, for the status page."""
    ombudsman = _ombudsman_name(case.municipality)
    terms = []
    for deadline in resident_deadlines(case):
        words = _words(deadline)
        passed = today > deadline.end
        unchecked = bool(deadline.decision_id and deadline.decision.given_by_resident
                         and not deadline.decision.checked_on)
        terms.append(ResidentTerm(
            deadline=deadline, what=str(words.what),
            sentence=date_sentence(words, deadline.end, ombudsman=ombudsman),
            todo=str(words.passed if passed else words.todo), passed=passed,
            unchecked=unchecked))
    return terms
