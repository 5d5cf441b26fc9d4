"""Ombuds cases in the shape of the ZGW Zaken API (VNG Realisatie, "Zaakgericht werken").

The mapping of the six variants onto zaaktype, statustype and resultaattype, with the
retention of each result from the Selectielijst gemeenten en intergemeentelijke organen, is
data here and explained in docs/zgw.md. ``zaak_from_case`` gives the JSON body a Zaken API
expects for a ZAAK (``components/schemas/Zaak``); the tests validate it against the published
schema. It holds no personal data: no names, no story, only the reference, dates, subject
line and the codes.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils import timezone

from ombuds.domain.variants import VARIANTS

#: Namespace for the stable uuid of a case in ZGW (uuid5 of the reference).
ZAAK_NAMESPACE = uuid.UUID("4f2b6a52-6d1c-4c53-9a55-5b7b1f0e6a10")


@dataclass(frozen=True)
class Retention:
    """Archiefnominatie and archiefactietermijn of a result (Selectielijst, docs/zgw.md)."""

    nomination: str  # "vernietigen" | "blijvend_bewaren"
    years: int
    rule: str  # why, for the docs and the export's toelichting


MEDIATION_OR_ADVICE = Retention("vernietigen", 5, "geschil behandeld (bemiddeling, advies)")
COMPLAINT_RULING = Retention("vernietigen", 5, "klacht behandeld met oordeel (Awb 9:12)")
OMBUDSMAN_RULING = Retention("vernietigen", 10, "klacht behandeld door de ombudsman (Awb 9:27)")
ENDED_EARLY = Retention("vernietigen", 1, "niet ontvankelijk, ingetrokken of afgebroken")

#: outcome code → (ZGW resultaattype generic description, retention). Variant 6 rulings are
#: the ombudsman's second-line judgments and are kept longer (see ``retention``).
RESULTS: dict[str, tuple[str, Retention]] = {
    "advies": ("Afgehandeld", MEDIATION_OR_ADVICE),
    "opgelost": ("Afgehandeld", MEDIATION_OR_ADVICE),
    "deels_opgelost": ("Afgehandeld", MEDIATION_OR_ADVICE),
    "niet_opgelost": ("Afgehandeld", MEDIATION_OR_ADVICE),
    "verwezen": ("Afgehandeld", MEDIATION_OR_ADVICE),
    "gegrond": ("Gegrond", COMPLAINT_RULING),
    "deels_gegrond": ("Gegrond", COMPLAINT_RULING),
    "ongegrond": ("Ongegrond", COMPLAINT_RULING),
    "geen_oordeel": ("Afgehandeld", COMPLAINT_RULING),
    "informeel_opgelost": ("Afgehandeld", COMPLAINT_RULING),
    "niet_behandeld": ("Afgewezen", ENDED_EARLY),
    "niet_ontvankelijk": ("Afgewezen", ENDED_EARLY),
    "ingetrokken": ("Ingetrokken", ENDED_EARLY),
    "geen_contact": ("Afgebroken", ENDED_EARLY),
}
RULINGS = {"gegrond", "deels_gegrond", "ongegrond", "geen_oordeel"}

def retention(variant: int, outcome: str) -> Retention | None:
    """Return the retention of a closed case's outcome in its variant; ``None`` if open."""
    if not outcome:
        return None
    if variant == 6 and outcome in RULINGS:
        return OMBUDSMAN_RULING
    return RESULTS[outcome][1]


def _retention_of(case, variant: int) -> Retention:
    """The closed case's retention as the records app executes it (the beheerder's
    ``RetentionRule`` years, an Awb 9.2 request to the ombudsman counting as 10 years by
    default), so the zaaksysteem and Ombuds destroy the file on the same day."""
    from ombuds.records.selectors import case_term

    term = case_term(case)
    mapped = retention(variant, case.outcome)
    if term is None:
        return mapped
    return Retention("vernietigen", term.years, term.result_label)


def zaaktype_url(variant: int) -> str:
    """The zaaktype of a variant in the municipality's catalogue (setting
    ``OMBUDS_ZGW_ZAAKTYPE_URL`` with ``{variant}``), or a stable URN until one is set."""
    template = settings.ZGW_ZAAKTYPE_URL
    return template.format(variant=variant) if template else f"urn:ombuds:zaaktype:variant-{variant}"


def zaak_uuid(reference: str) -> uuid.UUID:
    return uuid.uuid5(ZAAK_NAMESPACE, reference)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def zaak_from_case(case, *, zaak_url: str = "") -> dict:
    """Return ``case`` as a ZGW ``Zaak`` (Zaken API), without personal data."""
    workflow = case.workflow.workflow
    variant = case.workflow.variant
    opened = timezone.localtime(case.opened_at).date()
    closed = timezone.localtime(case.closed_at).date() if case.closed_at else None
    kept = _retention_of(case, variant) if closed else None
    base = settings.BASE_URL.rstrip("/") if settings.BASE_URL else "urn:ombuds"
    status = workflow.status(case.status)
    return {
        "url": zaak_url or f"{base}/api/v1/cases/{case.reference}/zgw/",
        "uuid": str(zaak_uuid(case.reference)),
        "identificatie": case.reference,
        "bronorganisatie": settings.ZGW_RSIN,
        "verantwoordelijkeOrganisatie": settings.ZGW_RSIN,
        "omschrijving": case.title[:80],
        "toelichting": (f"Sociale ombudsfunctie, {workflow.name} (variant {variant}); "
                        f"status: {status.label}")[:1000],
        "zaaktype": zaaktype_url(variant),
        "registratiedatum": opened.isoformat(),
        "startdatum": opened.isoformat(),
        "einddatum": closed.isoformat() if closed else None,
        "uiterlijkeEinddatumAfdoening": (case.next_deadline_end.isoformat()
                                         if case.next_deadline_end else None),
        "publicatiedatum": None,
        "communicatiekanaal": f"urn:ombuds:kanaal:{case.channel}",
        "productenOfDiensten": [],
        "vertrouwelijkheidaanduiding": "vertrouwelijk",
        "betalingsindicatie": "nvt",
        "betalingsindicatieWeergave": "Er is geen sprake van te betalen, met de zaak gemoeide, "
                                      "kosten.",
        "laatsteBetaaldatum": None,
        # No zaakgeometrie: Ombuds has none, and a null there fails strict OAS 3.0 validation
        # (nullable does not reach through allOf), so the key is left out.

        "verlenging": None,
        "opschorting": {"indicatie": False, "reden": ""},
        "selectielijstklasse": "",
        "hoofdzaak": None,
        "deelzaken": [],
        "relevanteAndereZaken": [],
        "eigenschappen": [],
        "rollen": [],
        "status": None,
        "zaakinformatieobjecten": [],
        "zaakobjecten": [],
        "kenmerken": [{"kenmerk": case.reference, "bron": "Ombuds"}],
        "archiefnominatie": kept.nomination if kept else None,
        "archiefstatus": "nog_te_archiveren",
        "archiefactiedatum": _add_years(closed, kept.years).isoformat() if kept else None,
        "resultaat": None,
        "opdrachtgevendeOrganisatie": "",
        "processobjectaard": "zaak",
        "resultaattoelichting": (f"{case.outcome_label} ({RESULTS[case.outcome][0]}); "
                                 f"bewaren {kept.years} jaar: {kept.rule}")[:1000]
                                if kept else "",
        "startdatumBewaartermijn": closed.isoformat() if kept else None,
        "processobject": None,
    }


def zaak_create_body(case) -> dict:
    """The POST body for ``/zaken`` of a Zaken API: the Zaak without its read-only fields."""
    read_only = {"url", "uuid", "einddatum", "betalingsindicatieWeergave", "deelzaken",
                 "eigenschappen", "rollen", "status", "zaakinformatieobjecten", "zaakobjecten",
                 "resultaat"}
    return {k: v for k, v in zaak_from_case(case).items() if k not in read_only}


def variant_mapping() -> list[dict]:
    """The zaaktype, statustypes and resultaattypes of every variant (docs/zgw.md)."""
    rows = []
    for number, workflow in sorted(VARIANTS.items()):
        rows.append({
            "variant": number, "zaaktype": workflow.name,
            "statustypes": [(i, s.code, s.label) for i, s in enumerate(workflow.statuses, 1)],
            "resultaattypes": [(o.code, o.label, RESULTS[o.code][0],
                                retention(number, o.code)) for o in workflow.outcomes],
        })
    return rows
