"""The words of the resident pages that depend on data: the process variant of a
municipality, the routes of the social map, and the state of a request in plain words.

Plain Dutch at B1 level (short sentences, common words, "u"); the English comes from the
translation catalogue in ``public/locale``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ombuds.socialmap.models import Route


@dataclass(frozen=True)
class VariantText:
    title: str
    summary: str
    steps: tuple[str, ...]


_LISTEN = _("U vertelt uw verhaal. Wij luisteren en stellen vragen, zodat wij goed "
            "begrijpen wat er mis ging.")
_ADVICE = _("Wij zeggen wat u kunt doen en waar u terecht kunt. Wij wijzen u op tijd op een "
            "klacht of bezwaar, zodat u geen termijn mist.")
_MEDIATE = _("Als u dat wilt, praten wij met de gemeente of de zorgaanbieder. Wij zoeken samen "
             "een oplossing waar iedereen mee verder kan.")
_FOLLOW = _("Wij maken afspraken en kijken later of die zijn nagekomen.")
_COMPLAINT = _("Lukt het zo niet? Dan kunt u bij ons een klacht indienen. Wij horen u en de "
               "gemeente en geven daarna een oordeel. Dat doen wij binnen 6 weken, soms 10.")
_OMBUDSMAN = _("Bent u het niet eens met ons oordeel? Dan kunt u naar de Nationale ombudsman.")

VARIANTS: dict[int, VariantText] = {
    1: VariantText(_("Een luisterend oor"),
                   _("De ombudsfunctie luistert naar u en geeft advies."),
                   (_LISTEN, _ADVICE)),
    2: VariantText(_("Bemiddelen"),
                   _("De ombudsfunctie bemiddelt tussen u en de gemeente of de zorgaanbieder."),
                   (_LISTEN, _MEDIATE, _FOLLOW, _ADVICE)),
    3: VariantText(_("Luisteren en bemiddelen"),
                   _("De ombudsfunctie luistert naar u en bemiddelt, het liefst voordat u een "
                     "klacht of bezwaar indient."),
                   (_LISTEN, _MEDIATE, _FOLLOW, _ADVICE)),
    4: VariantText(_("Klachten behandelen"),
                   _("De ombudsfunctie behandelt klachten over de gemeente onafhankelijk."),
                   (_LISTEN, _COMPLAINT, _OMBUDSMAN)),
    5: VariantText(_("Luisteren, bemiddelen en klachten behandelen"),
                   _("De ombudsfunctie luistert, bemiddelt en kan ook uw klacht behandelen."),
                   (_LISTEN, _MEDIATE, _FOLLOW, _COMPLAINT, _OMBUDSMAN)),
    6: VariantText(_("Ombudsman na een klacht"),
                   _("U kunt bij de ombudsfunctie terecht als u al een klacht bij de gemeente "
                     "heeft ingediend en het niet eens bent met de afhandeling."),
                   (_("Eerst dient u een klacht in bij de gemeente zelf."),
                    _("Bent u het niet eens met het antwoord? Dan kijken wij opnieuw naar uw "
                      "klacht. Wij horen u en de gemeente en schrijven een rapport."),
                    _OMBUDSMAN)),
}


def variant_text(variant: int) -> VariantText:
    return VARIANTS.get(variant, VARIANTS[3])


#: Route code → (plain name, what it is), for the routes page.
ROUTES: dict[str, tuple[str, str]] = {
    Route.CLIENT_SUPPORT: (
        _("Cliëntondersteuning"),
        _("Een cliëntondersteuner helpt u gratis bij vragen over zorg, werk, geld en wonen. "
          "Hij of zij gaat mee naar gesprekken en werkt niet voor de gemeente.")),
    Route.AREA_TEAM: (
        _("Het gebiedsteam"),
        _("De consulenten van het gebiedsteam van de gemeente beslissen over hulp en zorg. "
          "Met hen maakt u afspraken over uw hulp.")),
    Route.YOUTH_CONFIDANT: (
        _("Vertrouwenspersoon jeugdhulp"),
        _("Heeft u of uw kind jeugdhulp? De vertrouwenspersoon helpt u gratis als u een "
          "probleem heeft met de jeugdhulp. Hij of zij is onafhankelijk.")),
    Route.CONTACT_CENTRE: (
        _("Het klantcontactcentrum van de gemeente"),
        _("Voor gewone vragen aan de gemeente kunt u bellen naar 14 en het netnummer.")),
    Route.INTERNAL_COMPLAINT: (
        _("Een klacht bij de gemeente"),
        _("Bent u niet goed behandeld door de gemeente? Dan kunt u een klacht indienen bij de "
          "gemeente zelf.")),
    Route.OBJECTION: (
        _("Bezwaar maken"),
        _("Bent u het niet eens met een besluit van de gemeente? Dan kunt u bezwaar maken. "
          "Dat moet meestal binnen 6 weken na de datum van de brief.")),
    Route.COURT: (
        _("Naar de rechter"),
        _("Bent u het niet eens met het besluit op uw bezwaar? Dan kunt u in beroep gaan bij "
          "de rechter. Ook dat moet binnen 6 weken.")),
    Route.NATIONAL_OMBUDSMAN: (
        _("De Nationale ombudsman"),
        _("Heeft u een klacht ingediend en bent u het niet eens met de afhandeling? Dan kunt "
          "u naar de Nationale ombudsman. Dat moet binnen een jaar.")),
    Route.LOCAL_OMBUDSMAN: (
        _("De ombudsman van de gemeente"),
        _("Sommige gemeenten hebben een eigen ombudsman voor klachten na de klacht bij de "
          "gemeente.")),
    Route.PROVIDER_COMPLAINT: (
        _("Een klacht bij de zorgaanbieder"),
        _("Heeft u een klacht over een zorgaanbieder? Elke aanbieder heeft een eigen "
          "klachtenregeling.")),
    Route.OTHER_HELP: (
        _("Andere hulp"),
        _("Soms is andere hulp beter, bijvoorbeeld van het maatschappelijk werk of de "
          "schuldhulp.")),
}


@dataclass(frozen=True)
class Phase:
    title: str
    now: str
    next: str


RECEIVED = Phase(_("Ontvangen"),
                 _("Wij hebben uw verzoek ontvangen. Nog niemand heeft het opgepakt."),
                 "")  # ``next``: the office's promise, ``first_contact_promise``
TALKING = Phase(_("In gesprek"),
                _("Een medewerker van de ombudsfunctie werkt aan uw verzoek. Wij praten met u "
                  "om goed te begrijpen wat er aan de hand is."),
                _("Samen kijken wij wat de beste stap is. Dat kan advies zijn, bemiddeling of "
                  "hulp op weg naar een andere plek."))
MEDIATING = Phase(_("Wij bemiddelen"),
                  _("Wij praten met u en met de gemeente of de organisatie. Samen zoeken wij "
                    "een oplossing."),
                  _("Wij laten u weten wat er is afgesproken. Daarna kijken wij of iedereen "
                    "zich aan de afspraken houdt."))
FOLLOW_UP = Phase(_("Afspraken volgen"),
                  _("Er zijn afspraken gemaakt. Wij kijken of die worden nagekomen."),
                  _("Gaat er iets mis met de afspraken? Laat het ons weten."))
COMPLAINT = Phase(_("Klacht in behandeling"),
                  _("Uw klacht wordt behandeld. Wij horen u en de gemeente of de organisatie."),
                  _("U krijgt een brief met ons oordeel. Daarin staat ook wat u daarna nog "
                    "kunt doen."))
CLOSED = Phase(_("Afgerond"),
               _("Wij hebben uw verzoek afgerond."),
               _("Heeft u een nieuwe vraag, of is het probleem terug? Neem dan contact met ons "
                 "op."))

_PHASES = {
    "aangemeld": RECEIVED, "ontvangen": RECEIVED,
    "gesprek": TALKING, "intake": TALKING,
    "bemiddeling": MEDIATING, "nazorg": FOLLOW_UP,
    "klacht": COMPLAINT, "bevestigd": COMPLAINT, "hoor_wederhoor": COMPLAINT,
    "oordeel": COMPLAINT, "toetsing": COMPLAINT, "onderzoek": COMPLAINT, "rapport": COMPLAINT,
}


def first_contact_promise(days: int) -> str:
    """The office's promise of first contact (``Office.first_contact_days``, watched as the
    term "eerste contact"), in the active language."""
    return ngettext("Binnen %(days)s werkdag neemt een medewerker contact met u op. Zo nodig "
                    "maken wij een afspraak voor een gesprek.",
                    "Binnen %(days)s werkdagen neemt een medewerker contact met u op. Zo nodig "
                    "maken wij een afspraak voor een gesprek.", days) % {"days": days}


def phase(case) -> Phase:
    """The state of ``case`` in plain words: never the status label staff use, never who."""
    if case.is_closed:
        return CLOSED
    found = _PHASES.get(case.status, TALKING)
    if found is RECEIVED:
        return replace(RECEIVED, next=first_contact_promise(
            case.municipality.office.first_contact_days))
    return found


#: Strings of the shared templates the resident pages use (``core/templates/base.html``,
#: ``cases/includes/field.html``). Only the resident pages have an English version, so their
#: translations live in this app's catalogue; listed here so ``makemessages`` keeps them.
BASE_TEMPLATE_STRINGS = (
    _("Naar de inhoud"),
    _("Demo — fictieve gegevens"),
    _("(niet verplicht)"),
    _("Er is niets om uit te kiezen."),
)
