"""Complaint handling under Awb chapter 9, as pure rules: what the law lets the workflow do.

The workflow (``domain/variants.py``) says which statuses follow each other; these rules say
when the *law* allows a move, given the facts of the complaint. A refusal names the article.
No Django here: the service passes a ``ComplaintFacts`` snapshot.

Sources: Algemene wet bestuursrecht (BWBR0005537, wetten.overheid.nl), text in force on
1 December 2026, title 9.1 (complaints to the body itself) and 9.2 (the ombudsman):
- 9:4 lid 2: a written complaint is signed and holds at least the name and address of the
  complainant, the date, and a description of the conduct; a missing element may be repaired
  within a term the body sets (4:5 lid 1).
- 9:5: a complaint resolved to the complainant's satisfaction needs no further handling.
- 9:6: written acknowledgement of receipt. 9:7: forwarding to the competent body.
- 9:8 lid 1 a–f, lid 2: the grounds to leave a complaint unhandled; lid 3: written notice
  within four weeks of receipt.
- 9:9: a copy of the complaint to the person whose conduct it is about (the *beklaagde*).
- 9:10 lid 1: hear the complainant and the beklaagde; lid 2 a–c: when hearing the
  complainant may be skipped; lid 3: a report of the hearing.
- 9:11 lid 1: six weeks, ten with a complaints committee (afdeling 9.1.3); lid 2: postponement
  of at most four weeks, written notice to the complainant and the beklaagde; lid 3: further
  delay only with the complainant's written consent.
- 9:12 lid 1: written, reasoned findings, judgment and conclusions; lid 2: naming the
  ombudsman and the term to turn to it. 9:12a: a register of complaints, published yearly.
- 9:20 lid 1: a request to an ombudsman comes after a complaint to the body (title 9.1);
  9:24 lid 1: within a year after the body's handling ended (a) or should have ended (b).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ombuds.domain.workflow import InvalidTransition

__all__ = [
    "COMPLAINT_VARIANTS",
    "HEARING_SKIP_GROUNDS",
    "INADMISSIBLE_GROUNDS",
    "JUDGMENTS",
    "NORMS",
    "NOT_HANDLED_GROUNDS",
    "RULINGS",
    "ComplaintFacts",
    "check_move",
    "entry_status",
    "missing_requirements",
    "overall_judgment",
    "ombudsman_admissible",
]

#: The variants of the council note with complaint handling (scenarios 4, 5 and 6).
COMPLAINT_VARIANTS = (4, 5, 6)

#: Per variant, the status whose entry is the receipt of the complaint (4), its conversion
#: into a formal complaint (5) or the receipt of a request to the ombudsfunctie (6).
ENTRY_STATUS = {4: "ontvangen", 5: "klacht", 6: "ontvangen"}

#: Per variant, the status in which the complaint is judged; leaving the hearing stage for it
#: needs a hearing or a ground not to hear (Awb 9:10).
HEARING_STATUS = {4: "hoor_wederhoor", 5: "hoor_wederhoor", 6: "onderzoek"}
#: The status in which the ombudsfunctie investigates (variant 6 only): admissible first.
INVESTIGATION_STATUS = {6: "onderzoek"}

RULINGS = ("gegrond", "deels_gegrond", "ongegrond", "geen_oordeel")

#: The judgment per element of the complaint (Awb 9:12 lid 1: "zijn oordeel daarover").
JUDGMENTS: dict[str, str] = {
    "gegrond": "Gegrond",
    "deels_gegrond": "Deels gegrond",
    "ongegrond": "Ongegrond",
    "geen_oordeel": "Geen oordeel",
}

#: Grounds to leave a complaint unhandled: Awb 9:8 lid 1 a–f and lid 2; forwarding to the
#: competent body (9:7) ends our handling too. code → (article, Dutch description).
NOT_HANDLED_GROUNDS: dict[str, tuple[str, str]] = {
    "eerder_behandeld": ("Awb 9:8 lid 1 onder a",
                         "over dezelfde gedraging is al eerder een klacht behandeld"),
    "ouder_dan_een_jaar": ("Awb 9:8 lid 1 onder b",
                           "de gedraging vond meer dan een jaar voor de klacht plaats"),
    "bezwaar": ("Awb 9:8 lid 1 onder c",
                "de klager kon tegen de gedraging bezwaar maken"),
    "beroep": ("Awb 9:8 lid 1 onder d",
               "de klager kan of kon tegen de gedraging beroep instellen"),
    "rechter": ("Awb 9:8 lid 1 onder e",
                "de gedraging ligt of lag ter beoordeling bij een rechter"),
    "strafrecht": ("Awb 9:8 lid 1 onder f",
                   "naar de gedraging loopt een strafrechtelijk onderzoek of vervolging"),
    "gewicht": ("Awb 9:8 lid 2",
                "het belang van de klager of het gewicht van de gedraging is kennelijk "
                "onvoldoende"),
    "doorgezonden": ("Awb 9:7",
                     "de klacht is doorgezonden naar de organisatie die bevoegd is haar te "
                     "behandelen"),
}

#: Grounds not to hear the complainant: Awb 9:10 lid 2 a–c.
HEARING_SKIP_GROUNDS: dict[str, tuple[str, str]] = {
    "kennelijk_ongegrond": ("Awb 9:10 lid 2 onder a", "de klacht is kennelijk ongegrond"),
    "afgezien": ("Awb 9:10 lid 2 onder b",
                 "de klager heeft verklaard niet gehoord te willen worden"),
    "geen_reactie": ("Awb 9:10 lid 2 onder c",
                     "de klager heeft niet binnen de gestelde redelijke termijn laten weten "
                     "gehoord te willen worden"),
}

#: Why a request to the ombudsfunctie as second instance (variant 6) is not admissible.
INADMISSIBLE_GROUNDS: dict[str, tuple[str, str]] = {
    "geen_klacht": ("Awb 9:20 lid 1",
                    "de klacht is nog niet eerst bij de gemeente zelf ingediend"),
    "klacht_loopt": ("Awb 9:20 lid 1, 9:24 lid 1",
                     "de gemeente behandelt de klacht nog en haar termijn loopt nog"),
    "te_laat": ("Awb 9:24 lid 1",
                "het verzoek kwam meer dan een jaar na het einde van de klachtbehandeling"),
    "bezwaar_beroep": ("Awb 9:22",
                       "over de gedraging staat of stond bezwaar of beroep open"),
    "anders": ("Awb 9:23", "een andere grond om het verzoek niet te onderzoeken"),
}

#: The standards of proper conduct (behoorlijkheidsnormen) a variant-6 report judges an
#: element by: the Nationale ombudsman's Behoorlijkheidswijzer, four core values of four norms.
NORMS: dict[str, tuple[str, str]] = {
    code: (value, label) for value, norms in (
        ("Open en duidelijk", (("transparantie", "Transparantie"),
                               ("informatieverstrekking", "Goede informatieverstrekking"),
                               ("luisteren", "Luisteren naar de burger"),
                               ("motivering", "Goede motivering"))),
        ("Respectvol", (("grondrechten", "Respecteren van grondrechten"),
                        ("rechtsbescherming", "Bevorderen van actieve rechtsbescherming"),
                        ("bejegening", "Goede bejegening"),
                        ("professionaliteit", "Professionaliteit"))),
        ("Betrokken en oplossingsgericht", (("maatwerk", "Maatwerk"),
                                            ("de_escalatie", "De-escalatie"),
                                            ("samenwerking", "Goede samenwerking"),
                                            ("voortvarendheid", "Voortvarendheid"))),
        ("Eerlijk en betrouwbaar", (("integriteit", "Integriteit"),
                                    ("fair_play", "Fair play"),
                                    ("redelijkheid", "Redelijkheid"),
                                    ("betrouwbaarheid", "Betrouwbaarheid"))),
    ) for code, label in norms
}


def entry_status(variant: int) -> str | None:
    """Return the status whose entry starts the complaint procedure in ``variant``."""
    return ENTRY_STATUS.get(variant)


def missing_requirements(*, signed: bool, name_and_address: bool, dated: bool,
                         described: bool) -> list[str]:
    """Return what a written complaint lacks of Awb 9:4 lid 2, in Dutch, in the law's order.

    A missing element is no reason to refuse the complaint at once: the complainant gets the
    chance to repair it within a term the body sets (Awb 4:5 lid 1).
    """
    missing = []
    if not signed:
        missing.append("ondertekening")
    if not name_and_address:
        missing.append("naam en adres van de klager")
    if not dated:
        missing.append("dagtekening")
    if not described:
        missing.append("omschrijving van de gedraging")
    return missing


def overall_judgment(judgments: Iterable[str]) -> str | None:
    """Return the judgment of the whole complaint from the judgments of its elements.

    All elements well-founded: gegrond; all unfounded: ongegrond; no element judged on its
    merits: geen oordeel; any other mix: deels gegrond. ``None`` while an element is unjudged
    or there are none.
    """
    judged = list(judgments)
    if not judged or any(j not in JUDGMENTS for j in judged):
        return None
    merits = [j for j in judged if j != "geen_oordeel"]
    if not merits:
        return "geen_oordeel"
    if all(j == "gegrond" for j in merits) and len(merits) == len(judged):
        return "gegrond"
    if all(j == "ongegrond" for j in merits):
        return "ongegrond"
    return "deels_gegrond"


def ombudsman_admissible(*, today: date, internal_findings_on: date | None,
                         internal_term_end: date | None) -> bool:
    """Whether a request to the ombudsfunctie as second instance may be investigated.

    Awb 9:20 lid 1 with 9:24 lid 1: the municipality's own handling has ended (its findings
    were made known, sub a) or should have ended (its 9:11 term has passed, sub b).
    """
    if internal_findings_on is not None and internal_findings_on <= today:
        return True
    return internal_term_end is not None and today > internal_term_end


@dataclass(frozen=True)
class ComplaintFacts:
    """What the service knows of a complaint when a move is asked for."""

    variant: int
    today: date
    has_findings_text: bool = False
    judgments: tuple[str, ...] = ()
    not_handled_ground: str = ""
    hearing_on: date | None = None
    has_hearing_report: bool = False
    hearing_skipped_ground: str = ""
    settlement: str = ""
    internal_findings_on: date | None = None
    internal_term_end: date | None = None
    inadmissible_ground: str = ""
    missing: tuple[str, ...] = field(default_factory=tuple)


def _refuse(message: str, code: str) -> None:
    raise InvalidTransition(message, code=code)


def check_move(facts: ComplaintFacts, *, source: str, target: str, outcome: str = "") -> None:
    """Raise ``InvalidTransition`` (Dutch, naming the article) when the law does not yet
    allow ``source -> target`` (with ``outcome`` when it closes the case); return otherwise.

    The workflow table has already allowed the move; this checks only the law:
    - a ruling needs written findings, a judgment per element and conclusions (9:12 lid 1),
      and the outcome must be the judgment those elements give;
    - "niet behandeld" needs a ground of 9:8 (or forwarding under 9:7);
    - "naar tevredenheid opgelost" needs what was agreed (9:5);
    - leaving the hearing stage for the judgment needs the hearing and its report, or a ground
      of 9:10 lid 2 not to hear;
    - variant 6: investigating needs an admissible request (9:20, 9:24 lid 1), and "niet
      ontvankelijk" needs its ground.
    """
    variant = facts.variant
    if outcome in RULINGS:
        if not facts.has_findings_text:
            _refuse("Een oordeel kan pas worden vastgesteld als de bevindingen en de conclusies "
                    "schriftelijk zijn vastgelegd (Awb 9:12 lid 1).", "findings_required")
        judged = overall_judgment(facts.judgments)
        if judged is None:
            _refuse("Geef eerst per klachtonderdeel een oordeel (Awb 9:12 lid 1).",
                    "judgment_required")
        if judged != outcome:
            _refuse(f"De oordelen per klachtonderdeel geven samen ‘{JUDGMENTS[judged]}’, niet "
                    f"‘{JUDGMENTS[outcome]}’ (Awb 9:12 lid 1).", "judgment_mismatch")
    elif outcome == "niet_behandeld" and facts.not_handled_ground not in NOT_HANDLED_GROUNDS:
        _refuse("Kies eerst de grond om de klacht niet te behandelen (Awb 9:8 lid 1 of 2, "
                "of doorzenden volgens Awb 9:7).", "ground_required")
    elif outcome == "informeel_opgelost" and not facts.settlement.strip():
        _refuse("Leg eerst vast hoe de klacht naar tevredenheid van de klager is opgelost "
                "(Awb 9:5).", "settlement_required")
    elif outcome == "niet_ontvankelijk" and facts.inadmissible_ground not in INADMISSIBLE_GROUNDS:
        _refuse("Kies eerst waarom het verzoek niet ontvankelijk is (Awb 9:20, 9:22, 9:23 "
                "of 9:24).", "ground_required")
    if source == HEARING_STATUS.get(variant) and not outcome:
        heard = facts.hearing_on is not None and facts.has_hearing_report
        if not heard and facts.hearing_skipped_ground not in HEARING_SKIP_GROUNDS:
            # Title 9.2 leaves the second line's investigation to the ombudsman; the
            # ombudsfunctie hears both sides as 9:10 prescribes for the first line, and says so.
            basis = "naar Awb 9:10" if variant == 6 else "Awb 9:10"
            _refuse(f"Hoor eerst de klager en degene over wie is geklaagd en leg het verslag "
                    f"vast ({basis} lid 1 en 3), of kies een grond om niet te horen "
                    f"({basis} lid 2).", "hearing_required")
    if target == INVESTIGATION_STATUS.get(variant) and not ombudsman_admissible(
            today=facts.today, internal_findings_on=facts.internal_findings_on,
            internal_term_end=facts.internal_term_end):
        _refuse("Het verzoek is nog niet ontvankelijk: de gemeente heeft de klacht nog niet "
                "afgehandeld en haar afhandeltermijn is nog niet voorbij (Awb 9:20 lid 1, "
                "9:24 lid 1).", "not_admissible")
