"""The annual report (jaarverslag): written by the ombudsperson, counted by Ombuds.

An ``AnnualReport`` holds what a person writes for one municipality and year: a foreword, the
pilot evaluation and the cases told as casuïstiek (``CaseStory``). Picking a case makes a
de-identified draft of its title, story, wish, outcome and agreements
(``domain.deidentify``: names become roles, dates months or seasons, ages decades, places
"een kern in de gemeente", numbers and contact data go). The ombudsperson edits it and
approves it; approval is refused while ``findings`` still sees personal data of that case
in the text, and editing an approved story withdraws the approval. Only approved stories
are ever published.

``annual_build`` puts the report together: the foreword, the approved stories, the
publishable figures of the year (``figures.report_build``, disclosure-controlled: key
figures, tables, the signals with the municipality's responses, the sentences about what
was left out) and the pilot evaluation when the year overlaps the municipality's pilot.
``annual_export`` renders it as a tagged PDF (PDF/UA-1, WeasyPrint, as the other reports)
or as a Word document (``reports.docx``) a municipality can finish in its own word
processor, and writes the audit entry ``report.exported``.

Who may do what: the ombudsperson and the coordinator of the municipality (the roles that
see exact figures) write and approve; ``beleid`` may make the files, which hold only what
was approved (docs/annual-report.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation

from ombuds.cases.models import Case, RepresentativeRelation
from ombuds.cases.selectors import CaseNotFound, access_case
from ombuds.core.audit import Action, audit_log
from ombuds.domain.deidentify import Finding, deidentify, describe, findings
from ombuds.reports import render
from ombuds.reports.figures import Report, ReportTable, report_build
from ombuds.reports.models import AnnualReport, CaseStory
from ombuds.reports.periods import Period, PeriodError
from ombuds.reports.services import exact_allowed, report_municipalities

ANNUAL_FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
#: The key of the pilot table of ``figures`` (shown in the pilot evaluation, not the figures).
PILOT_TABLE = "pilot"
TITLE_LENGTH = CaseStory._meta.get_field("title").max_length

#: The words between a first name and a surname ("Joyce de Graaf", "Jan van der Berg").
PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in",
                       "'t", "von", "la", "le", "du", "da", "di", "el", "al", "bin", "ben"})
#: How a representative is called in a story, by their relation to the resident.
REPRESENTATIVE_ROLES = {
    RepresentativeRelation.RELATIVE: "een naaste",
    RepresentativeRelation.INFORMAL_CARER: "de mantelzorger",
    RepresentativeRelation.CLIENT_SUPPORT: "de cliëntondersteuner",
    RepresentativeRelation.GUARDIAN: "de wettelijk vertegenwoordiger",
    RepresentativeRelation.PARENT: "de ouder",
}


# --- who may ---------------------------------------------------------------------------------

def annual_check(*, user, municipality) -> None:
    """Raise ``PermissionDenied`` unless ``user`` may see and make the annual report of
    ``municipality`` (the figures roles; ``None`` is the operator at the command line)."""
    if user is not None and municipality not in report_municipalities(user):
        raise PermissionDenied


def annual_edit_allowed(user, municipality) -> bool:
    """Whether ``user`` may write the annual report and approve its stories: the roles that
    see the exact figures (ombudsperson, coordinator), not ``beleid``."""
    return user is not None and exact_allowed(user, municipality)


def _check_edit(user, municipality) -> None:
    if not annual_edit_allowed(user, municipality):
        raise PermissionDenied


def _audit(user, event: str, action: str, obj, annual: AnnualReport, **details) -> None:
    audit_log(user=user, action=action, event=event, obj=obj,
              object_label=f"jaarverslag {annual.municipality.cbs_code} {annual.year}",
              municipality_code=annual.municipality.cbs_code, details=details)


# --- the report's own texts ------------------------------------------------------------------

def annual_report_get(*, user, municipality, year: int) -> AnnualReport:
    """The annual report of ``municipality`` and ``year``, or an unsaved empty one (a page
    may be looked at without writing anything)."""
    annual_check(user=user, municipality=municipality)
    found = AnnualReport.objects.filter(municipality=municipality, year=year).first()
    return found or AnnualReport(municipality=municipality, year=year)


@transaction.atomic
def annual_report_get_or_create(*, user, municipality, year: int) -> AnnualReport:
    """The annual report of ``municipality`` and ``year``, made when it is not there yet."""
    _check_edit(user, municipality)
    annual, created = AnnualReport.objects.get_or_create(
        municipality=municipality, year=year, defaults={"created_by": user})
    if created:
        _audit(user, "annual_report.created", Action.CREATE, annual, annual)
    return annual


@transaction.atomic
def annual_report_update(*, user, annual_report: AnnualReport, foreword: str,
                         pilot_evaluation: str) -> AnnualReport:
    """Save the foreword and the pilot evaluation."""
    _check_edit(user, annual_report.municipality)
    annual_report.foreword = foreword.strip()
    annual_report.pilot_evaluation = pilot_evaluation.strip()
    annual_report.save(update_fields=["foreword", "pilot_evaluation", "updated_at"])
    _audit(user, "annual_report.updated", Action.UPDATE, annual_report, annual_report)
    return annual_report


# --- what a case tells about the people in it ------------------------------------------------

def case_names(case: Case) -> dict[str, str]:
    """The names in ``case`` with the role a story gives them: the resident, the
    representative, the parties' contact persons, the people at its meetings and the staff
    who handled it. Four queries."""
    names: dict[str, str] = {}

    def add(name: str, role: str) -> None:
        if name and name.strip() and name.strip() not in names:
            names[name.strip()] = role

    for user in (case.assignee, case.created_by):
        if user is not None:
            add(user.get_full_name(), "de ombudsfunctionaris")
    add(case.person.name, "de inwoner")
    if case.representative is not None:
        add(case.representative.name,
            REPRESENTATIVE_ROLES.get(case.representative_relation, "de vertegenwoordiger"))
    for contact, organisation in case.organisations.values_list("contact_person",
                                                                 "organisation__name"):
        if _personal_name(contact):
            add(contact, f"een medewerker van {organisation}" if organisation
                else "een medewerker")
    for given_by in case.consents.values_list("given_by", flat=True):
        if _personal_name(given_by):
            add(given_by, "")
    for others in case.meetings.values_list("other_participants", flat=True):
        for other in re.split(r"[;,]| en ", others or ""):
            if _personal_name(other):
                add(other, "")
    return names


def _personal_name(text: str) -> bool:
    """Whether free text naming someone ("Anja Dijkstra (moeder)", "Ellen Kramer,
    Wmo-consulent") starts with a person's name, not a role ("De inwoner", "Intern
    begeleider van De Vlonder"): two or more words before any description, each capitalised
    or a tussenvoegsel. A role taken for a name would make every story that mentions it
    unapprovable."""
    words = re.split(r"[,(/]", text or "", maxsplit=1)[0].split()
    return len(words) >= 2 and all(w[:1].isupper() or w in PARTICLES for w in words)


def case_places(case: Case) -> list[str]:
    """The places in ``case`` a story must not name: the home towns and streets of the
    resident and the representative (without the house number)."""
    places = []
    for person in (case.person, case.representative):
        if person is None:
            continue
        places.append(person.city)
        street = " ".join(w for w in person.street.split() if not w[:1].isdigit())
        places.append(street)
    return [p for p in places if p and len(p.strip()) >= 3]


def story_findings(story: CaseStory) -> list[Finding]:
    """Personal data still in the story's title and text: the names and places of its case
    (when the case still exists) and whatever the patterns see."""
    case = story.case
    names = case_names(case) if case is not None else {}
    places = case_places(case) if case is not None else []
    return findings(f"{story.title}\n\n{story.text}", names=names, places=places)


def story_draft(case: Case, *, today: dt.date | None = None) -> tuple[str, str]:
    """The de-identified draft ``(title, text)`` of ``case``'s story: its title, the story,
    the wish, how it ended and the agreements made."""
    names, places = case_names(case), case_places(case)
    today = today or timezone.localdate()

    def clean(text: str) -> str:
        return deidentify(text.strip(), names=names, places=places, today=today)

    paragraphs = [clean(case.story)]
    if case.wish.strip():
        paragraphs.append(f"Wat de inwoner wilde: {clean(case.wish)}")
    if case.outcome:
        paragraphs.append(f"Hoe het afliep: {case.outcome_label.lower()}.")
    agreements = [clean(d) for d in case.agreements.values_list("description", flat=True)]
    if agreements:
        paragraphs.append("Afspraken: " + "; ".join(a.rstrip(".") for a in agreements) + ".")
    return clean(case.title)[:TITLE_LENGTH], "\n\n".join(paragraphs)


# --- the stories -----------------------------------------------------------------------------

@transaction.atomic
def story_add(*, user, annual_report: AnnualReport, reference: str) -> CaseStory:
    """Take the case ``reference`` into the annual report as a story, with a de-identified
    draft (unapproved). The case is opened through ``access_case`` (permission-checked,
    audited); it must be a case of the report's municipality, taken once."""
    _check_edit(user, annual_report.municipality)
    try:
        case = access_case(user, reference.strip().upper(), event="case.viewed")
    except CaseNotFound:
        raise ValidationError({"zaak": "Er is geen zaak met dit zaaknummer die u mag zien."}) \
            from None
    if case.municipality_id != annual_report.municipality_id:
        raise ValidationError({"zaak": f"Deze zaak hoort niet bij de gemeente "
                                       f"{annual_report.municipality.name}."})
    if annual_report.stories.filter(case=case).exists():
        raise ValidationError({"zaak": "Deze zaak staat al in het jaarverslag."})
    title, text = story_draft(case)
    last = annual_report.stories.aggregate(last=Max("position"))["last"]
    story = CaseStory.objects.create(annual_report=annual_report, case=case, title=title,
                                     draft=text, text=text,
                                     position=0 if last is None else last + 1)
    _audit(user, "case_story.added", Action.CREATE, story, annual_report, story=story.pk,
           case=case.reference)
    return story


def _locked(story: CaseStory) -> CaseStory:
    return CaseStory.objects.select_for_update().select_related(
        "annual_report__municipality").get(pk=story.pk)


@transaction.atomic
def story_update(*, user, story: CaseStory, title: str, text: str) -> CaseStory:
    """Save the edited title and text; a change to an approved story withdraws the approval
    (the new text has not been checked)."""
    _check_edit(user, story.annual_report.municipality)
    errors = {}
    if not title.strip():
        errors["title"] = "Geef de casus een kop."
    if not text.strip():
        errors["text"] = "Schrijf het verhaal."
    if errors:
        raise ValidationError(errors)
    story = _locked(story)
    changed = (story.title, story.text) != (title.strip(), text.strip())
    story.title, story.text = title.strip(), text.strip()
    withdrawn = changed and story.is_approved
    if withdrawn:
        story.approved_at, story.approved_by = None, None
    story.save(update_fields=["title", "text", "approved_at", "approved_by", "updated_at"])
    _audit(user, "case_story.updated", Action.UPDATE, story, story.annual_report,
           story=story.pk, approval_withdrawn=withdrawn)
    return story


@transaction.atomic
def story_approve(*, user, story: CaseStory) -> CaseStory:
    """Approve the story for publication. Refused (on the field ``text``, in Dutch) while
    ``findings`` sees personal data in its title or text: the names of the people in its
    case, its places, a number, an address, a day or an age."""
    _check_edit(user, story.annual_report.municipality)
    story = _locked(story)
    if not story.text.strip():
        raise ValidationError({"text": "Schrijf het verhaal voordat u het goedkeurt."})
    found = story_findings(story)
    if found:
        raise ValidationError({"text": f"{describe(found)} Pas de tekst aan en keur hem "
                                       "dan goed."})
    story.approved_at, story.approved_by = timezone.now(), user
    story.save(update_fields=["approved_at", "approved_by", "updated_at"])
    _audit(user, "case_story.approved", Action.UPDATE, story, story.annual_report,
           story=story.pk)
    return story


@transaction.atomic
def story_withdraw(*, user, story: CaseStory) -> CaseStory:
    """Withdraw the approval: the story is not published until it is approved again."""
    _check_edit(user, story.annual_report.municipality)
    story = _locked(story)
    story.approved_at, story.approved_by = None, None
    story.save(update_fields=["approved_at", "approved_by", "updated_at"])
    _audit(user, "case_story.withdrawn", Action.UPDATE, story, story.annual_report,
           story=story.pk)
    return story


@transaction.atomic
def story_remove(*, user, story: CaseStory) -> None:
    """Take the story out of the annual report."""
    _check_edit(user, story.annual_report.municipality)
    annual = story.annual_report
    _audit(user, "case_story.removed", Action.DELETE, story, annual, story=story.pk)
    story.delete()


@transaction.atomic
def story_move(*, user, story: CaseStory, offset: int) -> None:
    """Move the story ``offset`` places up (negative) or down among the report's stories."""
    _check_edit(user, story.annual_report.municipality)
    ordered = list(story.annual_report.stories.select_for_update().order_by("position", "id"))
    index = next(i for i, s in enumerate(ordered) if s.pk == story.pk)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, item in enumerate(ordered):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])
    _audit(user, "case_story.moved", Action.UPDATE, story, story.annual_report,
           story=story.pk, position=target)


# --- putting it together ---------------------------------------------------------------------

@dataclass(frozen=True)
class Story:
    """An approved story as published: its heading and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass
class AnnualContent:
    """Everything the annual report shows, ready for the PDF and the Word document."""

    municipality: object
    year: int
    period: Period
    foreword: str
    stories: list[Story]
    #: The publishable report of the year, without the pilot table (that is in ``pilot_table``).
    report: Report
    #: The municipality's pilot period when the year overlaps it, else ``None``.
    pilot: Period | None
    pilot_evaluation: str
    pilot_table: ReportTable | None
    generated_at: dt.datetime

    @property
    def title(self) -> str:
        return f"Jaarverslag {self.year}"

    @property
    def subtitle(self) -> str:
        return f"Sociale ombudsfunctie gemeente {self.municipality.name}"

    @property
    def office(self):
        return self.municipality.office

    @property
    def show_pilot(self) -> bool:
        return bool(self.pilot or self.pilot_evaluation)


def paragraphs(text: str) -> tuple[str, ...]:
    """``text`` cut into paragraphs at empty lines (a single line break stays inside one)."""
    blocks = [" ".join(line.strip() for line in block.strip().splitlines())
              for block in text.replace("\r\n", "\n").split("\n\n")]
    return tuple(b for b in blocks if b)


def pilot_of(municipality, period: Period) -> Period | None:
    """The municipality's pilot period when ``period`` overlaps it (``None`` when the pilot
    is not configured as dates)."""
    try:
        pilot = Period.pilot(municipality)
    except PeriodError:
        return None
    return pilot if pilot.overlaps(period) else None


def annual_build(*, municipality, year: int,
                 progress: Callable[[int], None] | None = None) -> AnnualContent:
    """The annual report of ``municipality`` for ``year``: the written parts (only approved
    stories) and the publishable figures of the year. A fixed number of queries: the
    stories are one, the figures those of ``figures.report_build``."""
    step = progress or (lambda _percent: None)
    period = Period.parse(str(year))
    annual = AnnualReport.objects.filter(municipality=municipality, year=year).first()
    approved = (list(annual.stories.filter(approved_at__isnull=False)
                     .order_by("position", "id").values_list("title", "text"))
                if annual else [])
    report = report_build(municipality=municipality, period=period, exact=False,
                          progress=lambda percent: step(percent * 8 // 10))
    pilot = pilot_of(municipality, period)
    pilot_table = next((t for t in report.tables if t.key == PILOT_TABLE), None)
    if pilot is not None:
        report = dataclasses.replace(
            report, tables=[t for t in report.tables if t.key != PILOT_TABLE])
    step(80)
    return AnnualContent(
        municipality=municipality, year=year, period=period,
        foreword=annual.foreword if annual else "",
        stories=[Story(title, paragraphs(text)) for title, text in approved],
        report=report, pilot=pilot,
        pilot_evaluation=annual.pilot_evaluation if annual else "",
        pilot_table=pilot_table if pilot is not None else None,
        generated_at=report.generated_at,
    )


def table_section(table: ReportTable, prefix: str = "") -> dict:
    """What the templates need of one table (as ``render.body`` gives its sections)."""
    headers, cells = render.grid(table)
    return {"table": table, "id": f"{prefix}tabel-{table.key}", "chart": None,
            "grid": (headers, cells), "small": True}


def html(content: AnnualContent) -> str:
    """The annual report as one HTML document (the source of the PDF)."""
    body = render.body(content.report)
    footer = f"{content.title} {content.subtitle}"
    with translation.override("nl"):
        return render_to_string("reports/annual/document.html", {
            **body, "content": content, "office": content.office,
            "municipality": content.municipality, "footer": render.css_string(footer),
            "pilot_section": (table_section(content.pilot_table, "pilot-")
                              if content.pilot_table else None),
            "generated": timezone.localtime(content.generated_at),
        })


def pdf(content: AnnualContent) -> bytes:
    """The annual report as a tagged PDF (PDF/UA-1)."""
    from weasyprint import HTML

    return HTML(string=html(content)).write_pdf(pdf_variant="pdf/ua-1")


def annual_export(*, user, municipality, year: int, fmt: str,
                  progress: Callable[[int], None] | None = None) -> tuple[bytes, str]:
    """Make the annual report of ``municipality`` for ``year`` as ``fmt`` (pdf or docx);
    return the file's content and name. Writes the audit entry ``report.exported``."""
    from ombuds.reports import docx

    if fmt not in ANNUAL_FORMATS:
        raise ValueError(f"Unknown annual report format: {fmt}")
    annual_check(user=user, municipality=municipality)
    step = progress or (lambda _percent: None)
    content = annual_build(municipality=municipality, year=year, progress=step)
    data = pdf(content) if fmt == "pdf" else docx.annual_docx(content)
    step(100)
    audit_log(user=user, action=Action.EXECUTE, event="report.exported",
              object_type="core.municipality", object_id=str(municipality.pk),
              object_label=municipality.cbs_code, municipality_code=municipality.cbs_code,
              details={"period": str(year), "format": fmt, "exact": False,
                       "kind": "jaarverslag", "regional": False,
                       "stories": len(content.stories)})
    return data, f"jaarverslag-{municipality.cbs_code}-{year}.{fmt}"
