"""The demo signals: recurring problems the ombudsfunctie raised with an organisation.

Days are counted back from the day the demo is loaded (``0`` is today; a negative ``due`` of
a recommendation lies ahead), so the lifecycle looks current on any date. A signal rests on
demo cases (by their ``key``), each linked on its own day, never before the case was opened.
Signal texts hold no personal data: no names, no references, no stories of one resident.
Most signals also carry the texts for publication (``Publication``), marked publishable
through ``signals.publication`` as the ombudsperson would, after the check for personal data;
one is left as a draft, not yet publishable.
"""

from __future__ import annotations

from dataclasses import dataclass

from ombuds.demo.data import STW, WSV


@dataclass(frozen=True)
class Response:
    days_ago: int
    adoption: str  # "overgenomen", "deels", "niet" or "onbekend"
    text: str


@dataclass(frozen=True)
class Advice:
    """A recommendation, added ``days_ago``, with a response expected ``due`` days ago;
    ``public`` its (text, response) for publication, published with its signal."""

    days_ago: int
    addressee: str
    text: str
    due: int
    response: Response | None = None
    public: tuple[str, str] | None = None


@dataclass(frozen=True)
class Publication:
    """The texts of a signal for the council and the public, and whether they were marked
    publishable (with the recommendations that have a public text)."""

    title: str
    text: str
    response: str = ""
    publishable: bool = True


@dataclass(frozen=True)
class DemoSignal:
    key: str
    municipality: str  # CBS code
    raised_days_ago: int
    title: str
    description: str
    organisation: str
    theme: str
    by: str  # username of the ombudsperson who raised it
    cases: tuple[tuple[str, int], ...]  # (case key, days ago linked)
    shared: int | None = None  # days ago the link was sent
    question: str = ""
    answer: tuple[int, str] | None = None  # through the organisation's link
    measure: tuple[int, str] | None = None
    checked: tuple[int, str] | None = None
    closed: int | None = None
    advice: tuple[Advice, ...] = ()
    publication: Publication | None = None


SIGNALS: list[DemoSignal] = [
    DemoSignal(
        key="stw-hulpmiddelen", municipality=STW, raised_days_ago=100, by="ombudsman",
        title="Lange wachttijd voor hulpmiddelen bij het Wmo-team",
        description=(
            "Inwoners wachten lang op een besluit over een hulpmiddel (rolstoel, scootmobiel) "
            "of op reparatie en vervanging ervan. In die tijd kunnen zij vaak niet zelfstandig "
            "de deur uit. De wettelijke termijn van acht weken wordt overschreden en inwoners "
            "horen niet hoe lang het nog duurt of wie hun aanvraag behandelt."),
        organisation="Wmo-team", theme="Hulpmiddelen",
        cases=(("stw-rolstoel-reparatie", 100), ("stw-scootmobiel", 15),
               ("stw-accu-scootmobiel", 0)),
        shared=96,
        question="Herkent u dit beeld, en wat gaat u doen om de wachttijd te verkorten?",
        answer=(80, "Wij herkennen het beeld. Door ziekte en een vacature was de bezetting "
                "van het team hulpmiddelen maandenlang te laag, en reparaties liepen via "
                "één leverancier met een achterstand. We werven een extra consulent en maken "
                "afspraken met de leverancier over reparatietermijnen."),
        measure=(55, "Extra consulent hulpmiddelen aangesteld; met de leverancier is een "
                 "reparatietermijn van vijf werkdagen afgesproken, met een leenhulpmiddel "
                 "als het langer duurt. Aanvragers krijgen binnen twee weken een "
                 "ontvangstbevestiging met de naam van hun consulent."),
        advice=(
            Advice(days_ago=96, addressee="Wmo-team",
                   text="Stuur elke aanvrager binnen twee weken een ontvangstbevestiging met "
                   "de verwachte behandelduur en een vast aanspreekpunt.",
                   due=60, response=Response(62, "overgenomen",
                                             "Vanaf volgende maand staat dit in de "
                                             "standaardbrief bij elke aanvraag."),
                   public=("Stuur elke aanvrager van een hulpmiddel binnen twee weken een "
                           "ontvangstbevestiging met de verwachte behandelduur en een vast "
                           "aanspreekpunt.",
                           "Overgenomen: de standaardbrief bij elke aanvraag noemt nu de "
                           "behandelduur en de consulent.")),
            Advice(days_ago=50, addressee="College van B en W Steenwijkerland",
                   text="Leg in het contract met de leverancier van hulpmiddelen een "
                   "maximale reparatietermijn en een leenregeling vast, en laat de "
                   "leverancier daarover elk kwartaal rapporteren.",
                   due=-20,
                   public=("Leg in het contract met de leverancier van hulpmiddelen een "
                           "maximale reparatietermijn en een leenregeling vast.", "")),
        ),
        publication=Publication(
            title="Inwoners wachten te lang op hulpmiddelen",
            text="Inwoners die een rolstoel of scootmobiel nodig hebben, of een reparatie "
            "ervan, wachten vaak langer dan de wettelijke termijn van acht weken. Zij horen "
            "niet hoe lang het nog duurt en wie hun aanvraag behandelt, en kunnen in die tijd "
            "soms niet zelfstandig de deur uit. De ombudsfunctie zag dit in meerdere zaken "
            "en heeft het Wmo-team daarop aangesproken.",
            response="Het Wmo-team herkende het beeld: door een vacature en ziekte was het "
            "team te klein, en reparaties liepen via één leverancier met een achterstand. Er "
            "is een extra consulent aangesteld. Met de leverancier is een reparatietermijn "
            "van vijf werkdagen afgesproken, met een leenhulpmiddel als het langer duurt."),
    ),
    DemoSignal(
        key="stw-thuiszorg-overdracht", municipality=STW, raised_days_ago=40, by="ombudsman",
        title="Thuiszorg stopt zonder overdracht",
        description=(
            "Huishoudelijke hulp stopt of wisselt, bijvoorbeeld door personeelstekort, zonder "
            "dat de inwoner, het gebiedsteam of het Wmo-team dat vooraf hoort. Er is dan geen "
            "overdracht naar een andere hulp of aanbieder, en inwoners zitten weken zonder "
            "hulp waar zij recht op hebben."),
        organisation="Thuiszorg De Linde", theme="Huishoudelijke hulp",
        cases=(("stw-steeds-andere-hulp", 40), ("stw-thuiszorg-gestopt", 40)),
        shared=34,
        question="Hoe zorgt u ervoor dat inwoners en de gemeente op tijd horen dat hulp "
                 "stopt, en dat de hulp wordt overgedragen?",
        advice=(
            Advice(days_ago=34, addressee="Thuiszorg De Linde",
                   text="Meld het stoppen van hulp ten minste twee weken vooraf aan de "
                   "inwoner en het Wmo-team, en regel de overdracht voordat de hulp stopt.",
                   due=-10),
        ),
        publication=Publication(
            title="Huishoudelijke hulp stopt zonder overdracht",
            text="Bij een thuiszorgaanbieder stopt of wisselt de huishoudelijke hulp soms "
            "zonder dat de inwoner of de gemeente dat vooraf hoort, bijvoorbeeld door "
            "personeelstekort. Inwoners zitten dan weken zonder hulp waar zij recht op "
            "hebben. De ombudsfunctie heeft de aanbieder gevraagd hoe zij dit voorkomt; een "
            "antwoord is er nog niet."),
    ),
    DemoSignal(
        key="stw-terugvordering", municipality=STW, raised_days_ago=270, by="ombudsman",
        title="Terugvorderingen bijstand zonder uitleg",
        description=(
            "Brieven over een terugvordering van bijstand noemen een bedrag en een "
            "wetsartikel, maar niet hoe het bedrag is berekend, over welke periode het gaat "
            "en welke afspraken over aflossen mogelijk zijn. Inwoners kunnen de beslissing "
            "daardoor niet controleren en maken bezwaar om uitleg te krijgen."),
        organisation="Werk en Inkomen", theme="Terugvordering",
        cases=(("stw-terugvordering", 270),),
        shared=265,
        answer=(240, "Wij passen de standaardbrief aan: voortaan staat er een berekening per "
                "maand in, en een alinea over een betalingsregeling en kwijtschelding."),
        measure=(200, "Nieuwe standaardbrief terugvordering in gebruik, met een bijlage met "
                 "de berekening per maand en een telefoonnummer voor uitleg."),
        checked=(120, "Tien recente brieven bekeken: alle bevatten de berekening en de "
                 "mogelijkheid van een betalingsregeling. Sinds de nieuwe brief kwamen bij "
                 "de ombudsfunctie geen vragen over terugvorderingen zonder uitleg meer binnen."),
        closed=118,
        advice=(
            Advice(days_ago=262, addressee="Werk en Inkomen",
                   text="Neem in elke terugvorderingsbrief de berekening, de periode en de "
                   "mogelijkheden van een betalingsregeling op, in eenvoudige taal.",
                   due=230, response=Response(228, "overgenomen",
                                              "De brief is herschreven en getest met het "
                                              "taalpanel van de gemeente."),
                   public=("Neem in elke brief over een terugvordering de berekening, de "
                           "periode en de mogelijkheden van een betalingsregeling op, in "
                           "eenvoudige taal.",
                           "Overgenomen: de brief is herschreven en getest met het taalpanel "
                           "van de gemeente.")),
        ),
        publication=Publication(
            title="Brieven over terugvordering van bijstand zonder uitleg",
            text="Brieven over het terugbetalen van bijstand noemden een bedrag en een "
            "wetsartikel, maar niet hoe het bedrag was berekend, over welke periode het ging "
            "en welke afspraken over aflossen mogelijk zijn. Inwoners konden de beslissing "
            "niet controleren en maakten bezwaar alleen om uitleg te krijgen.",
            response="De gemeente heeft de standaardbrief aangepast: er staat nu een "
            "berekening per maand in, met uitleg over een betalingsregeling en "
            "kwijtschelding. Bij een controle bevatten alle bekeken brieven die uitleg, en "
            "bij de ombudsfunctie kwamen hierover geen vragen meer binnen."),
    ),
    DemoSignal(
        key="wsv-wmo-termijn", municipality=WSV, raised_days_ago=9,
        by="ombudsman-westerveld",
        title="Wmo-aanvragen blijven liggen na de wettelijke termijn",
        description=(
            "Inwoners krijgen na een melding of aanvraag voor ondersteuning uit de Wmo "
            "maanden geen besluit en geen bericht over de stand van zaken. Zij weten niet "
            "bij wie zij terecht kunnen, en ondersteuning die zij nodig hebben begint niet."),
        organisation="Wmo-team", theme="Wachttijd",
        cases=(("wsv-wmo-geen-reactie", 9), ("wsv-begeleiding-zoon", 9)),
        publication=Publication(
            title="Wmo-aanvragen blijven liggen",
            text="Inwoners krijgen na een aanvraag voor ondersteuning maanden geen besluit.",
            publishable=False),
    ),
]
