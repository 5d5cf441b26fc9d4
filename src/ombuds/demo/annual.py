"""The demo's annual report: Steenwijkerland, this year, written through the services.

A foreword, a pilot evaluation and three stories from demo cases: two the ombudsperson
rewrote from Ombuds' de-identified draft and approved, one still the draft, not approved
(so the demo shows that only approved stories reach the files). The year is the current
one, as the demo's cases are dated back from today.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from ombuds.accounts.models import User
from ombuds.cases.models import Case
from ombuds.core.models import Municipality
from ombuds.demo.data import MUNICIPALITIES, STW
from ombuds.reports.annual import (
    annual_report_get_or_create,
    annual_report_update,
    story_add,
    story_approve,
    story_update,
)
from ombuds.reports.models import AnnualReport

FOREWORD = (
    "Voor u ligt het jaarverslag van de sociale ombudsfunctie in Steenwijkerland.\n\n"
    "Inwoners kwamen bij ons met vragen en zorgen over hulp die niet kwam, brieven "
    "die ze niet begrepen en instanties die naar elkaar wezen. Vaak was een gesprek "
    "met de juiste mensen aan tafel genoeg. Soms zagen we hetzelfde probleem vaker "
    "terug; dan hebben we de gemeente of de organisatie daarop gewezen met een "
    "signaal.\n\n"
    "In dit verslag leest u een paar van die verhalen, zonder namen. U leest ook "
    "welke signalen wij gaven, wat de gemeente ermee deed, en de cijfers van het "
    "jaar."
)

PILOT_EVALUATION = (
    "De ombudsfunctie werkt in Steenwijkerland als pilot van twee jaar. Na dit jaar "
    "kijken we terug: de meeste inwoners werden binnen een paar dagen gebeld, en in "
    "een groot deel van de zaken was een bezwaar of klacht niet meer nodig.\n\n"
    "Wat beter kan: inwoners weten ons nog niet altijd te vinden, en afspraken met "
    "organisaties worden niet altijd nagekomen. Wij raden aan de ombudsfunctie na de "
    "pilot voort te zetten en haar bekender te maken bij de loketten van de gemeente."
)


@dataclass(frozen=True)
class DemoStory:
    """A demo case told as a story: the ombudsperson's own ``title`` and ``text`` (empty:
    the draft Ombuds offered is left as it is), approved or not."""

    case: str
    title: str = ""
    text: str = ""
    approve: bool = False


STORIES = (
    DemoStory(
        case="stw-thuiszorg-gestopt",
        title="De huishoudelijke hulp stopte zonder bericht",
        text="Een oudere vrouw kreeg al jaren huishoudelijke hulp. Op een dag kwam er niemand "
             "meer. Er kwam geen brief en geen telefoontje. Haar dochter belde de "
             "thuiszorgorganisatie: er was geen personeel.\n\n"
             "Wij brachten de thuiszorgorganisatie en het Wmo-team samen aan tafel. De "
             "organisatie gaf toe dat de vrouw uit de planning was gevallen toen haar vaste "
             "hulp ziek werd, en bood excuses aan. De hulp kwam de week erna weer, met een "
             "vaste hulp. Een klacht was niet meer nodig.\n\n"
             "Wat we ervan leren: als zorg stopt, moet de inwoner dat horen. Dat hebben we ook "
             "als signaal aan de gemeente gegeven.",
        approve=True,
    ),
    DemoStory(
        case="stw-woningaanpassing",
        title="Eén partij die de douche regelt",
        text="Een man kon na een operatie niet meer boven douchen. Hij had een douche beneden "
             "nodig. De gemeente zei dat de woningcorporatie dat moest doen; de corporatie zei "
             "dat het een Wmo-voorziening was. Maandenlang waste hij zich aan de wastafel.\n\n"
             "In één gesprek met de gemeente, de corporatie en zijn cliëntondersteuner werd "
             "afgesproken wie wat doet. De corporatie plaatste de douche, de gemeente betaalde. "
             "Over de verhuiskosten tijdens de verbouwing kwam later een apart besluit.",
        approve=True,
    ),
    # Left as Ombuds' draft, not approved: it must never reach the files.
    DemoStory(case="stw-leerlingenvervoer"),
)


@transaction.atomic
def load_annual_report(cases: dict[str, Case]) -> AnnualReport | None:
    """Write the demo annual report of Steenwijkerland for this year (once)."""
    municipality = Municipality.objects.get(cbs_code=STW)
    year = timezone.localdate().year
    if AnnualReport.objects.filter(municipality=municipality, year=year).exists():
        return None
    user = User.objects.get(username="ombudsman")
    report = annual_report_get_or_create(user=user, municipality=municipality, year=year)
    annual_report_update(user=user, annual_report=report, foreword=FOREWORD,
                         pilot_evaluation=PILOT_EVALUATION)
    for spec in STORIES:
        case = cases.get(spec.case)
        if case is None:
            continue
        story = story_add(user=user, annual_report=report, reference=case.reference)
        if spec.text:
            story = story_update(user=user, story=story, title=spec.title, text=spec.text)
        if spec.approve:
            story_approve(user=user, story=story)
    return report


def wipe_annual_reports() -> int:
    """Delete the demo municipalities' annual reports with their stories (the demo reset)."""
    deleted, _ = AnnualReport.objects.filter(
        municipality__cbs_code__in=MUNICIPALITIES).delete()
    return deleted
