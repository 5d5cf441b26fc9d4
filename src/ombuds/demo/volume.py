"""Earlier, closed cases for the demo: the volume a real sociale ombudsfunctie handles.

The story cases of ``loader`` show every page and every path, but they are few: in the
report of a municipality-year nearly every table would be left out by disclosure control.
``load_volume`` adds the closed cases of the current year (opened up to three weeks before
the day of loading) and of the two years before, per municipality about as many as an office
for a municipality of 20,000–45,000 inhabitants handles (``PLAN``). Each is complete: a
resident (sometimes with a representative), a reference in the municipality's own sequence
(``reference_next``, so a case registered later gets the next free number), the workflow's
closing move and one of its outcomes, domains and themes, the organisations involved, the
consent and meeting of a mediation, a referral, the complaint of variants 5 and 6 with its
terms, the office's kept (or late) promise of first contact, the closing figures, a survey
answer for some, and a short timeline (registration, assignment, first contact, meeting,
conversion into a complaint, closure).

The rows are written in bulk, not one event at a time through the services (that would take
minutes): each row is what the services would have left, and what a service derives is
derived with the same helper (``_search_text`` for the search column, ``first_contact_term``
for the promise, ``deadlines_recompute`` for the terms of a complaint; the search keys are
generated columns the database fills). No audit entries: those record what staff did and are
chained one by one; these cases are the demo's history. Deterministic: one seeded
``random.Random``; the dates move with the day of loading, like the stories'.
"""

from __future__ import annotations

import math
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.models import (
    Case,
    CaseOrganisation,
    Channel,
    EntryKind,
    Person,
    ReferenceCounter,
    TimelineEntry,
)
from ombuds.cases.services import _search_text, reference_next
from ombuds.core.models import Domain, Municipality, Theme
from ombuds.demo import data
from ombuds.domain import not_in_time
from ombuds.domain.complaints import entry_status
from ombuds.mediation.models import (
    Consent,
    ConsentPurpose,
    Meeting,
    Referral,
    SurveyInvitation,
    SurveyResponse,
)
from ombuds.mediation.partner import new_token
from ombuds.mediation.survey import SURVEY_VALID_DAYS
from ombuds.procedures.models import Complaint, ComplaintElement, Deadline, DeadlineKind
from ombuds.procedures.planning import _plan_complaint, deadlines_recompute
from ombuds.procedures.selectors import holiday_calendar
from ombuds.socialmap.models import Organisation, OrganisationType, Route

__all__ = ["PLAN", "VOLUME_TITLES", "load_volume", "volume_cases"]

SEED = 1708
#: CBS code → cases opened (current year, the year before, two years before). The current
#: year's number is reached once its window (1 January up to ``QUIET_DAYS`` before the day of
#: loading) is ``FULL_WINDOW`` days long; earlier in the year it is in proportion.
PLAN = {data.STW: (95, 80, 60), data.WSV: (60, 50, 40), data.ZWL: (30, 25, 20)}
#: The newest volume case opened this many days before the day of loading; the cases of the
#: last weeks are the stories', some of them still open.
QUIET_DAYS = 21
FULL_WINDOW = 320


# --- what residents come with ----------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """An everyday problem: a neutral subject (no names), the resident's words and wish."""

    domain: str
    theme: str
    title: str
    story: str
    wish: str


PROBLEMS: tuple[Problem, ...] = (
    Problem("wmo", "Wachttijd", "Wmo-melding: maanden geen keukentafelgesprek",
            "Na mijn melding bij het Wmo-loket hoorde ik niets meer. Het is nu drie maanden "
            "later en het keukentafelgesprek is er nog steeds niet.",
            "Dat het gesprek snel wordt gepland."),
    Problem("wmo", "Wachttijd", "Beslistermijn Wmo-aanvraag voor begeleiding verstreken",
            "De gemeente zou binnen zes weken beslissen over mijn Wmo-aanvraag voor "
            "begeleiding. Die termijn is verstreken en niemand weet wanneer het besluit komt.",
            "Weten waar ik aan toe ben."),
    Problem("wmo", "Wachttijd", "Onderzoek na Wmo-melding ligt stil",
            "Ik deed in het voorjaar een melding voor ondersteuning thuis. Het onderzoek "
            "ligt stil omdat de consulent ziek is, en er is geen vervanger.",
            "Dat iemand anders het onderzoek afmaakt."),
    Problem("wmo", "Hulpmiddelen", "Scootmobiel afgewezen zonder uitleg",
            "Ik kan niet meer ver lopen en vroeg een scootmobiel aan. De gemeente wees het "
            "af. In de beschikking staat niet waarom.",
            "Uitleg, en opnieuw kijken naar mijn situatie."),
    Problem("wmo", "Hulpmiddelen", "Rolstoel kapot, leverancier en gemeente wijzen naar elkaar",
            "Mijn rolstoel is al weken defect. De hulpmiddelenleverancier wacht op een "
            "opdracht van de gemeente voor de reparatie, de gemeente zegt dat die al gegeven "
            "is.",
            "Dat de rolstoel snel gerepareerd wordt."),
    Problem("wmo", "Hulpmiddelen", "Hulpmiddelen na ziekenhuisopname niet geleverd",
            "Na mijn ontslag uit het ziekenhuis heb ik een hoog-laagbed en een douchestoel "
            "nodig. De levering van deze hulpmiddelen wordt steeds verschoven.",
            "Dat de hulpmiddelen deze week komen."),
    Problem("wmo", "Huishoudelijke hulp", "Minder uren huishoudelijke hulp na herindicatie",
            "Na de herindicatie krijg ik minder uren huishoudelijke hulp. Mijn situatie is "
            "niet veranderd. Mijn huis wordt nu niet meer goed schoongemaakt.",
            "Dat de uren terugkomen of dat iemand het uitlegt."),
    Problem("wmo", "Huishoudelijke hulp", "Huishoudelijke hulp komt vaak niet",
            "Mijn schoonmaakhulp komt regelmatig niet, en niemand belt af. Ik heb het bij de "
            "thuiszorgorganisatie gemeld, maar er is geen invalkracht.",
            "Dat de hulp bij het huishouden op vaste dagen komt."),
    Problem("wmo", "Huishoudelijke hulp", "Wisselende huishoudelijke hulp, geen vaste kracht",
            "Elke week komt er een andere hulp bij het huishouden. Ik moet steeds opnieuw "
            "uitleggen wat er schoongemaakt moet worden. Dat kost mij veel energie.",
            "Een vaste huishoudelijke hulp."),
    Problem("wmo", "Eigen bijdrage", "Eigen bijdrage berekend over maanden zonder zorg",
            "Het CAK stuurde een factuur voor de eigen bijdrage over maanden waarin ik nog "
            "geen voorziening had. Het CAK verwijst naar de gemeente en de gemeente naar het "
            "CAK.",
            "Dat de factuur wordt rechtgezet."),
    Problem("wmo", "Eigen bijdrage", "Eigen bijdrage CAK hoger dan afgesproken",
            "Bij het gesprek werd een abonnementstarief genoemd. Nu rekent het CAK een veel "
            "hogere eigen bijdrage. Van mijn AOW kan ik dat niet betalen.",
            "De eigen bijdrage die mij is beloofd."),
    Problem("wmo", "Eigen bijdrage", "Dubbele eigen bijdrage voor twee voorzieningen",
            "Ik betaal twee keer een eigen bijdrage aan het CAK, voor mijn rolstoel en voor "
            "mijn woningaanpassing. Volgens mij hoort dat één bijdrage te zijn.",
            "Dat ik niet dubbel betaal."),
    Problem("jeugd", "Wachtlijst jeugdhulp", "Kind maanden op wachtlijst jeugd-ggz",
            "Onze zoon is erg angstig en staat al maanden op de wachtlijst voor behandeling "
            "bij de jeugd-ggz. Het jeugdteam zegt dat er geen plek is.",
            "Overbruggingszorg tot de behandeling begint."),
    Problem("jeugd", "Wachtlijst jeugdhulp", "Geen jeugdhulp na verwijzing huisarts",
            "De huisarts verwees onze dochter door voor diagnostiek. De aanbieder heeft een "
            "wachtlijst van een half jaar en het jeugdteam weet geen andere plek.",
            "Duidelijkheid over de hulp voor ons kind."),
    Problem("jeugd", "Wachtlijst jeugdhulp", "Behandelgroep voor kind met autisme vol",
            "Ons kind met autisme kan niet meer naar school en heeft een behandelgroep nodig. "
            "Alle aanbieders zitten vol, zegt de gemeente.",
            "Een plek in een behandelgroep."),
    Problem("jeugd", "Pgb jeugd", "Pgb jeugd: zorgverlener al maanden niet betaald",
            "Het pgb voor de begeleiding van ons kind wordt al twee maanden niet uitbetaald "
            "door de SVB. De zorgverlener wil stoppen als er niet betaald wordt.",
            "Dat de uitbetalingen uit het budget weer op gang komen."),
    Problem("jeugd", "Pgb jeugd", "Pgb voor logeeropvang afgewezen",
            "Wij vroegen een persoonsgebonden budget aan voor logeeropvang, zodat wij als "
            "ouders af en toe op adem kunnen komen. Het budgetplan is afgewezen.",
            "Een gesprek over wat wel kan."),
    Problem("onderwijs", "Leerlingenvervoer", "Schooltaxi komt steeds te laat",
            "Het busje van het leerlingenvervoer haalt ons kind zo laat op dat hij de eerste "
            "les op de speciale school mist. De chauffeur wisselt elke week.",
            "Dat ons kind op tijd op school is."),
    Problem("onderwijs", "Leerlingenvervoer", "Leerlingenvervoer afgewezen ondanks beperking",
            "De gemeente vindt dat ons kind zelfstandig met de bus naar school kan reizen. "
            "Door zijn beperking lukt dat niet.",
            "Vervoer naar school dat past bij ons kind."),
    Problem("participatie", "Uitkering", "Bijstandsuitkering stopgezet zonder gesprek",
            "Mijn bijstandsuitkering is opgeschort. Volgens de brief ontbreken bewijsstukken, "
            "maar die heb ik gemaild aan mijn klantmanager.",
            "Dat de bijstand weer wordt uitbetaald."),
    Problem("participatie", "Uitkering", "Aanvraag bijzondere bijstand blijft liggen",
            "Ik vroeg bijzondere bijstand aan voor een nieuwe koelkast. Na acht weken heb ik "
            "nog geen besluit.",
            "Een besluit op mijn aanvraag."),
    Problem("participatie", "Uitkering", "Uitkering gekort door kostendelersnorm",
            "Sinds mijn volwassen zoon weer bij mij woont, is mijn uitkering verlaagd door de "
            "kostendelersnorm. Hij heeft zelf geen inkomen.",
            "Dat de gemeente naar onze situatie kijkt."),
    Problem("participatie", "Terugvordering", "Terugvordering bijstand: bedrag onbegrijpelijk",
            "Ik moet een groot bedrag aan bijstand terugbetalen omdat ik te veel zou hebben "
            "ontvangen. Ik kan het niet in één keer afbetalen.",
            "Uitleg en een betalingsregeling die ik kan opbrengen."),
    Problem("participatie", "Terugvordering", "Terugvordering na fout van de gemeente",
            "De gemeente heeft zelf een fout gemaakt in mijn uitkering en vordert het geld nu "
            "terug. Ik heb het te goeder trouw uitgegeven.",
            "Dat de gemeente afziet van terugvordering."),
    Problem("participatie", "Re-integratie", "Werktraject past niet bij gezondheid",
            "Ik moet naar een re-integratietraject, maar door mijn rugklachten kan ik dat werk "
            "niet doen. Mijn werkcoach luistert niet naar mij.",
            "Een traject dat past bij wat ik kan."),
    Problem("participatie", "Re-integratie", "Verplichte tegenprestatie naast zware mantelzorg",
            "Ik zorg elke dag voor mijn moeder. Toch moet ik vier ochtenden "
            "vrijwilligerswerk doen als tegenprestatie voor mijn uitkering.",
            "Rekening houden met de zorg die ik geef."),
    Problem("schulden", "Schuldhulp wachttijd", "Lang wachten op intake schuldhulpverlening",
            "Ik heb schulden en meldde mij aan voor schuldhulpverlening. De intake is pas over "
            "twee maanden. Ondertussen stapelen de aanmaningen zich op.",
            "Snel een eerste gesprek."),
    Problem("schulden", "Schuldhulp wachttijd", "Afsluiting energie dreigt, schuldhulp start niet",
            "Het energiebedrijf dreigt af te sluiten door mijn betalingsachterstand. Mijn "
            "aanmelding voor schuldhulp ligt al weken stil.",
            "Dat de afsluiting wordt voorkomen."),
    Problem("schulden", "Beslag", "Beslag op loon: te weinig over om van te leven",
            "Er ligt beslag op mijn loon. Na de huur houd ik bijna niets over voor "
            "boodschappen. Ik denk dat de beslagvrije voet verkeerd is berekend.",
            "Dat iemand de beslagvrije voet nakijkt."),
    Problem("schulden", "Beslag", "Beslag op toeslag door gemeentelijke vordering",
            "De gemeente heeft beslag gelegd op mijn zorgtoeslag voor een oude schuld. De "
            "deurwaarder wil geen regeling treffen.",
            "Een regeling die ik kan betalen."),
    Problem("wonen", "Urgentie", "Urgentie afgewezen na scheiding",
            "Na mijn scheiding woon ik tijdelijk bij familie met mijn twee kinderen. De "
            "gemeente wees mijn aanvraag voor een urgentieverklaring af.",
            "Opnieuw bekijken of ik urgentie kan krijgen."),
    Problem("wonen", "Urgentie", "Geen antwoord op aanvraag medische urgentie",
            "Door mijn ziekte kan ik de trappen naar mijn flat niet meer op. Ik vroeg medische "
            "urgentie aan, maar de urgentiecommissie reageert niet.",
            "Een antwoord op mijn aanvraag."),
    Problem("wonen", "Woningaanpassing", "Aanpassing badkamer blijft liggen tussen partijen",
            "Ik kan niet meer veilig douchen. De gemeente zegt dat de verhuurder de badkamer "
            "moet aanpassen, de woningcorporatie zegt dat de gemeente moet betalen.",
            "Een aangepaste badkamer."),
    Problem("wonen", "Woningaanpassing", "Aanvraag traplift ligt stil na huisbezoek",
            "Na het huisbezoek voor een traplift hoorde ik niets meer over de "
            "woningaanpassing. Ik slaap nu beneden in de kamer.",
            "Een besluit over de traplift."),
    Problem("wonen", "Woningaanpassing", "Drempels in huis: woningaanpassing duurt lang",
            "Met mijn rolstoel kan ik de drempels in mijn huurwoning niet over. De aanvraag "
            "voor drempelhulpen en een bredere deur loopt al maanden.",
            "Dat de aanpassing er snel komt."),
    Problem("zorg", "Zorgaanbieder komt afspraken niet na", "Begeleiding thuis steeds afgezegd",
            "De begeleider van mijn zorgaanbieder zegt steeds op het laatste moment af. De "
            "afspraken uit mijn ondersteuningsplan worden niet nagekomen.",
            "Dat de begeleiding doorgaat zoals afgesproken."),
    Problem("zorg", "Zorgaanbieder komt afspraken niet na", "Zorgaanbieder stopt zonder overdracht",
            "Mijn zorgaanbieder stopt met de begeleiding en er is geen nieuwe aanbieder. "
            "Niemand weet wie de zorg overneemt.",
            "Dat de zorg zonder gat doorloopt."),
    Problem("zorg", "Zorgaanbieder komt afspraken niet na", "Dagbesteding vaker dicht dan open",
            "De dagbesteding van de zorgaanbieder is door personeelstekort vaak dicht. Mijn "
            "man zit dan de hele dag thuis en ik kan niet naar mijn werk.",
            "Dat de afgesproken dagen doorgaan."),
    Problem("overig", "Bejegening", "Onheus bejegend aan de telefoon",
            "Toen ik de gemeente belde over mijn aanvraag, werd ik afgekapt en niet serieus "
            "genomen. De medewerker was kortaf en onvriendelijk.",
            "Excuses en een normaal gesprek over mijn vraag."),
    Problem("overig", "Bejegening", "Consulent komt afspraken niet na",
            "De consulent zou mij terugbellen en langskomen. Dat is twee keer niet gebeurd, "
            "zonder bericht. Ik voel me niet serieus genomen.",
            "Dat afspraken worden nagekomen."),
    Problem("overig", "Bereikbaarheid", "Gemeente belt niet terug",
            "Ik heb vijf keer gevraagd of iemand mij terugbelt over mijn aanvraag. Er belt "
            "niemand van het klantcontactcentrum terug.",
            "Dat iemand mij belt en zegt hoe het ervoor staat."),
    Problem("overig", "Bereikbaarheid", "Geen antwoord op e-mails aan de gemeente",
            "Ik stuurde drie e-mails over mijn aanvraag. Ik kreeg alleen een automatisch "
            "antwoord en geen reactie van een medewerker.",
            "Een antwoord op mijn vragen."),
)

#: The subject of a request to the ombudsfunctie as second line (variant 6).
REQUEST_PREFIX = "Verzoek: "
REQUEST_STORY = (" Ik heb eerst bij de gemeente geklaagd, maar ben het niet eens met hoe de "
                 "klacht is afgehandeld.")


def _request_title(problem: Problem) -> str:
    return f"{REQUEST_PREFIX}{problem.title[0].lower()}{problem.title[1:]}"


#: Every subject the volume uses: tells a volume case from a story case (``volume_cases``).
VOLUME_TITLES = frozenset({p.title for p in PROBLEMS} | {_request_title(p) for p in PROBLEMS})

#: A sentence that varies the stories (most stay as they are).
EXTRAS = ("", "", "", " Ik heb dit al een paar keer gemeld.", " Het speelt al sinds het voorjaar.",
          " Ik weet niet meer bij wie ik moet zijn.", " Een kennis raadde de ombudsfunctie aan.",
          " Ik wil geen ruzie, maar dit kan zo niet langer.")
ROUTES_TRIED = ("", "", "Zelf gebeld met de gemeente.", "Een e-mail gestuurd aan de gemeente.",
                "Bij de balie geweest.", "Met de aanbieder gesproken.")
REFERRED_BY = ("Huisarts", "Wijkverpleegkundige", "Cliëntondersteuner MEE", "Gebiedsteam",
               "Schuldhulpmaatje", "Maatschappelijk werk", "Consulent van de gemeente")

#: Weights: domains (Wmo most), channels (phone and walk-in most) and outcomes per variant.
DOMAINS = {"wmo": 34, "participatie": 16, "jeugd": 12, "schulden": 10, "wonen": 9, "zorg": 8,
           "overig": 8, "onderwijs": 3}
CHANNELS = {Channel.PHONE: 34, Channel.WALK_IN: 24, Channel.EMAIL: 15, Channel.WEB: 11,
            Channel.REFERRAL: 10, Channel.LETTER: 6}
OUTCOMES = {
    3: {"advies": 26, "verwezen": 15, "opgelost": 24, "deels_opgelost": 12, "niet_opgelost": 7,
        "ingetrokken": 8, "geen_contact": 8},
    5: {"advies": 24, "verwezen": 14, "opgelost": 21, "deels_opgelost": 10, "niet_opgelost": 6,
        "ingetrokken": 6, "geen_contact": 7, "gegrond": 3, "deels_gegrond": 3, "ongegrond": 3,
        "informeel_opgelost": 2, "niet_behandeld": 1},
    6: {"gegrond": 12, "deels_gegrond": 18, "ongegrond": 20, "geen_oordeel": 4,
        "niet_ontvankelijk": 16, "informeel_opgelost": 18, "verwezen": 6, "ingetrokken": 6},
}
MEDIATED = ("opgelost", "deels_opgelost", "niet_opgelost")
RULINGS = ("gegrond", "deels_gegrond", "ongegrond", "geen_oordeel")
#: Outcome → (median lead time in days, spread of its log-normal distribution).
LEAD = {"advies": (15, .7), "verwezen": (24, .5), "opgelost": (46, .5),
        "deels_opgelost": (50, .5), "niet_opgelost": (52, .5), "ingetrokken": (18, .7),
        "geen_contact": (24, .4), "gegrond": (72, .3), "deels_gegrond": (74, .3),
        "ongegrond": (70, .3), "geen_oordeel": (70, .3), "informeel_opgelost": (36, .5),
        "niet_behandeld": (16, .35), "niet_ontvankelijk": (15, .4)}
#: Outcome → (fewest, most) minutes spent.
MINUTES = {"advies": (30, 150), "verwezen": (40, 150), "opgelost": (240, 960),
           "deels_opgelost": (240, 900), "niet_opgelost": (180, 720), "ingetrokken": (15, 90),
           "geen_contact": (15, 60), "informeel_opgelost": (180, 600),
           "niet_behandeld": (45, 150), "niet_ontvankelijk": (45, 180)}
RULING_MINUTES = (600, 1500)
#: Outcome → chance that a formal procedure was avoided (the cases that are no procedure).
AVOIDED = {"opgelost": .6, "deels_opgelost": .45, "niet_opgelost": .1, "advies": .3,
           "verwezen": .25, "ingetrokken": .05, "geen_contact": 0}
AVOIDED_WHAT = {"bezwaar": 45, "klacht": 35, "beroep": 5, "ombudsman": 5, "anders": 10}
#: Outcome → chance the case involved an organisation as a party.
PARTY = {"advies": .35, "verwezen": .1, "ingetrokken": .05, "geen_contact": .05}

CLOSING_NOTES = {
    "advies": ("Uitgelegd welke stappen de inwoner kan zetten; de inwoner gaat zelf verder.",
               "Advies gegeven over de aanvraag en het gesprek met de gemeente."),
    "verwezen": ("Verwezen naar de juiste plek en nagegaan of de inwoner daar is aangekomen.",),
    "opgelost": ("Afspraken gemaakt met de organisatie; die zijn nagekomen.",
                 "Samen met de organisatie een oplossing gevonden."),
    "deels_opgelost": ("Een deel van de vraag is opgelost; voor de rest weet de inwoner welke "
                       "weg er is.",),
    "niet_opgelost": ("Geen oplossing gevonden; uitgelegd welke formele weg er nog is.",),
    "ingetrokken": ("De inwoner liet weten dat onze hulp niet meer nodig is.",),
    "geen_contact": ("Na drie pogingen geen contact meer; brief gestuurd met ons nummer.",),
    "informeel_opgelost": ("De klacht is naar tevredenheid van de klager opgelost.",),
    "niet_behandeld": ("Klacht niet in behandeling genomen: de gedraging is ouder dan een "
                       "jaar.",),
    "niet_ontvankelijk": ("Verzoek niet ontvankelijk; uitgelegd waarom en wat de inwoner nog "
                          "kan doen.",),
}
RULING_NOTE = {5: "Oordeel verstuurd aan klager en beklaagde.",
               6: "Rapport verstuurd, met de termijn voor de Nationale ombudsman."}

#: Theme → the organisations involved, most likely first ("@kcc", "@area": the
#: municipality's contact centre or area team, whichever it has).
THEME_PARTIES = {
    "Wachttijd": ("Wmo-team", "@area"), "Hulpmiddelen": ("Wmo-team",),
    "Huishoudelijke hulp": ("Wmo-team", "Thuiszorg De Linde", "Zorggroep Noordwest"),
    "Eigen bijdrage": ("Wmo-team", "@kcc"),
    "Wachtlijst jeugdhulp": ("Jeugdteam", "Jeugd-GGZ De Horizon"), "Pgb jeugd": ("Jeugdteam",),
    "Leerlingenvervoer": ("@kcc",), "Uitkering": ("Werk en Inkomen",),
    "Terugvordering": ("Werk en Inkomen",), "Re-integratie": ("Werk en Inkomen",),
    "Schuldhulp wachttijd": ("Schuldhulp Kop van Overijssel", "Werk en Inkomen"),
    "Beslag": ("Werk en Inkomen", "Schuldhulp Kop van Overijssel"),
    "Urgentie": ("Woonstichting De Kop", "Wmo-team"),
    "Woningaanpassing": ("Wmo-team", "Woonstichting De Kop"),
    "Zorgaanbieder komt afspraken niet na": ("Zorggroep Noordwest", "Thuiszorg De Linde"),
    "Bejegening": ("@kcc", "Werk en Inkomen", "Wmo-team"), "Bereikbaarheid": ("@kcc",),
}
ROLES = {OrganisationType.MUNICIPAL_TEAM: "Beslist over de vraag van de inwoner",
         OrganisationType.CARE_PROVIDER: "Levert de zorg",
         OrganisationType.HOUSING: "Verhuurder", OrganisationType.OTHER: "Voert de hulp uit"}
#: The municipal department and official a complaint about an organisation is about.
RESPONDENTS = {"Wmo-team": ("Team Wmo", "consulent Wmo"),
               "Jeugdteam": ("Team Jeugd", "consulent jeugd"),
               "Werk en Inkomen": ("Team Inkomen", "klantmanager")}
#: Domain → referral routes, most likely first ("@objection": the municipality's committee).
REFERRALS = {
    "wmo": ((Route.CLIENT_SUPPORT, "MEE cliëntondersteuning"), (Route.AREA_TEAM, "@area"),
            (Route.OBJECTION, "@objection")),
    "jeugd": ((Route.YOUTH_CONFIDANT, "Vertrouwenspersoon jeugdhulp (AKJ)"),
              (Route.CLIENT_SUPPORT, "MEE cliëntondersteuning")),
    "onderwijs": ((Route.OBJECTION, "@objection"), (Route.CONTACT_CENTRE, "@kcc")),
    "participatie": ((Route.OBJECTION, "@objection"),
                     (Route.CLIENT_SUPPORT, "MEE cliëntondersteuning")),
    "schulden": ((Route.OTHER_HELP, "Schuldhulp Kop van Overijssel"),
                 (Route.CLIENT_SUPPORT, "MEE cliëntondersteuning")),
    "wonen": ((Route.OTHER_HELP, "Woonstichting De Kop"), (Route.AREA_TEAM, "@area")),
    "zorg": ((Route.PROVIDER_COMPLAINT, "Zorggroep Noordwest"),
             (Route.CLIENT_SUPPORT, "MEE cliëntondersteuning")),
    "overig": ((Route.INTERNAL_COMPLAINT, None), (Route.CONTACT_CENTRE, "@kcc")),
    "second_line": ((Route.NATIONAL_OMBUDSMAN, "Nationale ombudsman"),
                    (Route.INTERNAL_COMPLAINT, None)),
}

#: Complaint elements: (description, norm, reasons if well-founded, reasons if not).
ELEMENTS = (
    ("De klager kreeg lange tijd geen antwoord op de vraag.", "voortvarendheid",
     "De gemeente reageerde pas na ruim acht weken; dat is te lang.",
     "De gemeente reageerde binnen de termijn die zij had genoemd."),
    ("Het besluit legt niet uit waarom de aanvraag is afgewezen.", "motivering",
     "Het besluit noemt de regel, maar niet waarom die hier geldt.",
     "Het besluit legt de reden van de afwijzing duidelijk uit."),
    ("De klager is aan de telefoon onvriendelijk te woord gestaan.", "bejegening",
     "De medewerker erkent dat het gesprek kortaf was.",
     "Uit het verslag van het gesprek blijkt een zakelijke, maar correcte toon."),
    ("De klager kreeg tegenstrijdige informatie van verschillende medewerkers.",
     "informatieverstrekking", "Twee brieven noemen een andere termijn.",
     "De informatie in de brieven en de gesprekken komt overeen."),
    ("Een toegezegd terugbelverzoek is niet nagekomen.", "betrouwbaarheid",
     "Het terugbelverzoek staat in het systeem, maar er is niet gebeld.",
     "Er is twee keer teruggebeld; de klager was toen niet bereikbaar."),
)
NO_JUDGMENT = "Wat er in het gesprek is gezegd, is achteraf niet meer vast te stellen."
MEASURES = {"gegrond": "De gemeente biedt excuses aan en past haar werkwijze aan.",
            "deels_gegrond": "De gemeente legt de klager alsnog uit hoe het zit en bespreekt "
            "de klacht in het team.",
            "ongegrond": "Geen maatregelen nodig; de gemeente legt het besluit nog eens uit.",
            "geen_oordeel": "De gemeente legt voortaan vast wat in zulke gesprekken is "
            "afgesproken."}

REMARKS = ("Fijn dat iemand echt luisterde.", "Het duurde lang voordat ik iets hoorde.",
           "Eindelijk iemand die de gemeente belde.", "Duidelijke uitleg, dank u.",
           "Ik had meer verwacht.", "Goed geholpen.")

# --- who they are (fictional) --------------------------------------------------------------
FIRST_NAMES = (
    "Anneke", "Jan", "Hendrik", "Willemien", "Klaas", "Trijntje", "Jeroen", "Marieke",
    "Sander", "Ilona", "Wouter", "Petra", "Harm", "Jolanda", "Roelof", "Gea", "Martijn",
    "Linda", "Jacob", "Hennie", "Niels", "Rianne", "Egbert", "Astrid", "Tim", "Sabine", "Koen",
    "Mirjam", "Arjen", "Dineke", "Yusuf", "Aylin", "Ahmed", "Nadia", "Tomasz", "Agnieszka",
    "Bas", "Gijs", "Hilde", "Jelle", "Karin", "Lars", "Monique", "Ruben", "Sietske", "Teun",
    "Wilma", "Alie", "Frits", "Grietje", "Johan", "Ineke", "Reinier", "Tineke", "Mehmet",
    "Samira", "Dennis", "Chantal", "Evert", "Lammie",
)
SURNAMES = (
    "Brouwer", "Dijkman", "Hoekman", "Jonker", "Kamphuis", "Koopman", "Lok", "Meijer",
    "Nijboer", "Oldenburger", "Pots", "Reinders", "Schuurman", "Slot", "Timmerman", "Veldhuis",
    "Vos", "Wever", "Zijlstra", "van der Wal", "van Ommen", "de Lange", "Bosman", "Hofman",
    "Kloosterman", "Mensink", "Nijland", "Prins", "Scholten", "Bouwman", "Kremer", "Lubbinge",
    "Mol", "Hartman", "Tuinman", "Oosterhof", "de Jonge", "van Essen", "Boersma", "Klein",
    "Wiersma", "Kaya", "Öztürk", "Nowak", "Benali", "Haverkamp", "Stegeman", "Lenderink",
)
#: CBS code → (place, first four digits of its postcodes).
PLACES = {
    data.STW: (("Steenwijk", "8331"), ("Steenwijk", "8332"), ("Giethoorn", "8355"),
               ("Vollenhove", "8325"), ("Oldemarkt", "8375"), ("Blokzijl", "8356"),
               ("Tuk", "8334"), ("Willemsoord", "8341"), ("Sint Jansklooster", "8326")),
    data.WSV: (("Havelte", "7970"), ("Diever", "7981"), ("Dwingeloo", "7991"),
               ("Vledder", "8381"), ("Uffelte", "7975"), ("Frederiksoord", "8382")),
    data.ZWL: (("Hasselt", "8061"), ("Genemuiden", "8281"), ("Zwartsluis", "8064")),
}
#: Where the office meets residents and organisations, per municipality.
MEETING_PLACES = {data.STW: "Gemeentehuis Steenwijk", data.WSV: "Gemeentehuis Diever",
                  data.ZWL: "Gemeentehuis Hasselt"}
STREETS = ("Kerkstraat", "Schoolstraat", "Dorpsstraat", "Molenweg", "Julianastraat",
           "Beatrixlaan", "Eikenlaan", "Esdoornstraat", "Brink", "Zuiderweg", "Noorderweg",
           "Wilhelminastraat", "Oranjestraat", "Meidoornlaan", "Vaartweg")
LANGUAGES = ("Arabisch", "Turks", "Pools", "Tigrinya")
RELATIONS = {"familie": 45, "mantelzorger": 20, "clientondersteuner": 20,
             "wettelijk_vertegenwoordiger": 15}
#: The channel a resident came by → how they like to be reached.
PREFERRED = {Channel.PHONE: "telefoon", Channel.WALK_IN: "persoonlijk", Channel.EMAIL: "email",
             Channel.WEB: "email", Channel.LETTER: "post"}
#: CBS code → (username, weight) of the handlers of its cases.
HANDLERS = {data.STW: (("ombudsman", 80), ("coordinator", 20)),
            data.WSV: (("ombudsman-westerveld", 85), ("ombudsman", 15)),
            data.ZWL: (("ombudsman", 100),)}


def volume_cases(queryset: QuerySet[Case] | None = None) -> QuerySet[Case]:
    """The demo's earlier, closed cases (among ``queryset``), told apart by their subjects."""
    queryset = Case.objects.all() if queryset is None else queryset
    return queryset.filter(title__in=VOLUME_TITLES)


# --- planning ---------------------------------------------------------------------------------
def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _aware(day: date, minutes: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(minutes // 60, minutes % 60)))


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())


@dataclass
class _Context:
    """What every case draws on: the calendar, users, themes, organisations, names."""

    rng: random.Random
    today: date
    calendar: object
    users: dict[str, User]
    web_user: User
    domains: dict[str, Domain]
    themes: dict[tuple[int, str], Theme]
    organisations: dict[int, dict[str, Organisation]]
    names: list[tuple[str, str]]
    phones: int = 0

    def working_day(self, day: date, *, back: bool = False) -> date:
        while self.calendar.is_rest_day(day):
            day += timedelta(days=-1 if back else 1)
        return day

    def add_working_days(self, day: date, n: int) -> date:
        while n > 0:
            day += timedelta(days=1)
            n -= not self.calendar.is_rest_day(day)
        return day

    def name(self) -> tuple[str, str]:
        if not self.names:  # every combination used: a middle initial keeps names apart
            self.names = [(f"{f} {chr(65 + i)}.", s) for i in range(26)
                          for f in FIRST_NAMES for s in SURNAMES]
            self.rng.shuffle(self.names)
        return self.names.pop()

    def phone(self) -> str:
        self.phones += 1
        return f"06 0001 {self.phones:04d}"


@dataclass
class _Plan:
    """One earlier case as it is written: the rows the services would have left."""

    municipality: Municipality
    problem: Problem
    title: str
    story: str
    channel: str
    outcome: str
    transition: object
    complaint_case: bool
    handler: User
    registrar: User
    opened_at: datetime
    contact_at: datetime
    contact_kind: str
    contact_summary: str
    contact_author: User
    closed_at: datetime
    term: object
    resident: Person
    representative: Person | None = None
    relation: str = ""
    referred_by: str = ""
    route_tried: str = ""
    urgency: str = "normaal"
    themes: list[Theme] = field(default_factory=list)
    parties: list[Organisation] = field(default_factory=list)
    consent: str = ""
    meeting_at: datetime | None = None
    referral: dict | None = None
    complaint: dict | None = None
    elements: list[tuple] = field(default_factory=list)
    converted_on: date | None = None
    avoided: str = ""
    avoided_what: str = ""
    minutes: int = 0
    survey: dict | None = None
    case: Case | None = None


def _complaint_statuses(workflow) -> set[str]:
    """The statuses of ``workflow`` in which the case is a complaint (from its entry on)."""
    entry = entry_status(workflow.variant)
    if entry is None:
        return set()
    seen, todo = set(), [entry]
    while todo:
        status = todo.pop()
        if status in seen or workflow.is_closed(status):
            continue
        seen.add(status)
        todo += [t.target for t in workflow.transitions_from(status)]
    return seen


def _closing(rng: random.Random, workflow, outcome: str, complaint_statuses: set[str]):
    """The closing move for ``outcome``: outside the complaint statuses where it can be."""
    moves = [t for t in workflow.transitions if outcome in t.outcomes]
    plain = [t for t in moves if t.source not in complaint_statuses]
    return rng.choice(plain or moves)


def _organisation(ctx: _Context, municipality: Municipality, name: str | None,
                  route: str = "") -> Organisation | None:
    """The organisation ``name`` on the municipality's social map, or for "@kcc", "@area" and
    "@objection" the municipality's own of that kind; ``None`` when it has none."""
    served = ctx.organisations[municipality.pk]
    wanted = {"@kcc": Route.CONTACT_CENTRE, "@area": Route.AREA_TEAM,
              "@objection": Route.OBJECTION}.get(name or "")
    if wanted:
        found = sorted((o for o in served.values() if wanted in o.routes), key=lambda o: o.name)
        return ctx.rng.choice(found) if found else None
    organisation = served.get(name or "")
    if organisation is not None and route and route not in organisation.routes:
        return None
    return organisation


def _municipal(organisation: Organisation | None) -> bool:
    return organisation is not None and organisation.type == OrganisationType.MUNICIPAL_TEAM


def _person(ctx: _Context, municipality: Municipality, *, born: date, channel: str = "",
            local: bool = True) -> Person:
    rng = ctx.rng
    first, last = ctx.name()
    place, digits = rng.choice(PLACES.get(municipality.cbs_code, (("", ""),)))
    letters = "".join(rng.choice("ABCDEGHJKLMNPRTVWXZ") for _ in range(2))
    email = (f"{_ascii(first)}.{_ascii(last)}@mail.example" if rng.random() < .45 else "")
    phone = ctx.phone() if rng.random() < .88 or not email else ""
    preferred = PREFERRED.get(channel, "")
    if preferred == "email" and not email:
        preferred = "telefoon" if phone else ""
    if preferred == "telefoon" and not phone:
        preferred = ""
    return Person(
        office_id=municipality.office_id, name=f"{first} {last}", date_of_birth=born,
        email=email, phone=phone,
        street=f"{rng.choice(STREETS)} {rng.randint(1, 140)}" if local and rng.random() < .9
        else "",
        postcode=f"{digits} {letters}" if local and digits else "",
        city=place if local else "", preferred_channel=preferred,
        interpreter_language=rng.choice(LANGUAGES) if rng.random() < .03 else "",
        easy_language=rng.random() < .06,
    )


def _born(rng: random.Random, year: int, youngest: int, oldest: int) -> date:
    return date(year - rng.randint(youngest, oldest), rng.randint(1, 12), rng.randint(1, 28))


def _window(today: date, years_back: int, planned: int) -> tuple[date, date, int]:
    """The days in which the cases of ``years_back`` years ago were opened, and how many:
    never in the last ``QUIET_DAYS`` (early in January that includes the end of last year);
    the current year's number in proportion to its window until that is ``FULL_WINDOW``."""
    year = today.year - years_back
    start, quiet = date(year, 1, 1), today - timedelta(days=QUIET_DAYS)
    end = min(date(year, 12, 31), quiet)
    if end < start:
        return start, end, 0
    if years_back:
        return start, end, planned
    return start, end, round(planned * min(1, ((end - start).days + 1) / FULL_WINDOW))


def _opening_days(ctx: _Context, start: date, end: date, n: int) -> list[date]:
    """``n`` working days in the window, fewer in the summer and around Christmas."""
    days, weights = [], []
    day = start
    while day <= end:
        if not ctx.calendar.is_rest_day(day):
            days.append(day)
            weights.append(.6 if day.month in (7, 8) or (day.month == 12 and day.day > 20)
                           else 1)
        day += timedelta(days=1)
    return sorted(ctx.rng.choices(days, weights=weights, k=n)) if days and n else []


def _moment(rng: random.Random, day: date, first: int = 9 * 60, last: int = 16 * 60 + 30,
            after: datetime | None = None) -> datetime:
    """A moment on ``day`` within office hours, later than ``after``."""
    moment = _aware(day, rng.randint(first // 5, last // 5) * 5)
    if after is not None and moment <= after:
        moment = after + timedelta(minutes=rng.randint(3, 18) * 5)
    return moment


def _plan(ctx: _Context, municipality: Municipality, opened: date) -> _Plan:  # noqa: C901, PLR0912, PLR0915
    rng, workflow = ctx.rng, municipality.workflow.workflow
    variant = workflow.variant
    weights = {o: w for o, w in OUTCOMES.get(variant, OUTCOMES[3]).items()
               if o in {x.code for x in workflow.outcomes}}
    outcome = _pick(rng, weights)
    complaint_statuses = _complaint_statuses(workflow)
    transition = _closing(rng, workflow, outcome, complaint_statuses)
    complaint_case = transition.source in complaint_statuses
    # A complaint is about the conduct of the municipality: a problem with a municipal party.
    problems = [p for p in PROBLEMS if not complaint_case or _municipal(
        _organisation(ctx, municipality, THEME_PARTIES[p.theme][0]))]
    domain = _pick(ctx.rng, {d: w for d, w in DOMAINS.items()
                             if any(p.domain == d for p in problems)})
    problem = rng.choice([p for p in problems if p.domain == domain])
    second_line = complaint_case and workflow.initial in complaint_statuses
    title = _request_title(problem) if second_line else problem.title
    story = problem.story + (REQUEST_STORY if second_line else rng.choice(EXTRAS))
    channel = _pick(rng, CHANNELS)

    # Who: a child's case is brought by a parent; some adults bring a representative.
    year = opened.year
    child = problem.domain in ("jeugd", "onderwijs")
    resident = _person(ctx, municipality, channel=channel,
                       born=_born(rng, year, 6, 17) if child else _born(rng, year, 19, 90))
    representative, relation = None, ""
    if child:
        resident.email, resident.phone, resident.preferred_channel = "", "", ""
        representative, relation = _person(ctx, municipality, channel=channel,
                                           born=_born(rng, year, 30, 52)), "ouder"
    elif rng.random() < .08:
        relation = _pick(rng, RELATIONS)
        representative = _person(ctx, municipality, channel=channel, born=_born(rng, year, 25, 70),
                                 local=relation in ("familie", "mantelzorger"))

    handler = ctx.users[_pick(rng, dict(HANDLERS.get(municipality.cbs_code,
                                                      (("ombudsman", 1),))))]
    if channel == Channel.WEB:
        registrar = ctx.web_user
    elif channel == Channel.WALK_IN or rng.random() < .25:
        registrar = handler
    else:
        registrar = ctx.users["secretariaat"]

    # When: opened, the first contact (kept within the promise for most), closed.
    if channel in (Channel.PHONE, Channel.WALK_IN):
        opened_at = _moment(rng, opened, 8 * 60 + 45, 16 * 60)
    elif channel in (Channel.WEB, Channel.EMAIL):
        opened_at = _moment(rng, opened, 7 * 60, 21 * 60 + 30)
    else:
        opened_at = _moment(rng, opened, 9 * 60, 15 * 60 + 30)
    last_day = ctx.working_day(ctx.today - timedelta(days=1), back=True)
    term = not_in_time.first_contact_term(
        opened, working_days=municipality.office.first_contact_days, calendar=ctx.calendar)
    same_day = (channel == Channel.WALK_IN
                or (channel == Channel.PHONE and rng.random() < .75 and opened_at.hour < 16))
    contact_kind, summary = EntryKind.PHONE, "Inwoner teruggebeld"
    if same_day:
        contact_day = opened
        contact_at = opened_at + timedelta(minutes=rng.randint(1, 4) * 5)
        contact_kind, summary = ((EntryKind.CONVERSATION, "Gesprek op het spreekuur")
                                 if channel == Channel.WALK_IN
                                 else (EntryKind.PHONE, "Intakegesprek aan de telefoon"))
    else:
        if rng.random() < (.8 if channel == Channel.PHONE else .75):
            contact_day = min(ctx.add_working_days(opened, rng.choice((1, 1, 2, 2, 3, 4, 5))),
                              term.end)
        else:
            contact_day = ctx.add_working_days(term.end, rng.randint(1, 5))
        contact_day = max(min(contact_day, last_day), opened)  # never after the day before
        contact_at = _moment(rng, contact_day, 9 * 60, 16 * 60, after=opened_at)
        if channel != Channel.PHONE:
            contact_kind, summary = rng.choice((
                (EntryKind.PHONE, "Inwoner gebeld na de aanmelding"),
                (EntryKind.PHONE, "Inwoner gebeld na de aanmelding"),
                (EntryKind.EMAIL_OUT, "Inwoner gemaild met een voorstel voor een gesprek")))
    if second_line:
        summary = "Verzoeker gebeld over de behandeling van het verzoek"

    median, spread = LEAD[outcome]
    lead = rng.lognormvariate(math.log(median), spread)
    if rng.random() < .06:
        lead *= rng.uniform(2, 3.2)  # the few that take very long
    if outcome in RULINGS:
        lead = max(lead, 40)
    elif complaint_case:
        lead = max(lead, 10)
    closed_day = ctx.working_day(opened + timedelta(days=round(lead)))
    closed_day = max(min(closed_day, last_day), contact_day)
    closed_at = _moment(rng, closed_day, 13 * 60, 17 * 60, after=contact_at)

    plan = _Plan(
        municipality=municipality, problem=problem, title=title, story=story, channel=channel,
        outcome=outcome, transition=transition,
        complaint_case=complaint_case, handler=handler, registrar=registrar,
        opened_at=opened_at, contact_at=contact_at, contact_kind=contact_kind,
        contact_summary=summary,
        contact_author=registrar if same_day and registrar != ctx.web_user else handler,
        closed_at=closed_at, term=term, resident=resident,
        representative=representative, relation=relation,
        referred_by=rng.choice(REFERRED_BY) if channel == Channel.REFERRAL else "",
        route_tried=rng.choice(ROUTES_TRIED),
        urgency=("spoed" if problem.theme in ("Schuldhulp wachttijd", "Beslag", "Urgentie")
                 and rng.random() < .2 else "hoog" if rng.random() < .1 else "normaal"),
    )
    _themes(ctx, plan)
    _parties_and_mediation(ctx, plan, contact_day, closed_day)
    _referral(ctx, plan, contact_day, closed_day)
    if complaint_case:
        _complaint(ctx, plan, contact_day, closed_day, second_line=second_line)
    _closure_figures(ctx, plan)
    _survey(ctx, plan)
    return plan


def _themes(ctx: _Context, plan: _Plan) -> None:
    """The problem's theme, where the municipality has it (a second theme the story does not
    speak of would teach the intake's suggestion the wrong words)."""
    key = (plan.municipality.pk, plan.problem.theme)
    plan.themes = [ctx.themes[key]] if key in ctx.themes else []


def _parties_and_mediation(ctx: _Context, plan: _Plan, contact: date, closed: date) -> None:
    """The organisations involved. A mediation has the resident's consent to share and,
    mostly, a meeting with the party; some problems were settled, and some advice given,
    after the office asked the party for information (an intervention)."""
    rng = ctx.rng
    candidates = [o for o in (_organisation(ctx, plan.municipality, name)
                              for name in THEME_PARTIES[plan.problem.theme]) if o is not None]
    involved = (plan.outcome in MEDIATED or plan.complaint_case
                or rng.random() < PARTY.get(plan.outcome, .15))
    if not candidates or not involved:
        return
    plan.parties = [candidates[0]]
    if len(candidates) > 1 and rng.random() < .25:
        plan.parties.append(rng.choice(candidates[1:]))
    if plan.outcome in MEDIATED and not plan.complaint_case and rng.random() < .25:
        plan.consent = ConsentPurpose.ASK_INFORMATION  # settled by asking, no mediation
    elif plan.outcome in MEDIATED and not plan.complaint_case:
        plan.consent = ConsentPurpose.SHARE_INFORMATION
        first, last = contact + timedelta(days=3), closed - timedelta(days=2)
        if first <= last and rng.random() < .7:
            day = ctx.working_day(first + timedelta(days=rng.randint(0, (last - first).days)),
                                  back=True)
            if contact < day < closed:
                plan.meeting_at = _aware(day, rng.choice((10, 14)) * 60)
    elif plan.outcome == "advies" and rng.random() < .6:
        plan.consent = ConsentPurpose.ASK_INFORMATION


def _referral(ctx: _Context, plan: _Plan, contact: date, closed: date) -> None:
    """A referral for every case closed as referred and some others (about a fifth), made
    before closing and checked by then."""
    rng = ctx.rng
    wanted = plan.outcome == "verwezen" or (
        plan.outcome in ("advies", "niet_opgelost", "deels_opgelost", "niet_ontvankelijk")
        and rng.random() < .12)
    if not wanted:
        return
    options = REFERRALS["second_line" if plan.complaint_case else plan.problem.domain]
    route, name = options[0] if rng.random() < .6 else rng.choice(options)
    organisation = _organisation(ctx, plan.municipality, name, route) if name else None
    referred = max(contact, closed - timedelta(days=rng.randint(5, 14)))
    check = min(referred + timedelta(days=rng.choice((7, 10, 14))), closed)
    plan.referral = {"route": route, "organisation": organisation, "referred_on": referred,
                     "check_on": check, "checked_on": check,
                     "arrived": Referral.Arrived.YES if rng.random() < .85
                     else Referral.Arrived.NO}


def _complaint(ctx: _Context, plan: _Plan, contact: date, closed: date, *,
               second_line: bool) -> None:
    """The complaint of a case handled as one: a request as second line (variant 6, received
    when the case opened) or a complaint the case was converted into (variant 5)."""
    rng, outcome = ctx.rng, plan.outcome
    opened = timezone.localtime(plan.opened_at).date()
    respondent = next((o for o in plan.parties if _municipal(o)), None)
    department, official = RESPONDENTS.get(respondent.name if respondent else "",
                                           ("Klantcontactcentrum", "medewerker klantcontact"))
    facts: dict = {
        "kind": Complaint.Kind.OMBUDSMAN if second_line else Complaint.Kind.COMPLAINT,
        "subject": plan.title[:200], "conduct": plan.problem.story,
        "respondent_organisation": respondent, "respondent_department": department,
        "respondent_official": official, "requirements_checked": True,
        "outcome": outcome,
    }
    if second_line:
        received = opened
        if outcome == "niet_ontvankelijk" and rng.random() < .5:
            facts["inadmissible_ground"] = "geen_klacht"  # never complained to it first
        elif outcome == "niet_ontvankelijk":
            facts["inadmissible_ground"] = "te_laat"
            findings = opened - timedelta(days=rng.randint(400, 480))
            facts.update(internal_received_on=findings - timedelta(days=rng.randint(30, 50)),
                         internal_findings_on=findings)
        else:
            internal = opened - timedelta(days=rng.randint(75, 150))
            facts["internal_received_on"] = internal
            if rng.random() < .75:  # else admissible because its 9:11 term passed
                facts["internal_findings_on"] = min(
                    internal + timedelta(days=rng.randint(30, 55)), opened - timedelta(days=7))
    else:
        received = min(ctx.add_working_days(contact, rng.randint(1, 4)), closed)
        plan.converted_on = received
        facts.update(committee=plan.municipality.complaints_committee,
                     conduct_on=received - timedelta(days=rng.randint(20, 90)),
                     acknowledged_on=min(ctx.add_working_days(received, rng.randint(1, 4)),
                                         closed))
        if outcome == "niet_behandeld":
            facts.update(conduct_on=received - timedelta(days=rng.randint(400, 600)),
                         not_handled_ground="ouder_dan_een_jaar",
                         not_handled_reasons="De gedraging vond meer dan een jaar voor de "
                         "klacht plaats.", not_handled_notice_on=closed)
    facts["received_on"] = received
    if outcome in RULINGS:
        invited = min(received + timedelta(days=rng.randint(10, 18)), closed)
        heard = min(ctx.add_working_days(invited, rng.randint(5, 10)), closed)
        facts.update(
            copy_sent_on=min(received + timedelta(days=rng.randint(3, 7)), closed),
            hearing_invited_on=invited, hearing_on=heard,
            hearing_heard="De klager en de teamleider van de afdeling",
            hearing_report="De klager en de betrokken medewerker zijn gehoord. Beide kanten "
            "staan in het verslag.",
            findings="Het onderzoek met hoor en wederhoor laat zien wat er is gebeurd; zie de "
            "oordelen per klachtonderdeel.",
            conclusions=f"De klacht is {_ruling_label(outcome)}.",
            measures=MEASURES[outcome], findings_on=closed)
        judgments = {"gegrond": ["gegrond"] * rng.randint(1, 2),
                     "ongegrond": ["ongegrond"] * rng.randint(1, 2),
                     "deels_gegrond": ["gegrond", "ongegrond"],
                     "geen_oordeel": ["geen_oordeel"]}[outcome]
        chosen = rng.sample(ELEMENTS, len(judgments))
        plan.elements = [(description, norm, judgment,
                          NO_JUDGMENT if judgment == "geen_oordeel"
                          else founded if judgment == "gegrond" else unfounded)
                         for (description, norm, founded, unfounded), judgment
                         in zip(chosen, judgments, strict=True)]
    elif outcome == "informeel_opgelost":
        facts.update(settled_on=closed, settlement="In een gesprek met de klager en de "
                     "afdeling is de zaak opgelost; de klager is tevreden.")
    plan.complaint = facts


def _ruling_label(outcome: str) -> str:
    return {"gegrond": "gegrond", "deels_gegrond": "deels gegrond", "ongegrond": "ongegrond",
            "geen_oordeel": "niet te beoordelen"}[outcome]


def _closure_figures(ctx: _Context, plan: _Plan) -> None:
    """Minutes spent, and whether a formal procedure was avoided (for a complaint case, which
    is one itself, as the stories record it: mostly not, an informal settlement may have
    avoided a request to the Nationale ombudsman)."""
    rng, outcome = ctx.rng, plan.outcome
    low, high = RULING_MINUTES if outcome in RULINGS else MINUTES[outcome]
    plan.minutes = rng.randint(low // 5, high // 5) * 5
    if plan.complaint_case:
        if outcome == "informeel_opgelost" and rng.random() < .5:
            plan.avoided, plan.avoided_what = "ja", "ombudsman"
        else:
            plan.avoided = "nee" if rng.random() < .7 else "onbekend"
        return
    if rng.random() < AVOIDED.get(outcome, .2):
        plan.avoided, plan.avoided_what = "ja", _pick(rng, AVOIDED_WHAT)
    elif outcome == "geen_contact":
        plan.avoided = "onbekend" if rng.random() < .8 else "nee"
    else:
        plan.avoided = "nee" if rng.random() < .6 else "onbekend"


def _survey(ctx: _Context, plan: _Plan) -> None:
    """An anonymous survey answer for about 40 % of the closed cases (not without contact)."""
    rng, outcome = ctx.rng, plan.outcome
    if outcome == "geen_contact" or rng.random() >= .44:
        return
    if outcome in ("opgelost", "informeel_opgelost", "gegrond"):
        heard, solved, grades = (85, 12, 3), (75, 20, 5), range(7, 11)
    elif outcome in ("deels_opgelost", "deels_gegrond"):
        heard, solved, grades = (70, 25, 5), (20, 60, 20), range(6, 10)
    elif outcome in ("advies", "verwezen", "ingetrokken"):
        heard, solved, grades = (75, 20, 5), (35, 40, 25), range(6, 10)
    else:
        heard, solved, grades = (50, 30, 20), (10, 25, 65), range(4, 9)
    answers = ("ja", "deels", "nee")
    plan.survey = {
        "felt_heard": rng.choices(answers, weights=heard)[0],
        "problem_solved": rng.choices(answers, weights=solved)[0],
        "grade": rng.choice(list(grades)),
        "remark": rng.choice(REMARKS) if rng.random() < .25 else "",
    }


# --- writing ----------------------------------------------------------------------------------
def _context(municipalities: dict[str, Municipality], today: date) -> _Context:
    from ombuds.public.services import web_intake_user

    taken = set(Person.objects.values_list("name", flat=True))
    staff = {u.get_full_name() for u in User.objects.filter(username__in=data.USERS)}
    words = {w.lower() for name in taken | staff for w in name.split() if len(w) > 3}
    surnames = [s for s in SURNAMES if not any(w.lower() in words for w in s.split()
                                                 if len(w) > 3)]
    rng = random.Random(SEED)  # noqa: S311 (demo data, not a secret)
    names = [(f, s) for f in FIRST_NAMES for s in surnames if f"{f} {s}" not in taken]
    rng.shuffle(names)
    themes = {(t.municipality_id, t.name): t for t in Theme.objects.filter(
        municipality__in=municipalities.values(), active=True).select_related("domain")}
    organisations: dict[int, dict[str, Organisation]] = {}
    for municipality in municipalities.values():
        organisations[municipality.pk] = {o.name: o for o in municipality.organisations.all()}
    return _Context(
        rng=rng, today=today, calendar=holiday_calendar(),
        users={u.username: u for u in User.objects.filter(username__in=data.USERS)},
        web_user=web_intake_user(), domains={d.code: d for d in Domain.objects.all()},
        themes=themes, organisations=organisations, names=names)


def _exists(municipalities: dict[str, Municipality]) -> bool:
    return volume_cases(Case.objects.filter(
        municipality__in=list(municipalities.values()))).exists()


def load_volume(municipalities: dict[str, Municipality], *, today: date) -> int:
    """Add the earlier, closed cases of ``PLAN`` to the demo municipalities (unless they are
    there); return how many. Called by ``load_demo`` right after the stories."""
    if _exists(municipalities):
        return 0
    for municipality in municipalities.values():
        municipality.workflow  # noqa: B018 (loaded once, parsed once)
    ctx = _context(municipalities, today)
    plans: list[_Plan] = []
    for code, counts in PLAN.items():
        municipality = municipalities.get(code)
        if municipality is None:
            continue
        for back, planned in enumerate(counts):
            start, end, n = _window(today, back, planned)
            plans += [_plan(ctx, municipality, day) for day in _opening_days(ctx, start, end, n)]
    plans.sort(key=lambda p: (p.opened_at, p.municipality.pk))
    with transaction.atomic():
        _write(ctx, plans)
    return len(plans)


def _write(ctx: _Context, plans: list[_Plan]) -> None:
    persons = [p.resident for p in plans] + [p.representative for p in plans
                                             if p.representative is not None]
    Person.objects.bulk_create(persons, batch_size=500)
    references = _references(plans)
    cases = []
    for plan, reference in zip(plans, references, strict=True):
        municipality = plan.municipality
        case = Case(
            reference=reference,
            municipality=municipality, workflow=municipality.workflow,
            status=plan.transition.target, outcome=plan.outcome, channel=plan.channel,
            referred_by=plan.referred_by, person=plan.resident,
            representative=plan.representative, representative_relation=plan.relation,
            title=plan.title, story=plan.story, wish=plan.problem.wish,
            route_tried=plan.route_tried, urgency=plan.urgency, assignee=plan.handler,
            created_by=plan.registrar, procedure_avoided=plan.avoided,
            procedure_avoided_what=plan.avoided_what, minutes_spent=plan.minutes,
            opened_at=plan.opened_at, closed_at=plan.closed_at,
        )
        case.search_text = _search_text(case)
        case.clean_fields(exclude=["search_text", "reference_number", "municipality",
                                   "workflow", "person", "representative", "assignee",
                                   "created_by"])
        plan.case = case
        cases.append(case)
    Case.objects.bulk_create(cases, batch_size=500)
    _write_labels(ctx, plans)
    parties = _write_parties(plans)
    _write_mediation(plans, parties)
    complaints = _write_complaints(plans)
    _write_timeline(ctx, plans)
    _write_terms(ctx, plans, complaints)
    _write_surveys(plans)


def _references(plans: list[_Plan]) -> list[str]:
    """The references of ``plans`` (oldest first), in each municipality's own sequence per
    year: the first number from ``reference_next``, the rest reserved with the same counter
    row in one update, so a case registered later gets the next free number."""
    wanted: dict[tuple[int, int], list[int]] = {}
    for index, plan in enumerate(plans):
        year = timezone.localtime(plan.opened_at).year
        wanted.setdefault((plan.municipality.pk, year), []).append(index)
    references = [""] * len(plans)
    for (_pk, year), indexes in wanted.items():
        municipality = plans[indexes[0]].municipality
        first = reference_next(municipality=municipality, year=year)
        prefix, number = first.rsplit("-", 1)
        ReferenceCounter.objects.filter(municipality=municipality, year=year).update(
            last_number=F("last_number") + len(indexes) - 1)
        for offset, index in enumerate(indexes):
            references[index] = f"{prefix}-{int(number) + offset:04d}"
    return references


def _write_labels(ctx: _Context, plans: list[_Plan]) -> None:
    domain_rows, theme_rows = [], []
    for plan in plans:
        domains = {ctx.domains[plan.problem.domain].pk} | {t.domain_id for t in plan.themes}
        domain_rows += [Case.domains.through(case_id=plan.case.pk, domain_id=d)
                        for d in sorted(domains)]
        theme_rows += [Case.themes.through(case_id=plan.case.pk, theme_id=t.pk)
                       for t in plan.themes]
    Case.domains.through.objects.bulk_create(domain_rows, batch_size=500)
    Case.themes.through.objects.bulk_create(theme_rows, batch_size=500)


def _write_parties(plans: list[_Plan]) -> dict[tuple[int, int], CaseOrganisation]:
    rows = [CaseOrganisation(case=plan.case, organisation=organisation,
                             role=("Beklaagde" if plan.complaint_case and index == 0
                                   else ROLES.get(organisation.type, "Betrokken organisatie")))
            for plan in plans for index, organisation in enumerate(plan.parties)]
    CaseOrganisation.objects.bulk_create(rows, batch_size=500)
    return {(row.case_id, row.organisation_id): row for row in rows}


def _write_mediation(plans: list[_Plan], parties: dict) -> None:
    consents, meetings, meeting_parties, referrals = [], [], [], []
    for plan in plans:
        case, handler = plan.case, plan.handler
        party = parties.get((case.pk, plan.parties[0].pk)) if plan.parties else None
        if plan.consent and party is not None:
            consents.append(Consent(
                case=case, party=party, purpose=plan.consent,
                scope=("Het verhaal van de inwoner en de vraag aan de organisatie; geen "
                       "medische gegevens." if plan.consent == ConsentPurpose.SHARE_INFORMATION
                       else "Informatie opvragen over de stand van de aanvraag."),
                shares_story=plan.consent == ConsentPurpose.SHARE_INFORMATION,
                shares_contact=plan.consent == ConsentPurpose.SHARE_INFORMATION,
                given_on=timezone.localtime(plan.contact_at).date(),
                given_how="mondeling" if plan.channel in (Channel.PHONE, Channel.WALK_IN)
                else "schriftelijk",
                given_by="de vertegenwoordiger" if plan.representative else "de inwoner",
                recorded_by=handler))
        if plan.meeting_at is not None and party is not None:
            meetings.append(Meeting(
                case=case, kind=Meeting.Kind.JOINT, status=Meeting.Status.HELD,
                starts_at=plan.meeting_at, duration_minutes=60,
                place=MEETING_PLACES.get(plan.municipality.cbs_code, "Bij de inwoner thuis"),
                resident_invited=True, representative_invited=plan.representative is not None,
                invitations_sent_at=plan.meeting_at - timedelta(days=7), resident_present=True,
                minutes="Gesprek met de inwoner en de organisatie over de vraag. Samen "
                "besproken wat er nodig is en wie wat doet.",
                held_at=plan.meeting_at + timedelta(hours=2), created_by=handler))
            meeting_parties.append(party)
        if plan.referral is not None:
            referrals.append(Referral(case=case, created_by=handler, **plan.referral))
    Consent.objects.bulk_create(consents, batch_size=500)
    Meeting.objects.bulk_create(meetings, batch_size=500)
    Meeting.parties.through.objects.bulk_create(
        [Meeting.parties.through(meeting_id=m.pk, caseorganisation_id=p.pk)
         for m, p in zip(meetings, meeting_parties, strict=True)], batch_size=500)
    Referral.objects.bulk_create(referrals, batch_size=500)


def _write_complaints(plans: list[_Plan]) -> list[tuple[_Plan, Complaint]]:
    made = [plan for plan in plans if plan.complaint is not None]
    rows = [Complaint(case=plan.case, **plan.complaint) for plan in made]
    Complaint.objects.bulk_create(rows, batch_size=500)
    ComplaintElement.objects.bulk_create(
        [ComplaintElement(complaint=row, position=position, description=description, norm=norm,
                          judgment=judgment, reasons=reasons)
         for plan, row in zip(made, rows, strict=True)
         for position, (description, norm, judgment, reasons) in enumerate(plan.elements, 1)],
        batch_size=500)
    return list(zip(made, rows, strict=True))


def _write_timeline(ctx: _Context, plans: list[_Plan]) -> None:
    """Registration, assignment, first contact, meeting, conversion into a complaint and the
    closure, as the services write them."""
    entries = []
    coordinator = ctx.users["coordinator"]
    for plan in plans:
        case, handler = plan.case, plan.handler
        workflow = plan.municipality.workflow.workflow
        entries.append(TimelineEntry(
            case=case, kind=EntryKind.STATUS, occurred_at=plan.opened_at, author=plan.registrar,
            summary=f"Zaak geregistreerd ({case.get_channel_display()})",
            status_to=workflow.initial))
        if plan.registrar != handler:
            assigned = min(plan.opened_at + timedelta(minutes=10),
                           plan.contact_at - timedelta(minutes=1))
            entries.append(TimelineEntry(
                case=case, kind=EntryKind.ASSIGNMENT, occurred_at=max(assigned, plan.opened_at),
                author=coordinator, summary=f"Toegewezen aan {handler.display_name}"))
        entries.append(TimelineEntry(
            case=case, kind=plan.contact_kind, occurred_at=plan.contact_at,
            author=plan.contact_author,
            summary=plan.contact_summary, body="Verhaal en vraag van de inwoner besproken.",
            sent_to_resident=plan.contact_kind == EntryKind.EMAIL_OUT))
        if plan.meeting_at is not None:
            entries.append(TimelineEntry(
                case=case, kind=EntryKind.MEETING, occurred_at=plan.meeting_at, author=handler,
                summary=f"Gesprek met de inwoner en {plan.parties[0].name}"[:200]))
        if plan.converted_on is not None:
            entry = entry_status(workflow.variant)
            move = next(t for t in workflow.transitions
                        if t.target == entry and t.source == "intake")
            entries.append(TimelineEntry(
                case=case, kind=EntryKind.STATUS,
                occurred_at=max(_aware(plan.converted_on, 11 * 60),
                                plan.contact_at + timedelta(minutes=5)),
                author=handler, status_from=move.source, status_to=move.target,
                summary=f"{move.label}: {workflow.status(move.source).label} → "
                        f"{workflow.status(move.target).label}"))
        move = plan.transition
        note = (RULING_NOTE[6 if plan.complaint and plan.complaint["kind"] == "ombudsman" else 5]
                if plan.outcome in RULINGS else ctx.rng.choice(CLOSING_NOTES[plan.outcome]))
        entries.append(TimelineEntry(
            case=case, kind=EntryKind.STATUS, occurred_at=plan.closed_at, author=handler,
            summary=(f"{move.label}: {workflow.status(move.source).label} → "
                     f"{workflow.status(move.target).label} "
                     f"({workflow.outcome(plan.outcome).label})")[:200],
            body=note, status_from=move.source, status_to=move.target, outcome=plan.outcome))
    TimelineEntry.objects.bulk_create(entries, batch_size=500)


def _write_terms(ctx: _Context, plans: list[_Plan], complaints: list[tuple[_Plan, Complaint]]
                 ) -> None:
    """The promise of first contact (kept, or kept late) of every case, and the terms of each
    complaint as ``procedures.planning`` plans them from its facts (``_plan_complaint``, the
    planner ``deadlines_recompute`` uses), written as that function writes them."""
    rows = []
    for plan in plans:
        term = plan.term
        rows.append(Deadline(
            case=plan.case, kind=DeadlineKind.FIRST_CONTACT, name=term.name, start=term.start,
            raw_end=term.raw_end, end=term.end, basis=term.basis,
            explanation=term.explanation, caveat=term.caveat, watched=True,
            met_on=timezone.localtime(plan.contact_at).date()))
    running = []
    for plan, complaint in complaints:
        complaint.case = plan.case
        for planned in _plan_complaint(complaint, ctx.calendar):
            term = planned.term
            rows.append(Deadline(
                case=plan.case, complaint=complaint, kind=planned.kind, name=term.name,
                start=term.start, raw_end=term.raw_end, end=term.end, basis=term.basis,
                explanation=term.explanation, caveat=term.caveat, watched=planned.watched,
                met_on=planned.met_on))
            if planned.watched and planned.met_on is None:
                running.append(plan.case)
    Deadline.objects.bulk_create(rows, batch_size=500)
    for case in running:  # a closed case keeps no running term; should one, the watch shows it
        deadlines_recompute(case=case, calendar=ctx.calendar)


def _write_surveys(plans: list[_Plan]) -> None:
    invitations, responses = [], []
    for plan in plans:
        if plan.survey is None:
            continue
        _token, hashed = new_token()
        invitations.append(SurveyInvitation(
            case=plan.case, token_hash=hashed, answered=True,
            expires_at=plan.closed_at + timedelta(days=SURVEY_VALID_DAYS)))
        closed = timezone.localtime(plan.closed_at).date()
        responses.append(SurveyResponse(
            municipality=plan.municipality, variant=plan.municipality.workflow.variant,
            closed_month=closed.replace(day=1), **plan.survey))
    SurveyInvitation.objects.bulk_create(invitations, batch_size=500)
    # Shuffled, so the order of the anonymous answers does not follow the cases.
    random.Random(SEED + 1).shuffle(responses)  # noqa: S311 (no secret)
    SurveyResponse.objects.bulk_create(responses, batch_size=500)
