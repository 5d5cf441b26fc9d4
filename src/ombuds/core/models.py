"""Offices, municipalities, domains and themes, workflow definitions, and the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ombuds.domain import auditchain
from ombuds.domain.workflow import Workflow


class Office(models.Model):
    """A (regional) office of the ombudsfunctie; it may serve several municipalities."""

    name = models.CharField(_("naam"), max_length=200)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.TextField(_("bezoekadres"), blank=True)
    walk_in_hours = models.TextField(_("inloopspreekuur"), blank=True)
    deadline_warning_days = models.PositiveSmallIntegerField(
        _("waarschuwen vanaf (werkdagen)"), default=10,
        help_text=_("Zoveel werkdagen vóór de uiterste datum kleurt een termijn oranje en "
                    "komt hij in het dagoverzicht."),
    )
    deadline_urgent_days = models.PositiveSmallIntegerField(
        _("urgent vanaf (werkdagen)"), default=3,
        help_text=_("Zoveel werkdagen vóór de uiterste datum wordt een termijn urgent (rood)."),
    )
    first_contact_days = models.PositiveSmallIntegerField(
        _("eerste contact binnen (werkdagen)"), default=5,
        help_text=_("Het bureau belooft inwoners contact binnen zoveel werkdagen na een nieuwe "
                    "aanvraag. Ombuds bewaakt dat als een termijn."))

    class Meta:
        verbose_name = _("bureau")
        verbose_name_plural = _("bureaus")

    def __str__(self) -> str:
        return self.name


#: pk → (definition JSON, parsed Workflow); see ``WorkflowDefinition.workflow``.
_PARSED_WORKFLOWS: dict[int, tuple[dict, Workflow]] = {}


class WorkflowDefinition(models.Model):
    """One immutable version of a process variant (1–6). Cases point at the version they
    started with, so changing a municipality's variant never rewrites a running case."""

    variant = models.PositiveSmallIntegerField(_("variant"))
    version = models.PositiveSmallIntegerField(_("versie"), default=1)
    name = models.CharField(_("naam"), max_length=120)
    definition = models.JSONField(_("definitie"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("procesvariant")
        verbose_name_plural = _("procesvarianten")
        constraints = [
            models.UniqueConstraint(fields=["variant", "version"], name="workflow_variant_version"),
        ]
        ordering = ["variant", "-version"]

    def __str__(self) -> str:
        return f"{self.variant}. {self.name} (v{self.version})"

    @property
    def workflow(self) -> Workflow:
        """Return the pure-Python workflow this row stores (cached per instance)."""
        cached = self.__dict__.get("_workflow")
        if cached is None:
            # A list of 50 cases brings 50 copies of the same few rows: parse each
            # definition once per process, as long as the stored JSON is the same.
            shared = _PARSED_WORKFLOWS.get(self.pk)
            if shared is None or shared[0] != self.definition:
                shared = (self.definition, Workflow.from_dict(self.definition))
                if self.pk is not None:
                    _PARSED_WORKFLOWS[self.pk] = shared
            cached = self.__dict__["_workflow"] = shared[1]
        return cached


@dataclass(frozen=True)
class StatutoryOmbudsman:
    """The statutory ombudsman of a municipality (see ``Municipality.statutory_ombudsman``)."""

    name: str
    address: str = ""
    phone: str = ""
    website: str = ""

    @property
    def contact(self) -> str:
        """Phone and web site in one line, for a letter."""
        return ", ".join(filter(None, [f"telefoon {self.phone}" if self.phone else "",
                                       self.website]))


#: Awb 9:17 lid 1: without an ombudsman of its own, the municipality's is the Nationale one.
NATIONAL_OMBUDSMAN = StatutoryOmbudsman(
    name="de Nationale ombudsman", address="Postbus 93122, 2509 AC Den Haag",
    phone="0800 33 55 555", website="www.nationaleombudsman.nl")


class Municipality(models.Model):
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="municipalities")
    name = models.CharField(_("naam"), max_length=120)
    cbs_code = models.CharField(
        _("CBS-code"), max_length=6, unique=True, help_text=_("Bijvoorbeeld GM1708.")
    )
    reference_prefix = models.CharField(
        _("voorvoegsel zaaknummer"), max_length=5, unique=True,
        help_text=_("Drie of vier hoofdletters, bijvoorbeeld STW voor STW-2026-0042."),
    )
    workflow = models.ForeignKey(
        WorkflowDefinition, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("procesvariant"),
        help_text=_("Nieuwe zaken volgen deze variant; lopende zaken houden hun eigen variant."),
    )
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # --- the statutory ombudsman of this municipality (Awb 9:17) ------------------------------
    ombudsman_name = models.CharField(
        _("naam van de ombudsman"), max_length=200, blank=True,
        help_text=_("De ombudsman waar inwoners na de klachtbehandeling terechtkunnen (Awb 9:17, "
                    "9:12 lid 2), met lidwoord zoals het in een zin staat, bijvoorbeeld ‘de "
                    "Regionale ombudsman Drenthe’. Leeg: de Nationale ombudsman."))
    ombudsman_address = models.TextField(_("postadres van de ombudsman"), blank=True)
    ombudsman_phone = models.CharField(_("telefoon van de ombudsman"), max_length=40, blank=True)
    ombudsman_website = models.CharField(_("website van de ombudsman"), max_length=200,
                                         blank=True)
    complaints_committee = models.BooleanField(
        _("klachtadviescommissie"), default=False,
        help_text=_("Een commissie adviseert over klachten (Awb afdeling 9.1.3): de "
                    "afhandeltermijn is dan tien weken in plaats van zes (Awb 9:11 lid 1). Geldt "
                    "voor klachten die na het aanvinken binnenkomen."))
    # --- the pilot (the council note's two-year trial) -----------------------------------------
    pilot_start = models.DateField(
        _("pilot vanaf"), null=True, blank=True,
        help_text=_("Eerste dag van de pilotperiode van deze gemeente. Leeg: de pilotperiode "
                    "van de installatie (OMBUDS_PILOT_PERIOD)."))
    pilot_end = models.DateField(_("pilot tot en met"), null=True, blank=True,
                                 help_text=_("Laatste dag van de pilotperiode."))

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["name"]
        constraints = [models.CheckConstraint(
            condition=(models.Q(pilot_start__isnull=True, pilot_end__isnull=True)
                       | models.Q(pilot_start__isnull=False, pilot_end__isnull=False,
                                  pilot_end__gte=models.F("pilot_start"))),
            name="municipality_pilot_period_whole")]

    def __str__(self) -> str:
        return self.name

    @property
    def statutory_ombudsman(self) -> StatutoryOmbudsman:
        """Return the ombudsman a resident may turn to after the municipality's (or the
        ombudsfunctie's) handling of a complaint.

        Awb 9:17: the Nationale ombudsman, unless the municipality has its own ombudsman or
        ombudscommissie (Gemeentewet art. 81p) or joined a regional one. Configured per
        municipality; without a name the Nationale ombudsman, with its own contact details
        (never a mix of a configured name and the national address).
        """
        if not self.ombudsman_name.strip():
            return NATIONAL_OMBUDSMAN
        return StatutoryOmbudsman(name=self.ombudsman_name.strip(),
                                  address=self.ombudsman_address.strip(),
                                  phone=self.ombudsman_phone.strip(),
                                  website=self.ombudsman_website.strip())


class Domain(models.Model):
    """A part of the social domain: Wmo, Jeugdwet, Participatiewet, schuldhulp, …"""

    code = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=80)

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    """A theme within a domain, kept per municipality (e.g. 'wachttijd' under Wmo)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="themes")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="themes")
    name = models.CharField(_("naam"), max_length=120)
    active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["domain__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "domain", "name"], name="theme_unique_per_municipality"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.domain.name}: {self.name}"


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk changes: an audit or timeline row, once written, stays as it is."""

    def update(self, **kwargs):
        raise PermissionError(f"{self.model.__name__} rows are append-only.")

    def delete(self):
        raise PermissionError(f"{self.model.__name__} rows are append-only.")


class AuditQuerySet(AppendOnlyQuerySet):
    """Also refuses ``bulk_create``: every entry must be chained one by one (``save``)."""

    def bulk_create(self, objs, *args, **kwargs):
        raise PermissionError("Audit entries are chained one by one; use audit_log().")


def audit_now():
    # Looked up at call time, so a clock set by the demo loader or a test applies.
    return timezone.now()


def chain_fields(entry) -> dict:
    """The hashed fields of an audit entry as the database gives them back (a person id as a
    number, the details as JSON), so the hash of a stored entry can be recomputed. Works on
    the historical model of a migration too."""
    fields = {}
    for name in auditchain.FIELDS:
        value = getattr(entry, name)
        if name == "details":
            value = json.loads(json.dumps(value or {}))
        elif name != "timestamp":
            value = entry._meta.get_field(name).to_python(value)
        fields[name] = value
    return fields


class AuditChainHead(models.Model):
    """The end of the audit hash chain: the last sealed entry's id, position and hash (one
    row).

    Sealing (``core.chain.chain_seal``) locks this row for the few milliseconds it takes to
    chain the entries committed since, so entries written by several processes form one
    chain; it also lets ``ombuds audit verify`` notice entries removed from the end.
    """

    last_id = models.BigIntegerField(null=True, blank=True)
    last_seq = models.BigIntegerField(null=True, blank=True)
    last_hash = models.CharField(max_length=64, default=auditchain.GENESIS)

    class Meta:
        verbose_name = _("einde van de auditketen")

    def __str__(self) -> str:
        return f"{self.last_id}: {self.last_hash[:12]}"


class AuditCheckpoint(models.Model):
    """A pruning of the audit log: the last removed entry's id, time and hash, where the
    remaining chain starts. Verification begins at the latest checkpoint."""

    last_id = models.BigIntegerField()
    #: The chain position (``AuditEntry.seq``) of that entry: verification resumes after it.
    last_seq = models.BigIntegerField(null=True, blank=True)
    last_timestamp = models.DateTimeField()
    last_hash = models.CharField(max_length=64)
    entries_pruned = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("controlepunt auditlog")
        verbose_name_plural = _("controlepunten auditlog")
        ordering = ["-last_id"]

    def __str__(self) -> str:
        return f"tot en met {self.last_id} ({self.last_timestamp:%Y-%m-%d})"


class AuditEntry(models.Model):
    """One access-log line per NEN 7513: who, in which role, did what to which object about
    which person, from where, on what authorisation. Append-only: the app never updates or
    deletes a row (``save`` and ``delete`` refuse), and each entry is chained to the one
    before by hash (``prev_hash``, ``hash``; ``ombuds.domain.auditchain``).

    An entry is written in the transaction of the change or read it records, and *sealed*
    into the chain just after that transaction commits (``seq``, ``prev_hash`` and ``hash``
    set by ``core.chain.chain_seal``). Sealing after the commit keeps the chain's lock out of
    the services' transactions, so audited requests of several processes run side by side.
    An entry whose process died between commit and seal is sealed by the next seal of any
    process, or by ``ombuds audit verify``."""

    class Action(models.TextChoices):
        CREATE = "C", _("aanmaken")
        READ = "R", _("inzien")
        UPDATE = "U", _("wijzigen")
        DELETE = "D", _("verwijderen")
        EXECUTE = "E", _("uitvoeren, zoeken, exporteren")

    timestamp = models.DateTimeField(_("tijdstip"), default=audit_now, editable=False,
                                     db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("gebruiker"), max_length=150, blank=True)
    role = models.CharField(_("rol"), max_length=40, blank=True)
    on_behalf_of = models.CharField(_("namens"), max_length=200, blank=True)
    action = models.CharField(_("actie"), max_length=1, choices=Action.choices)
    event = models.CharField(_("gebeurtenis"), max_length=60, db_index=True)
    object_type = models.CharField(_("objecttype"), max_length=60, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_label = models.CharField(_("object"), max_length=120, blank=True)
    person_id = models.BigIntegerField(_("betrokkene (persoon-id)"), null=True, blank=True)
    municipality_code = models.CharField(_("gemeente"), max_length=6, blank=True)
    origin = models.CharField(_("herkomst"), max_length=100, blank=True)
    authorisation = models.CharField(_("grondslag"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    #: The entry's position in the chain, set when it is sealed (NULL until then).
    seq = models.BigIntegerField(null=True, blank=True, unique=True, editable=False)
    prev_hash = models.CharField(max_length=64, blank=True, editable=False)
    hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["person_id", "timestamp"], name="audit_person_idx"),
            models.Index(fields=["user", "timestamp"], name="audit_user_idx"),
            models.Index(fields=["id"], name="audit_unsealed_idx",
                         condition=models.Q(seq__isnull=True)),
        ]

    def __str__(self) -> str:
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.username} {self.event} {self.object_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Audit entries are append-only.")
        using = kwargs.get("using") or "default"
        super().save(*args, **kwargs)
        # Chained once the transaction that wrote it commits (at once outside one).
        from ombuds.core.chain import chain_seal_after_commit

        chain_seal_after_commit(using)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are append-only.")

    def chain_fields(self) -> dict:
        return chain_fields(self)

    def chain_ok(self) -> bool:
        """Whether the stored hash is the hash of this entry's fields and ``prev_hash``."""
        return self.hash == auditchain.entry_hash(self.chain_fields(), self.prev_hash)


class OutboxMessage(models.Model):
    """An e-mail waiting to be sent by the task worker.

    Written in the same transaction as the change that causes it, so a crash cannot lose it;
    the worker claims, sends and marks it, with a stable Message-ID (see ``core/outbox.py``).
    Every app that sends e-mail enqueues here.
    """

    class Status(models.TextChoices):
        PENDING = "wachtend", _("Wacht op verzending")
        SENDING = "bezig", _("Wordt verzonden")
        SENT = "verzonden", _("Verzonden")
        FAILED = "mislukt", _("Mislukt")

    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="outbox")
    to = models.EmailField(_("aan"))
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))
    attachment_name = models.CharField(max_length=200, blank=True)
    attachment = models.BinaryField(null=True, blank=True)
    message_id = models.CharField(max_length=200, unique=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uitgaand bericht")
        verbose_name_plural = _("uitgaande berichten")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_status_idx")]

    def __str__(self) -> str:
        return f"{self.message_id} {self.status}"


class OutboxAttachment(models.Model):
    """A further file of an outbox message besides its main attachment, e.g. the calendar
    file (``.ics``) of a meeting invitation next to the letter's PDF."""

    message = models.ForeignKey(OutboxMessage, on_delete=models.CASCADE,
                                related_name="extra_attachments")
    filename = models.CharField(max_length=200)
    content = models.BinaryField()
    #: The MIME type with its parameters, e.g. ``text/calendar; method=REQUEST``.
    content_type = models.CharField(max_length=120)

    class Meta:
        verbose_name = _("bijlage van uitgaand bericht")
        verbose_name_plural = _("bijlagen van uitgaande berichten")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.message_id}: {self.filename}"
