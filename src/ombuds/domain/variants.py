"""The six scenarios of the council note, as workflow definitions (seed data).

Scenario numbers and names follow the note ("Mogelijke invulling sociale ombudsfunctie").
Complaint handling (4–6) follows Awb chapter 9: acknowledgement (9:6), hearing of both sides
(9:10), written findings (9:12); the second instance (6) is admissible only after the
internal procedure ended (9:20). Labels are Dutch because they are shown to staff as-is.
"""

from __future__ import annotations

from ombuds.domain.workflow import DEFAULT_VARIANT, Outcome, Status, Transition, Workflow

__all__ = ["DEFAULT_VARIANT", "VARIANTS", "variant"]

# --- outcomes shared by the variants ---------------------------------------------------------
ADVICE = Outcome("advies", "Gehoord en geadviseerd")
RESOLVED = Outcome("opgelost", "Opgelost met afspraken")
PARTLY = Outcome("deels_opgelost", "Deels opgelost")
NOT_RESOLVED = Outcome("niet_opgelost", "Niet opgelost")
REFERRED = Outcome("verwezen", "Verwezen")
WITHDRAWN = Outcome("ingetrokken", "Ingetrokken door de inwoner")
NO_CONTACT = Outcome("geen_contact", "Geen contact meer")
WELL_FOUNDED = Outcome("gegrond", "Klacht gegrond")
PARTLY_FOUNDED = Outcome("deels_gegrond", "Klacht deels gegrond")
UNFOUNDED = Outcome("ongegrond", "Klacht ongegrond")
NO_JUDGMENT = Outcome("geen_oordeel", "Geen oordeel")
NOT_HANDLED = Outcome("niet_behandeld", "Niet in behandeling genomen (Awb 9:8)")
INFORMAL = Outcome("informeel_opgelost", "Naar tevredenheid opgelost (Awb 9:5)")
INADMISSIBLE = Outcome("niet_ontvankelijk", "Niet ontvankelijk (Awb 9:20, 9:22, 9:23)")

RULINGS = ("gegrond", "deels_gegrond", "ongegrond", "geen_oordeel")
MEDIATION_RESULTS = ("opgelost", "deels_opgelost", "niet_opgelost", "verwezen")
EARLY_END = ("ingetrokken", "geen_contact")

REGISTERED = Status("aangemeld", "Aangemeld")
CLOSED = Status("afgesloten", "Afgesloten", closed=True)


def _close(source: str, outcomes: tuple[str, ...], label: str = "Afsluiten") -> Transition:
    return Transition(source, "afgesloten", label, outcomes)


LISTENING = Workflow(
    variant=1,
    name="Luisterend oor",
    description="Een persoonlijk gesprek met iemand zonder afhankelijkheidsrelatie; "
    "eindigt in advies of een verwijzing.",
    statuses=(REGISTERED, Status("gesprek", "In gesprek"), CLOSED),
    outcomes=(ADVICE, REFERRED, WITHDRAWN, NO_CONTACT),
    transitions=(
        Transition("aangemeld", "gesprek", "Gesprek starten"),
        _close("aangemeld", EARLY_END, "Afsluiten zonder gesprek"),
        _close("gesprek", ("advies", "verwezen", *EARLY_END)),
    ),
)

MEDIATION = Workflow(
    variant=2,
    name="Bemiddeling",
    description="Bemiddeling tussen inwoner, gemeente en externe organisaties, gericht op "
    "een uitkomst die voor alle partijen acceptabel is.",
    statuses=(
        REGISTERED,
        Status("intake", "Intake"),
        Status("bemiddeling", "In bemiddeling"),
        Status("nazorg", "Afspraken volgen"),
        CLOSED,
    ),
    outcomes=(RESOLVED, PARTLY, NOT_RESOLVED, REFERRED, WITHDRAWN, NO_CONTACT),
    transitions=(
        Transition("aangemeld", "intake", "Intake starten"),
        _close("aangemeld", EARLY_END, "Afsluiten zonder intake"),
        Transition("intake", "bemiddeling", "Bemiddeling starten"),
        _close("intake", ("verwezen", *EARLY_END)),
        Transition("bemiddeling", "nazorg", "Afspraken gemaakt"),
        _close("bemiddeling", (*MEDIATION_RESULTS, *EARLY_END)),
        Transition("nazorg", "bemiddeling", "Opnieuw bemiddelen"),
        _close("nazorg", ("opgelost", "deels_opgelost", "niet_opgelost")),
    ),
)

LISTENING_AND_MEDIATION = Workflow(
    variant=3,
    name="Luisterend oor en bemiddeling",
    description="Inwoners die vastlopen helpen vóórdat een formele klacht of een bezwaar "
    "nodig is: luisteren, bemiddelen en op tijd verwijzen.",
    statuses=(
        REGISTERED,
        Status("intake", "In gesprek"),
        Status("bemiddeling", "In bemiddeling"),
        Status("nazorg", "Afspraken volgen"),
        CLOSED,
    ),
    outcomes=(ADVICE, RESOLVED, PARTLY, NOT_RESOLVED, REFERRED, WITHDRAWN, NO_CONTACT),
    transitions=(
        Transition("aangemeld", "intake", "Gesprek starten"),
        _close("aangemeld", EARLY_END, "Afsluiten zonder gesprek"),
        Transition("intake", "bemiddeling", "Bemiddeling starten"),
        _close("intake", ("advies", "verwezen", *EARLY_END)),
        Transition("bemiddeling", "nazorg", "Afspraken gemaakt"),
        _close("bemiddeling", (*MEDIATION_RESULTS, *EARLY_END)),
        Transition("nazorg", "bemiddeling", "Opnieuw bemiddelen"),
        _close("nazorg", ("opgelost", "deels_opgelost", "niet_opgelost")),
    ),
)

COMPLAINT = Workflow(
    variant=4,
    name="Klachtbehandeling",
    description="Onafhankelijke behandeling van klachten volgens hoofdstuk 9 Awb: "
    "ontvangstbevestiging, hoor en wederhoor, een schriftelijk oordeel.",
    statuses=(
        Status("ontvangen", "Klacht ontvangen"),
        Status("bevestigd", "Ontvangst bevestigd"),
        Status("hoor_wederhoor", "Hoor en wederhoor"),
        Status("oordeel", "Oordeel opstellen"),
        CLOSED,
    ),
    outcomes=(WELL_FOUNDED, PARTLY_FOUNDED, UNFOUNDED, NO_JUDGMENT, NOT_HANDLED, INFORMAL,
              WITHDRAWN),
    transitions=(
        Transition("ontvangen", "bevestigd", "Ontvangst bevestigen"),
        _close("ontvangen", ("niet_behandeld", "ingetrokken")),
        Transition("bevestigd", "hoor_wederhoor", "Hoor en wederhoor starten"),
        _close("bevestigd", ("niet_behandeld", "informeel_opgelost", "ingetrokken")),
        Transition("hoor_wederhoor", "oordeel", "Oordeel opstellen"),
        _close("hoor_wederhoor", ("informeel_opgelost", "ingetrokken")),
        _close("oordeel", RULINGS, "Oordeel vaststellen"),
    ),
)

LISTENING_MEDIATION_COMPLAINT = Workflow(
    variant=5,
    name="Luisterend oor, bemiddeling en klachtbehandeling",
    description="Als variant 3, met de mogelijkheid de zaak om te zetten in een formele "
    "klacht die dezelfde ombudsfunctionaris behandelt.",
    statuses=(
        REGISTERED,
        Status("intake", "In gesprek"),
        Status("bemiddeling", "In bemiddeling"),
        Status("nazorg", "Afspraken volgen"),
        Status("klacht", "Formele klacht"),
        Status("hoor_wederhoor", "Hoor en wederhoor"),
        Status("oordeel", "Oordeel opstellen"),
        CLOSED,
    ),
    outcomes=(ADVICE, RESOLVED, PARTLY, NOT_RESOLVED, REFERRED, WITHDRAWN, NO_CONTACT,
              WELL_FOUNDED, PARTLY_FOUNDED, UNFOUNDED, NO_JUDGMENT, NOT_HANDLED, INFORMAL),
    transitions=(
        Transition("aangemeld", "intake", "Gesprek starten"),
        _close("aangemeld", EARLY_END, "Afsluiten zonder gesprek"),
        Transition("intake", "bemiddeling", "Bemiddeling starten"),
        Transition("intake", "klacht", "Omzetten in formele klacht"),
        _close("intake", ("advies", "verwezen", *EARLY_END)),
        Transition("bemiddeling", "nazorg", "Afspraken gemaakt"),
        Transition("bemiddeling", "klacht", "Omzetten in formele klacht"),
        _close("bemiddeling", (*MEDIATION_RESULTS, *EARLY_END)),
        Transition("nazorg", "bemiddeling", "Opnieuw bemiddelen"),
        _close("nazorg", ("opgelost", "deels_opgelost", "niet_opgelost")),
        Transition("klacht", "hoor_wederhoor", "Hoor en wederhoor starten"),
        _close("klacht", ("niet_behandeld", "informeel_opgelost", "ingetrokken")),
        Transition("hoor_wederhoor", "oordeel", "Oordeel opstellen"),
        _close("hoor_wederhoor", ("informeel_opgelost", "ingetrokken")),
        _close("oordeel", RULINGS, "Oordeel vaststellen"),
    ),
)

OMBUDSMAN = Workflow(
    variant=6,
    name="Ombudsman (tweede lijn)",
    description="Behandeling nadat de interne klachtprocedure is afgerond (Awb 9:20): "
    "toets, onderzoek met hoor en wederhoor, rapport; daarna de Nationale Ombudsman.",
    statuses=(
        Status("ontvangen", "Verzoek ontvangen"),
        Status("toetsing", "Toetsing ontvankelijkheid"),
        Status("onderzoek", "Onderzoek, hoor en wederhoor"),
        Status("rapport", "Rapport opstellen"),
        CLOSED,
    ),
    outcomes=(WELL_FOUNDED, PARTLY_FOUNDED, UNFOUNDED, NO_JUDGMENT, INADMISSIBLE, INFORMAL,
              REFERRED, WITHDRAWN),
    transitions=(
        Transition("ontvangen", "toetsing", "Toetsing starten"),
        _close("ontvangen", ("ingetrokken",)),
        Transition("toetsing", "onderzoek", "Onderzoek starten"),
        _close("toetsing", ("niet_ontvankelijk", "verwezen", "ingetrokken")),
        Transition("onderzoek", "rapport", "Rapport opstellen"),
        _close("onderzoek", ("informeel_opgelost", "ingetrokken")),
        _close("rapport", RULINGS, "Rapport vaststellen"),
    ),
)

VARIANTS: dict[int, Workflow] = {
    w.variant: w
    for w in (LISTENING, MEDIATION, LISTENING_AND_MEDIATION, COMPLAINT,
              LISTENING_MEDIATION_COMPLAINT, OMBUDSMAN)
}


def variant(number: int) -> Workflow:
    """Return the seeded workflow of scenario ``number`` (1–6)."""
    return VARIANTS[number]
