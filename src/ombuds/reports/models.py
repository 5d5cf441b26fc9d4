"""A report made in the background: who asked for it, how far it is, and the file."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportRun(models.Model):
    """One request for a report file, made by the task worker (``reports.tasks``).

    Only the user who asked sees it. The file holds figures, never a person; it is stored in
    the private media directory and served by ``views.run_download`` after a check.
    """

    class Status(models.TextChoices):
        QUEUED = "wachtrij", _("In de wachtrij")
        RUNNING = "bezig", _("Wordt gemaakt")
        DONE = "klaar", _("Klaar")
        FAILED = "mislukt", _("Mislukt")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="report_runs")
    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="report_runs")
    period = models.CharField(_("periode"), max_length=30)
    format = models.CharField(_("formaat"), max_length=4)
    exact = models.BooleanField(_("exacte aantallen"), default=False)
    #: general, complaints (the 9:12a register) or jaarverslag (``services.KINDS``).
    kind = models.CharField(_("soort"), max_length=20, default="general")
    #: The report of every municipality of ``municipality.office`` together (a regional
    #: office's report, with each municipality's part).
    regional = models.BooleanField(_("regionaal"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.QUEUED)
    #: 0–100, set by the worker as the parts of the report are done.
    progress = models.PositiveSmallIntegerField(_("voortgang"), default=0)
    file = models.FileField(_("bestand"), upload_to="reports/", blank=True)
    error = models.CharField(_("foutmelding"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("rapportage")
        verbose_name_plural = _("rapportages")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.period} {self.format}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class ObjectionCount(models.Model):
    """The number of objections (bezwaarschriften) in the social domain of one municipality
    in one year, entered by the beheerder from the municipality's own figures. The pilot
    evaluation sets them beside the cases resolved by mediation (issue 5)."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="objection_counts",
                                     verbose_name=_("gemeente"))
    year = models.PositiveSmallIntegerField(_("jaar"))
    objections = models.PositiveIntegerField(
        _("aantal bezwaarschriften"),
        help_text=_("Bezwaarschriften in het sociaal domein in dit jaar (Wmo, Jeugdwet, "
                    "Participatiewet)."))
    source = models.CharField(_("bron of toelichting"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("ingevoerd door"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aantal bezwaarschriften")
        verbose_name_plural = _("aantallen bezwaarschriften")
        ordering = ["municipality", "year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"],
                                               name="objection_count_municipality_year")]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year}: {self.objections}"


class AnnualReport(models.Model):
    """The annual report (jaarverslag) of one municipality for one year, as the ombudsperson
    writes it: a foreword, the pilot evaluation where it applies, and the cases told as
    casuïstiek (``CaseStory``). The signals, recommendations and figures come from the data
    when the report is made (``reports.annual``); nothing is published unapproved."""

    municipality = models.ForeignKey("core.Municipality", on_delete=models.CASCADE,
                                     related_name="annual_reports", verbose_name=_("gemeente"))
    year = models.PositiveSmallIntegerField(_("jaar"))
    foreword = models.TextField(_("voorwoord"), blank=True)
    pilot_evaluation = models.TextField(
        _("pilotevaluatie"), blank=True,
        help_text=_("Wat de pilot heeft laten zien, in uw eigen woorden; de cijfers staan "
                    "ernaast."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jaarverslag")
        verbose_name_plural = _("jaarverslagen")
        ordering = ["municipality", "-year"]
        constraints = [models.UniqueConstraint(fields=["municipality", "year"],
                                               name="annual_report_municipality_year")]

    def __str__(self) -> str:
        return f"Jaarverslag {self.municipality} {self.year}"


class CaseStory(models.Model):
    """A case told in the annual report, de-identified.

    ``draft`` is what Ombuds offered (``domain.deidentify``: names, addresses, dates, places
    and ages replaced or generalised); ``text`` is what the ombudsperson made of it. Only an
    approved story is published, and changing an approved text withdraws the approval
    (``reports.annual.story_update``). The case may be destroyed later (retention): the
    story, which holds no personal data, stays."""

    annual_report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE,
                                      related_name="stories", verbose_name=_("jaarverslag"))
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="+", verbose_name=_("zaak"))
    title = models.CharField(_("kop"), max_length=160)
    draft = models.TextField(_("voorstel van Ombuds"), blank=True, editable=False)
    text = models.TextField(_("verhaal"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    approved_at = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("goedgekeurd door"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casuïstiek")
        ordering = ["annual_report", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["annual_report", "case"], name="case_story_once",
                                    condition=models.Q(case__isnull=False)),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None
