"""What a letter template may use: a fixed, documented set of placeholders.

Templates are written in Django's template language, but they never see a model: the
context is plain dicts, strings and lists built here, so a beheerder's template can neither
reach other data nor call a method. ``PLACEHOLDERS`` is the documented list (shown in the
admin); ``letter_context`` fills it from a case, ``example_context`` with a fictional case
for the admin preview. Every key is always present: an optional part (``partij``,
``gesprek``, ``verwijzing``, ``ombudsman``) is ``None`` when it does not apply, so a
template guards it with ``{% if … %}``.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from ombuds.domain.deadlines import nl_date
from ombuds.domain.variants import VARIANTS
from ombuds.socialmap.models import OrganisationType, Route

#: Variants with formal complaint handling (Awb chapter 9): their letters name the ombudsman.
COMPLAINT_VARIANTS = (4, 5, 6)

#: Placeholder → what it holds (Dutch, for the beheerder). The admin shows this list.
PLACEHOLDERS: dict[str, str] = {
    "vandaag": "de datum van vandaag, bijvoorbeeld 3 maart 2026",
    "gemeente.naam": "de naam van de gemeente",
    "gemeente.telefoon": "het telefoonnummer van de gemeente",
    "bureau.naam": "de naam van het bureau van de ombudsfunctie",
    "bureau.adres": "het bezoekadres van het bureau",
    "bureau.telefoon": "het telefoonnummer van het bureau",
    "bureau.email": "het e-mailadres van het bureau",
    "bureau.spreekuur": "de tijden van het inloopspreekuur",
    "behandelaar": "de naam van de behandelaar van de zaak",
    "zaak.nummer": "het zaaknummer, bijvoorbeeld STW-2026-0042",
    "zaak.onderwerp": "het onderwerp van de zaak",
    "zaak.variant": "het nummer van de werkwijze (1 tot en met 6)",
    "zaak.werkwijze": "de naam van de werkwijze, bijvoorbeeld Luisterend oor en bemiddeling",
    "zaak.status": "de status van de zaak",
    "zaak.uitkomst": "de uitkomst van de zaak (leeg zolang de zaak loopt)",
    "zaak.aangemeld_op": "de datum waarop de zaak begon",
    "zaak.klachtbehandeling": "waar als de werkwijze klachtbehandeling heeft (4, 5 of 6)",
    "inwoner.naam": "de naam van de inwoner",
    "inwoner.aanhef": "de aanhef, bijvoorbeeld Beste Jan de Vries",
    "inwoner.adres": "het adres van de inwoner (meerdere regels)",
    "vertegenwoordiger": "de naam van de vertegenwoordiger (leeg als er geen is)",
    "partij": "de organisatie waaraan de brief is gericht (leeg bij een brief aan de inwoner)",
    "partij.naam": "de naam van de organisatie",
    "partij.contactpersoon": "de contactpersoon bij de organisatie",
    "partij.aanhef": "de aanhef voor de organisatie",
    "gesprek": "het laatste gesprek van de zaak (leeg als er geen is)",
    "gesprek.datum": "de datum van het gesprek",
    "gesprek.tijd": "de tijd van het gesprek",
    "gesprek.plaats": "de plaats of het kanaal van het gesprek",
    "gesprek.soort": "gezamenlijk of apart gesprek",
    "gesprek.verslag": "het verslag van het gesprek",
    "afspraken": "lijst van afspraken; per afspraak: wat, wie, uiterlijk, status",
    "verwijzing": "de laatste verwijzing (leeg als er geen is)",
    "verwijzing.route": "de route waarnaar is verwezen",
    "verwijzing.organisatie": "de organisatie waarnaar is verwezen",
    "verwijzing.contact": "telefoon, e-mail of website van die organisatie",
    "verwijzing.nagaan_op": "de datum waarop de ombudsfunctie nagaat of het gelukt is",
    "open_routes": "lijst van routes die nog openstaan; per route: naam, uiterste_datum, "
                   "wettelijke_laatste_dag, grondslag",
    "interne_klacht": "uitleg over de klachtenprocedure van de gemeente (leeg bij werkwijze 4–6)",
    "ombudsman": "de ombudsman waar de inwoner daarna terecht kan (alleen bij werkwijze 4–6)",
    "ombudsman.naam": "de naam van de ombudsman",
    "ombudsman.contact": "telefoon of website van de ombudsman",
    "ombudsman.termijn": "tot wanneer de inwoner bij de ombudsman terecht kan",
}

#: The names a template may start a variable with (the roots of ``PLACEHOLDERS``).
ROOTS = frozenset(name.split(".")[0] for name in PLACEHOLDERS)

INTERNAL_COMPLAINT = (
    "Gaat het om hoe de gemeente of een zorgaanbieder u heeft behandeld? Dan kunt u een klacht "
    "indienen bij die organisatie. Doe dat binnen een jaar na wat er gebeurde "
    "(Algemene wet bestuursrecht, artikel 9:8)."
)
OMBUDSMAN_TERM_FALLBACK = "binnen een jaar na dit oordeel (Algemene wet bestuursrecht, artikel 9:12 en 9:24)"


def _date(value: date | None) -> str:
    return nl_date(value) if value else ""


def _contact(organisation) -> str:
    return ", ".join(filter(None, [organisation.phone, organisation.email, organisation.website]))


def _address(person) -> str:
    return "\n".join(filter(None, [person.street, " ".join(filter(None, [person.postcode,
                                                                          person.city]))]))


def _party(link) -> dict | None:
    if link is None:
        return None
    contact = link.contact_person
    return {
        "naam": link.organisation.name,
        "contactpersoon": contact,
        "rol": link.role,
        "aanhef": f"Beste {contact}" if contact else "Geachte heer, mevrouw",
        "adres": link.organisation.address,
    }


def _meeting(meeting) -> dict | None:
    if meeting is None:
        return None
    local = timezone.localtime(meeting.starts_at)
    return {"datum": nl_date(local.date(), weekday=True), "tijd": f"{local:%H.%M} uur",
            "plaats": meeting.place, "soort": meeting.get_kind_display().lower(),
            "verslag": meeting.minutes}


def _agreements(case, meeting) -> list[dict]:
    from ombuds.mediation.models import Agreement

    agreements = Agreement.objects.filter(case=case).select_related("party__organisation")
    if meeting is not None:
        agreements = agreements.filter(meeting=meeting)
    rows = []
    for agreement in agreements:
        if agreement.owner == Agreement.Owner.PARTY and agreement.party_id:
            who = agreement.party.organisation.name
        elif agreement.owner == Agreement.Owner.RESIDENT:
            who = "u"
        else:
            who = "de ombudsfunctie"
        rows.append({"wat": agreement.description, "wie": who, "uiterlijk": _date(agreement.due_on),
                     "status": agreement.get_status_display().lower()})
    return rows


def _referral(referral) -> dict | None:
    if referral is None:
        return None
    organisation = referral.organisation
    return {"route": referral.get_route_display(),
            "organisatie": organisation.name if organisation else "",
            "contact": _contact(organisation) if organisation else "",
            "nagaan_op": _date(referral.check_on)}


def _open_routes(case, today: date) -> list[dict]:
    """The resident's own routes whose term still runs: objection and appeal (Awb 6:7)."""
    from ombuds.procedures.models import Deadline, DeadlineKind

    deadlines = (Deadline.objects.filter(case=case, kind__in=[DeadlineKind.OBJECTION,
                                                              DeadlineKind.APPEAL],
                                         met_on__isnull=True, watched=True, end__gte=today)
                 .select_related("decision").order_by("raw_end", "id"))
    routes = []
    for deadline in deadlines:
        about = f" tegen het besluit over {deadline.decision.subject}" if deadline.decision_id else ""
        kind = ("Bezwaar maken" if deadline.kind == DeadlineKind.OBJECTION
                else "In beroep gaan bij de rechter")
        routes.append({"naam": kind + about, "uiterste_datum": nl_date(deadline.raw_end, weekday=True),
                       "wettelijke_laatste_dag": nl_date(deadline.end, weekday=True),
                       "grondslag": deadline.basis})
    return routes


def ombudsman_organisation(municipality):
    """The municipality's own ombudsman (Gemeentewet 81p) if its social map has one, else the
    Nationale ombudsman from the social map, else ``None``."""
    from ombuds.socialmap.models import Organisation

    candidates = list(Organisation.objects.filter(municipalities=municipality, active=True,
                                                  type=OrganisationType.OMBUDSMAN))
    for route in (Route.LOCAL_OMBUDSMAN, Route.NATIONAL_OMBUDSMAN):
        for organisation in candidates:
            if route in organisation.routes:
                return organisation
    return candidates[0] if candidates else None


def _ombudsman(case, variant: int) -> dict | None:
    """Awb 9:12 lid 2: the findings name the ombudsman and the term to turn to it (one year,
    Awb 9:24 lid 2; the complaint's own computed term when there is one)."""
    if variant not in COMPLAINT_VARIANTS:
        return None
    from ombuds.procedures.models import Deadline, DeadlineKind

    organisation = ombudsman_organisation(case.municipality)
    term = (Deadline.objects.filter(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR, met_on__isnull=True)
            .order_by("-end").first())
    return {
        "naam": organisation.name if organisation else "de Nationale ombudsman",
        "contact": _contact(organisation) if organisation else "telefoon 0800 33 55 555, "
                                                                "www.nationaleombudsman.nl",
        "termijn": (f"tot en met {nl_date(term.end, weekday=True)} ({term.basis})" if term
                    else OMBUDSMAN_TERM_FALLBACK),
    }


def letter_context(case, party=None, meeting=None, referral=None) -> dict:
    """Return the placeholders filled for ``case``.

    ``party`` is the ``CaseOrganisation`` a letter is addressed to; ``meeting`` and
    ``referral`` default to the case's latest ones.
    """
    from ombuds.mediation.models import Meeting, Referral

    today = timezone.localdate()
    if meeting is None:
        meeting = Meeting.objects.filter(case=case).order_by("-starts_at", "-id").first()
    if referral is None:
        referral = (Referral.objects.filter(case=case).select_related("organisation")
                    .order_by("-referred_on", "-id").first())
    municipality, office = case.municipality, case.municipality.office
    workflow = case.workflow.workflow
    person = case.person
    return {
        "vandaag": nl_date(today),
        "gemeente": {"naam": municipality.name, "telefoon": municipality.phone},
        "bureau": {"naam": office.name, "adres": office.address, "telefoon": office.phone,
                   "email": office.email, "spreekuur": office.walk_in_hours},
        "behandelaar": case.assignee.display_name if case.assignee_id else "de ombudsfunctionaris",
        "zaak": {"nummer": case.reference, "onderwerp": case.title, "variant": workflow.variant,
                 "werkwijze": workflow.name, "status": case.status_label,
                 "uitkomst": case.outcome_label, "aangemeld_op": _date(timezone.localtime(
                     case.opened_at).date()),
                 "klachtbehandeling": workflow.variant in COMPLAINT_VARIANTS},
        "inwoner": {"naam": person.name, "aanhef": f"Beste {person.name}", "adres": _address(person)},
        "vertegenwoordiger": case.representative.name if case.representative_id else "",
        "partij": _party(party),
        "gesprek": _meeting(meeting),
        "afspraken": _agreements(case, meeting),
        "verwijzing": _referral(referral),
        "open_routes": _open_routes(case, today),
        "interne_klacht": "" if workflow.variant in COMPLAINT_VARIANTS else INTERNAL_COMPLAINT,
        "ombudsman": _ombudsman(case, workflow.variant),
    }


def example_context(municipality, variant: int | None = None, *, minimal: bool = False) -> dict:
    """A fictional case with every part filled, for the admin preview and template checks;
    ``minimal`` leaves every optional part empty (no party, meeting, referral, routes)."""
    office = municipality.office
    workflow = VARIANTS[variant or municipality.workflow.variant]
    complaint = workflow.variant in COMPLAINT_VARIANTS
    today = timezone.localdate()
    context = {
        "vandaag": nl_date(today),
        "gemeente": {"naam": municipality.name, "telefoon": municipality.phone or "14 0521"},
        "bureau": {"naam": office.name, "adres": office.address or "Markt 1\n8331 HK Steenwijk",
                   "telefoon": office.phone or "0521 12 34 56",
                   "email": office.email or "ombuds@example.nl",
                   "spreekuur": office.walk_in_hours or "dinsdag 9.00 tot 12.00 uur"},
        "behandelaar": "Anne Jansen",
        "zaak": {"nummer": f"{municipality.reference_prefix}-{today.year}-0042",
                 "onderwerp": "Wacht op besluit over een scootmobiel", "variant": workflow.variant,
                 "werkwijze": workflow.name, "status": "In behandeling",
                 "uitkomst": "Opgelost met afspraken", "aangemeld_op": nl_date(today),
                 "klachtbehandeling": complaint},
        "inwoner": {"naam": "Jan de Voorbeeld", "aanhef": "Beste Jan de Voorbeeld",
                    "adres": "Kerkstraat 1\n8331 AA Steenwijk"},
        "vertegenwoordiger": "",
        "partij": {"naam": "Zorgaanbieder De Linde", "contactpersoon": "Petra de Boer",
                   "rol": "zorgaanbieder", "aanhef": "Beste Petra de Boer", "adres": ""},
        "gesprek": {"datum": nl_date(today, weekday=True), "tijd": "10.00 uur",
                    "plaats": "het gemeentehuis", "soort": "gezamenlijk gesprek",
                    "verslag": "We hebben samen gekeken naar de aanvraag."},
        "afspraken": [{"wat": "De gemeente neemt binnen twee weken een besluit.",
                       "wie": municipality.name, "uiterlijk": nl_date(today), "status": "open"}],
        "verwijzing": {"route": "Bezwaarprocedure (Awb 6:4)", "organisatie": "Bezwaarschriftencommissie",
                       "contact": "14 0521", "nagaan_op": nl_date(today)},
        "open_routes": [{"naam": "Bezwaar maken tegen het besluit over de scootmobiel",
                         "uiterste_datum": nl_date(today, weekday=True),
                         "wettelijke_laatste_dag": nl_date(today, weekday=True),
                         "grondslag": "Awb 6:7, 6:8"}],
        "interne_klacht": "" if complaint else INTERNAL_COMPLAINT,
        "ombudsman": {"naam": "de Nationale ombudsman", "contact": "www.nationaleombudsman.nl",
                      "termijn": OMBUDSMAN_TERM_FALLBACK} if complaint else None,
    }
    if minimal:
        context.update(partij=None, gesprek=None, verwijzing=None, afspraken=[], open_routes=[])
        context["zaak"]["uitkomst"] = ""
    return context
