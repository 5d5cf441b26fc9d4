"""The case register: residents, cases, their organisations and the append-only timeline."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ombuds.core.models import AppendOnlyQuerySet


class Channel(models.TextChoices):
    PHONE = "telefoon", _("Telefoon")
    WALK_IN = "inloop", _("Inloop of spreekuur")
    EMAIL = "email", _("E-mail")
    LETTER = "brief", _("Brief")
    WEB = "web", _("Webformulier")
    REFERRAL = "verwijzing", _("Verwezen door organisatie of professional")
    IMPORT = "import", _("Geïmporteerd uit een eerder bestand")


class Urgency(models.TextChoices):
    NORMAL = "normaal", _("Normaal")
    HIGH = "hoog", _("Hoog")
    URGENT = "spoed", _("Spoed (dreigende uitzetting, afsluiting, crisis)")


class ContactChannel(models.TextChoices):
    PHONE = "telefoon", _("Telefoon")
    EMAIL = "email", _("E-mail")
    LETTER = "post", _("Post")
    IN_PERSON = "persoonlijk", _("Persoonlijk gesprek")


class RepresentativeRelation(models.TextChoices):
    RELATIVE = "familie", _("Familielid of naaste")
    INFORMAL_CARER = "mantelzorger", _("Mantelzorger")
    CLIENT_SUPPORT = "clientondersteuner", _("Cliëntondersteuner")
    GUARDIAN = "wettelijk_vertegenwoordiger", _("Curator, bewindvoerder of mentor")
    PARENT = "ouder", _("Ouder of voogd")
    OTHER = "anders", _("Anders")


class Person(models.Model):
    """A resident or representative. Deliberately minimal (AVG art. 5(1)(c)): no BSN."""

    office = models.ForeignKey("core.Office", on_delete=models.PROTECT, related_name="persons")
    name = models.CharField(_("naam"), max_length=200)
    date_of_birth = models.DateField(_("geboortedatum"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    street = models.CharField(_("straat en huisnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("woonplaats"), max_length=100, blank=True)
    preferred_channel = models.CharField(
        _("liefst bereikbaar via"), max_length=20, choices=ContactChannel.choices, blank=True
    )
    avoid_channels = models.JSONField(
        _("niet benaderen via"), default=list, blank=True,
        help_text=_("Kanalen waarlangs de inwoner niet benaderd wil worden."),
    )
    interpreter_language = models.CharField(
        _("tolk nodig in"), max_length=60, blank=True,
        help_text=_("Taal waarin een tolk nodig is; leeg als dat niet zo is."),
    )
    easy_language = models.BooleanField(_("eenvoudige taal"), default=False)
    accessibility_needs = models.CharField(
        _("andere behoeften"), max_length=300, blank=True,
        help_text=_("Bijvoorbeeld: slechtziend, rolstoel, liever 's ochtends."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [
            models.Index(fields=["office", "name"], name="person_office_name_idx"),
            models.Index(fields=["office", "email"], name="person_office_email_idx"),
            models.Index(fields=["office", "phone"], name="person_office_phone_idx"),
            models.Index(fields=["office", "date_of_birth"], name="person_office_dob_idx"),
        ]

    def __str__(self) -> str:
        return self.name


#: Columns the reports count closed cases by, carried in ``case_muni_closed_cover_idx``.
REPORT_CLOSED_COLUMNS = ("outcome", "procedure_avoided", "procedure_avoided_what")
#: Columns the worklist filters on, carried in its indexes (see ``Case.Meta.indexes``).
WORKLIST_FILTER_COLUMNS = ["status", "channel", "urgency", "created_by"]


class Case(models.Model):
    reference = models.CharField(_("zaaknummer"), max_length=20, unique=True)
    municipality = models.ForeignKey(
        "core.Municipality", on_delete=models.PROTECT, related_name="cases",
        verbose_name=_("gemeente"),
    )
    workflow = models.ForeignKey(
        "core.WorkflowDefinition", on_delete=models.PROTECT, related_name="cases",
        verbose_name=_("procesvariant"),
    )
    status = models.CharField(_("status"), max_length=30)
    outcome = models.CharField(_("uitkomst"), max_length=30, blank=True)
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices)
    referred_by = models.CharField(
        _("verwezen door"), max_length=200, blank=True,
        help_text=_("Organisatie of professional die de inwoner doorverwees."),
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="cases", verbose_name=_("inwoner")
    )
    representative = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="represented_cases", null=True, blank=True,
        verbose_name=_("vertegenwoordiger"),
    )
    representative_relation = models.CharField(
        _("relatie vertegenwoordiger"), max_length=30, choices=RepresentativeRelation.choices,
        blank=True,
    )
    title = models.CharField(
        _("onderwerp"), max_length=160,
        help_text=_("Korte omschrijving zonder namen of gezondheidsgegevens; staat in werklijsten."),
    )
    story = models.TextField(_("verhaal van de inwoner"))
    wish = models.TextField(_("wat de inwoner wil bereiken"), blank=True)
    route_tried = models.TextField(_("al geprobeerde route"), blank=True)
    sensitive_details = models.TextField(
        _("gevoelige gegevens (gezondheid)"), blank=True,
        help_text=_("Alleen wat nodig is. Niet zichtbaar voor het secretariaat zonder toestemming."),
    )
    domains = models.ManyToManyField("core.Domain", related_name="cases", blank=True)
    themes = models.ManyToManyField("core.Theme", related_name="cases", blank=True)
    urgency = models.CharField(
        _("urgentie"), max_length=10, choices=Urgency.choices, default=Urgency.NORMAL
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="assigned_cases", verbose_name=_("behandelaar"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
    )
    procedure_avoided = models.CharField(
        _("formele procedure voorkomen"), max_length=10, blank=True,
        choices=[("ja", _("Ja")), ("nee", _("Nee")), ("onbekend", _("Onbekend"))],
    )
    procedure_avoided_what = models.CharField(
        _("welke procedure"), max_length=20, blank=True,
        choices=[("bezwaar", _("Bezwaar")), ("klacht", _("Klacht")), ("beroep", _("Beroep")),
                 ("ombudsman", _("Nationale ombudsman")), ("anders", _("Anders"))],
    )
    minutes_spent = models.PositiveIntegerField(_("bestede tijd (minuten)"), null=True, blank=True)
    opened_at = models.DateTimeField(_("geopend"))
    closed_at = models.DateTimeField(_("gesloten"), null=True, blank=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd"), auto_now=True)
    #: The nearest legal end of the case's open, watched deadlines (procedures app keeps it).
    next_deadline_end = models.DateField(_("eerstvolgende termijn"), null=True, blank=True,
                                         editable=False)
    next_deadline_raw_end = models.DateField(null=True, blank=True, editable=False)
    next_deadline_name = models.CharField(max_length=120, blank=True, editable=False)
    #: The nearest open *legal* term (not the office's own promise), shown beside the nearest
    #: term when that is a promise: the date the resident was told stays on the worklist.
    next_legal_end = models.DateField(null=True, blank=True, editable=False)
    next_legal_raw_end = models.DateField(null=True, blank=True, editable=False)
    next_legal_name = models.CharField(max_length=120, blank=True, editable=False)
    #: Title, story and wish joined for full-text search; the PostgreSQL index is built on it.
    search_text = models.TextField(editable=False, default="")

    class Meta:
        verbose_name = _("zaak")
        verbose_name_plural = _("zaken")
        ordering = ["-opened_at"]
        indexes = [
            models.Index(fields=["municipality", "status", "opened_at"], name="case_muni_status_idx"),
            models.Index(fields=["assignee", "status", "opened_at"], name="case_assignee_idx"),
            # The reports (``reports.figures``) count a municipality's cases opened or
            # closed in a period by a handful of columns; these carry them (PostgreSQL), so
            # each table of a report is an index-only scan of the period, not a read of
            # every case row of the municipality (docs/performance.md).
            models.Index(fields=["municipality", "opened_at"], include=["id", "channel", "workflow"],
                         name="case_muni_opened_cover_idx"),
            models.Index(fields=["municipality", "closed_at"],
                         include=["id", "opened_at", "workflow", *REPORT_CLOSED_COLUMNS],
                         name="case_muni_closed_cover_idx",
                         condition=models.Q(closed_at__isnull=False)),
            models.Index(fields=["municipality", "channel"], name="case_muni_channel_idx"),
            models.Index(fields=["municipality", "urgency"], name="case_muni_urgency_idx"),
            models.Index(fields=["created_by", "opened_at"], name="case_created_by_idx"),
            models.Index(fields=["assignee", "next_deadline_end"], name="case_assignee_deadline_idx"),
            models.Index(fields=["municipality", "next_deadline_end"], name="case_muni_deadline_idx"),
            # The worklists of open cases in their exact order (``selectors.case_list``), so a
            # page is read from the index and stops after 50 rows, at any register size. The
            # filter columns are included (PostgreSQL), so the filters and the capped count
            # are checked in the index without visiting the table.
            # (Ascending puts NULLs last on PostgreSQL, as the list does.)
            models.Index(fields=["assignee", "next_deadline_end", "-opened_at", "-id"],
                         include=["municipality", *WORKLIST_FILTER_COLUMNS],
                         name="case_open_assignee_order_idx",
                         condition=models.Q(closed_at__isnull=True)),
            models.Index(fields=["municipality", "next_deadline_end", "-opened_at", "-id"],
                         include=["assignee", *WORKLIST_FILTER_COLUMNS],
                         name="case_open_muni_order_idx",
                         condition=models.Q(closed_at__isnull=True)),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def status_label(self) -> str:
        return self.workflow.workflow.status(self.status).label

    @property
    def outcome_label(self) -> str:
        return self.workflow.workflow.outcome(self.outcome).label if self.outcome else ""

    @property
    def is_closed(self) -> bool:
        return self.workflow.workflow.is_closed(self.status)


class CaseOrganisation(models.Model):
    """An organisation involved in a case (a party), with the contact person there."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey(
        "socialmap.Organisation", on_delete=models.PROTECT, related_name="case_links"
    )
    role = models.CharField(_("rol in de zaak"), max_length=120, blank=True)
    contact_person = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    contact_phone = models.CharField(_("telefoon contactpersoon"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("betrokken organisatie")
        verbose_name_plural = _("betrokken organisaties")
        constraints = [
            models.UniqueConstraint(fields=["case", "organisation"], name="case_organisation_once"),
        ]

    def __str__(self) -> str:
        return f"{self.case} — {self.organisation}"


class EntryKind(models.TextChoices):
    CONVERSATION = "gesprek", _("Gesprek")
    PHONE = "telefoon", _("Telefoongesprek")
    EMAIL_IN = "email_in", _("E-mail ontvangen")
    EMAIL_OUT = "email_uit", _("E-mail verstuurd")
    LETTER = "brief", _("Brief")
    MEETING = "bijeenkomst", _("Bijeenkomst")
    NOTE = "notitie", _("Notitie")
    DOCUMENT = "document", _("Document")
    STATUS = "status", _("Statuswijziging")
    PARTNER_ANSWER = "antwoord_partij", _("Antwoord van een partij")
    ASSIGNMENT = "toewijzing", _("Toewijzing")
    DETAILS = "gegevens", _("Gegevens gewijzigd")


#: Kinds a user adds by hand; status, assignment and details entries are written by services.
MANUAL_KINDS = [k for k in EntryKind
                if k not in (EntryKind.STATUS, EntryKind.ASSIGNMENT, EntryKind.PARTNER_ANSWER,
                             EntryKind.DETAILS)]


class TimelineEntry(models.Model):
    """One event in the case file. Append-only: corrections are new entries."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="timeline")
    kind = models.CharField(_("soort"), max_length=20, choices=EntryKind.choices)
    occurred_at = models.DateTimeField(_("datum en tijd"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    summary = models.CharField(_("samenvatting"), max_length=200)
    body = models.TextField(_("tekst"), blank=True)
    sensitive = models.BooleanField(
        _("bevat gezondheidsgegevens"), default=False,
        help_text=_("Verbergt de tekst voor het secretariaat zonder toestemming."),
    )
    sent_to_resident = models.BooleanField(_("verstuurd aan de inwoner"), default=False)
    status_from = models.CharField(max_length=30, blank=True)
    status_to = models.CharField(max_length=30, blank=True)
    outcome = models.CharField(max_length=30, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("tijdlijnregel")
        verbose_name_plural = _("tijdlijn")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="timeline_case_idx")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Timeline entries are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Timeline entries are append-only.")


def attachment_path(instance: Attachment, filename: str) -> str:
    # A random name: the original name may carry personal data and must not reach the disk path.
    return f"attachments/{instance.uuid.hex[:2]}/{instance.uuid.hex}"


class Attachment(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    entry = models.ForeignKey(TimelineEntry, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(_("bestandsnaam"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return f"bijlage {self.uuid}"


class ReferenceCounter(models.Model):
    """The last number handed out per municipality and year (STW-2026-0042)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="reference_counter_once"),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id}/{self.year}: {self.last_number}"


class SavedFilter(models.Model):
    """A worklist filter a user saved under a name."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="saved_filters")
    name = models.CharField(_("naam"), max_length=80)
    query = models.CharField(max_length=1000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_once"),
        ]

    def __str__(self) -> str:
        return self.name
