"""What a letter template may use: a fixed, documented set of placeholders.

Templates are written in Django's template language, but they never see a model: the
context is plain dicts, strings and lists built here, so a beheerder's template can neither
reach other data nor call a method. ``PLACEHOLDERS`` is the documented list (shown in the
admin); ``letter_context`` fills it from a case, ``example_context`` with a fictional case
for the admin preview. Every key is always present: an optional part (``partij``,
``gesprek``, ``verwijzing``, ``ombudsman``, ``klacht``, ``aanvraag``) is ``None`` when it does not
apply, so a template guards it with ``{% if … %}``.
"""

from __future__ import annotations

import re
from datetime import date

from django.utils import timezone

from ombuds.correspondence.closing import (
    agreement_owner,
    closing_context,
    example_closing_context,
)
from ombuds.domain import not_in_time
from ombuds.domain.deadlines import nl_date, ombudsman_request_term
from ombuds.domain.variants import VARIANTS
from ombuds.procedures.selectors import late_application


def first_contact_promise(office) -> str:
    """'binnen 5 werkdagen': the office's promise of first contact (``Office.first_contact_days``,
    the one source the public pages use too)."""
    days = office.first_contact_days
    return f"binnen {days} werkdag" if days == 1 else f"binnen {days} werkdagen"


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
    "bureau.eerste_contact": "de belofte van eerste contact, bijvoorbeeld binnen 5 werkdagen "
                             "(instelling van het bureau)",
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
    "inwoner.aanhef": "de aanhef, bijvoorbeeld Beste Jan de Vries; gaat de brief naar de "
                      "vertegenwoordiger, dan de aanhef voor de vertegenwoordiger",
    "inwoner.adres": "het adres van de inwoner (meerdere regels)",
    "vertegenwoordiger": "de naam van de vertegenwoordiger (leeg als er geen is)",
    "aanhef": "de aanhef voor wie de brief krijgt (inwoner, vertegenwoordiger, partij of "
              "beklaagde)",
    "geadresseerde": "aan wie de brief gaat",
    "geadresseerde.soort": "inwoner, vertegenwoordiger, partij of beklaagde",
    "geadresseerde.naam": "de naam van wie de brief krijgt",
    "geadresseerde.vertegenwoordiger": "waar als de brief naar de vertegenwoordiger gaat (de "
                                       "brief gaat dan over de inwoner)",
    "partij": "de organisatie waaraan de brief is gericht (leeg bij een brief aan de inwoner)",
    "partij.naam": "de naam van de organisatie",
    "partij.contactpersoon": "de contactpersoon bij de organisatie",
    "partij.aanhef": "de aanhef voor de organisatie",
    "gesprek": "het gesprek waarover de brief gaat, gekozen bij het schrijven (leeg als er "
               "geen is gekozen)",
    "gesprek.datum": "de datum van het gesprek",
    "gesprek.tijd": "de begintijd van het gesprek, bijvoorbeeld 10.00 uur",
    "gesprek.eindtijd": "de eindtijd van het gesprek, bijvoorbeeld 11.00 uur",
    "gesprek.duur": "hoe lang het gesprek duurt, bijvoorbeeld 1 uur of 45 minuten",
    "gesprek.plaats": "de plaats of het kanaal van het gesprek (leeg bij alleen video)",
    "gesprek.videolink": "de link naar het videogesprek (leeg als er geen is)",
    "gesprek.soort": "gezamenlijk of apart gesprek",
    "gesprek.deelnemers": "lijst van wie er zijn uitgenodigd: de inwoner, de vertegenwoordiger, "
                          "de partijen en andere deelnemers",
    "gesprek.status": "gepland, gehouden of geannuleerd",
    "gesprek.inwoner_aanwezig": "waar als de inwoner bij het gehouden gesprek was",
    "gesprek.verslag": "het verslag van het gesprek (leeg zolang het niet is gehouden)",
    "afspraken": "lijst van afspraken; per afspraak: wat, wie, uiterlijk, status",
    "verwijzing": "de laatste verwijzing (leeg als er geen is)",
    "verwijzing.route": "de route waarnaar is verwezen",
    "verwijzing.organisatie": "de organisatie waarnaar is verwezen",
    "verwijzing.contact": "telefoon, e-mail of website van die organisatie",
    "verwijzing.nagaan_op": "de datum waarop de ombudsfunctie nagaat of het gelukt is",
    "open_routes": "lijst van routes die nog openstaan; per route: naam, uiterste_datum, "
                   "wettelijke_laatste_dag, grondslag",
    "alle_afspraken": "lijst van alle afspraken van de zaak, uit elk gesprek; per afspraak: wat, "
                      "wie, uiterlijk, status (open, nagekomen, niet nagekomen, gewijzigd), "
                      "stand (de status als zin, bijvoorbeeld Dit moet nog gebeuren.), open "
                      "(waar als de afspraak nog open staat), toelichting",
    "verwijzingen": "lijst van alle verwijzingen van de zaak; per verwijzing: route, organisatie, "
                    "contact, verwezen_op, nagaan_op, aangekomen (ja, nee of onbekend)",
    "lopende_termijnen": "lijst van alle wettelijke termijnen die nog lopen (bezwaar, beroep, "
                         "beslissing op bezwaar of aanvraag, dwangsom …); per termijn: naam, wat "
                         "(in gewone woorden), voor_u (waar als de inwoner zelf iets moet doen), "
                         "uiterste_datum, laatste_dag, grondslag. De termijn voor de ombudsman "
                         "staat bij ombudsman",
    "interne_klacht": "uitleg over de klachtenprocedure van de gemeente (leeg bij werkwijze 4–6)",
    "ombudsman": "de wettelijke ombudsman waar de inwoner daarna terecht kan (Awb 9:17; alleen "
                 "bij werkwijze 4–6)",
    "ombudsman.naam": "de naam van de ombudsman, bijvoorbeeld de Nationale ombudsman",
    "ombudsman.adres": "het postadres van de ombudsman (één regel)",
    "ombudsman.contact": "telefoon en website van de ombudsman",
    "ombudsman.termijn": "tot wanneer de inwoner bij de ombudsman terecht kan, met het artikel; "
                         "of, als de datum nog niet bekend is, hoe die wordt berekend",
    "ombudsman.laatste_dag": "de laatste dag voor een verzoek aan de ombudsman (Awb 9:24 lid 1; "
                             "leeg als die nog niet bekend is)",
    "ombudsman.uitleg": "hoe die laatste dag is berekend",
    "ombudsman.waarschuwing": "bij werkwijze 6: dat onze behandeling dat jaar niet stilzet "
                              "(anders leeg)",
    "klacht": "de klacht van de zaak (leeg als er geen klacht is)",
    "klacht.tweede_lijn": "waar bij een verzoek aan de ombudsfunctie als tweede lijn "
                          "(werkwijze 6)",
    "klacht.ontvangen_op": "de datum waarop de klacht is ontvangen",
    "klacht.onderwerp": "waar de klacht over gaat",
    "klacht.gedraging": "de gedraging waarover wordt geklaagd",
    "klacht.gedraging_op": "de datum van de gedraging (leeg als die niet bekend is)",
    "klacht.beklaagde": "over wie wordt geklaagd: medewerker, afdeling, organisatie",
    "klacht.grond_niet_behandelen": "waarom de klacht niet wordt behandeld (leeg als die wel "
                                    "wordt behandeld)",
    "klacht.grond_niet_behandelen.tekst": "de grond in gewone woorden",
    "klacht.grond_niet_behandelen.artikel": "het artikel, bijvoorbeeld Awb 9:8 lid 1 onder b",
    "klacht.grond_niet_behandelen.toelichting": "de toelichting van de behandelaar",
    "klacht.horen.datum": "de datum waarop is gehoord (leeg als nog niet gehoord)",
    "klacht.horen.wie": "wie zijn gehoord",
    "klacht.horen.verslag": "het verslag van het horen (Awb 9:10 lid 3)",
    "klacht.horen.niet_horen": "waarom de klager niet is gehoord, met het artikel (leeg als "
                               "wel gehoord)",
    "klacht.termijn": "de afhandeltermijn (Awb 9:11)",
    "klacht.termijn.einde": "de laatste dag van de afhandeltermijn",
    "klacht.termijn.grondslag": "het artikel, bijvoorbeeld Awb 9:11 lid 1",
    "klacht.termijn.uitleg": "hoe de termijn is berekend",
    "klacht.verdaagd_tot": "de laatste dag na verdaging (Awb 9:11 lid 2; leeg zonder verdaging)",
    "klacht.onderdelen": "lijst van klachtonderdelen; per onderdeel: nummer, omschrijving, "
                         "oordeel, motivering, norm, kernwaarde",
    "klacht.oordeel": "het oordeel over de hele klacht, bijvoorbeeld Deels gegrond",
    "klacht.bevindingen": "de bevindingen (Awb 9:12)",
    "klacht.conclusies": "de conclusies (Awb 9:12)",
    "klacht.maatregelen": "de maatregelen die worden genomen",
    "klacht.gemeente_oordeel_op": "werkwijze 6: de datum van het oordeel van de gemeente op de "
                                  "klacht",
    "klacht.aanbevelingen": "lijst van aanbevelingen aan de gemeente; per aanbeveling: tekst, "
                            "aan, reactie, overgenomen",
    "aanvraag": "de aanvraag waarop het besluit te laat is: de laatst ingediende aanvraag van de "
                "zaak waarop een besluit moet komen en waarvan de beslistermijn voorbij is "
                "zonder besluit (leeg als er geen is)",
    "aanvraag.soort": "wat voor aanvraag, met de wet, bijvoorbeeld Aanvraag Wmo (Wmo 2015 art. "
                      "2.3.5)",
    "aanvraag.onderwerp": "waarvoor de aanvraag is, bijvoorbeeld scootmobiel",
    "aanvraag.organisatie": "bij wie de aanvraag is ingediend (de organisatie, anders de "
                            "gemeente)",
    "aanvraag.organisatie_adres": "het adres van die organisatie (leeg als het niet bekend is)",
    "aanvraag.ingediend_op": "de datum waarop de aanvraag is ontvangen",
    "aanvraag.termijn": "de beslistermijn van de aanvraag",
    "aanvraag.termijn.einde": "de laatste dag om te beslissen, bijvoorbeeld dinsdag 7 april 2026",
    "aanvraag.termijn.grondslag": "het artikel van de beslistermijn",
    "aanvraag.termijn.uitleg": "hoe de beslistermijn is berekend",
    "aanvraag.ingebrekestelling_op": "de datum waarop de ingebrekestelling is ontvangen, als "
                                     "die telt (leeg als er nog geen is)",
    "aanvraag.ingebrekestelling_te_vroeg": "de datum van een ingebrekestelling die niet telt "
                                           "omdat zij vóór het einde van de beslistermijn "
                                           "aankwam (Awb 4:17 lid 3; anders leeg)",
    "aanvraag.dwangsom": "de dwangsom zoals die zou lopen (Awb 4:17; leeg zonder geldige "
                         "ingebrekestelling)",
    "aanvraag.dwangsom.eerste_dag": "de eerste dag van de dwangsom",
    "aanvraag.dwangsom.laatste_dag": "de laatste dag (na 42 dagen)",
    "aanvraag.dwangsom.periodes": "lijst van de drie periodes; per periode: van, tot, per_dag "
                                  "(euro per dag)",
    "aanvraag.dwangsom.maximum": "het hoogste bedrag in euro, bijvoorbeeld 1.442",
    "aanvraag.dwangsom.tot_vandaag": "het bedrag in euro tot en met vandaag als er geen besluit "
                                     "komt",
    "aanvraag.dwangsom.uitleg": "hoe de dwangsom is berekend",
    "aanvraag.beroep_vanaf": "de eerste dag waarop beroep bij de rechtbank kan tegen niet "
                             "tijdig beslissen (Awb 6:12 lid 2; leeg zonder geldige "
                             "ingebrekestelling)",
    "aanvraag.beroep_ingesteld_op": "de datum waarop dat beroep is ingesteld (leeg als nog niet)",
}

#: The names a template may start a variable with (the roots of ``PLACEHOLDERS``).
ROOTS = frozenset(name.split(".")[0] for name in PLACEHOLDERS)

INTERNAL_COMPLAINT = (
    "Gaat het om hoe de gemeente of een zorgaanbieder u heeft behandeld? Dan kunt u een klacht "
    "indienen bij die organisatie. Doe dat binnen een jaar na wat er gebeurde "
    "(Algemene wet bestuursrecht, artikel 9:8)."
)
#: When the 9:24 year cannot be computed yet: say so, and how it will be computed.
OMBUDSMAN_TERM_UNKNOWN = {
    "complaint": ("binnen een jaar nadat wij uw klacht hebben afgehandeld (Algemene wet "
                  "bestuursrecht, artikel 9:24 lid 1)",
                  "De precieze datum weten wij nog niet. Het jaar begint op de dag waarop u "
                  "ons oordeel over uw klacht krijgt. Krijgt u dat niet op tijd, dan begint het "
                  "jaar op de dag na het einde van de afhandeltermijn."),
    "request": ("binnen een jaar nadat de gemeente uw klacht heeft afgehandeld (Algemene wet "
                "bestuursrecht, artikel 9:24 lid 1)",
                "De precieze datum weten wij nog niet: wij weten nog niet wanneer de gemeente "
                "uw klacht kreeg of wanneer zij haar oordeel gaf. Het jaar begint op de dag "
                "waarop de gemeente haar oordeel over uw klacht bekendmaakte. Gaf zij geen "
                "oordeel, dan begint het op de dag na het einde van haar afhandeltermijn."),
}
#: Variant 6: the ombudsfunctie's handling does not stop the statutory year (Awb 9:24 lid 1).
OMBUDSMAN_WARNING = ("Let op: ook terwijl wij uw verzoek behandelen, loopt deze termijn door. "
                     "Wacht daarom niet op ons rapport als de datum dichtbij komt.")


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


def respondent_party(case) -> dict | None:
    """The beklaagde of the case's complaint as the addressee of a letter (Awb 9:9, 9:10, 9:11
    lid 2): the organisation, to the attention of the official or department; ``None`` when
    the complaint names no beklaagde."""
    from ombuds.procedures.complaints import complaint_of

    complaint = complaint_of(case)
    if complaint is None or not complaint.respondent:
        return None
    organisation = complaint.respondent_organisation
    attention = ", ".join(filter(None, [complaint.respondent_official,
                                        complaint.respondent_department]))
    name = organisation.name if organisation else f"Gemeente {case.municipality.name}"
    return {"naam": name, "contactpersoon": attention, "rol": "beklaagde",
            "aanhef": "Geachte heer, mevrouw", "adres": organisation.address if organisation else "",
            "email": organisation.email if organisation else ""}


def _respondent(case) -> dict | None:
    party = respondent_party(case)
    if party is not None:
        party.pop("email")
    return party


def _duration(minutes: int) -> str:
    """45 → "45 minuten", 60 → "1 uur", 90 → "1 uur en 30 minuten"."""
    hours, rest = divmod(minutes, 60)
    parts = ([f"{hours} uur"] if hours else []) + ([f"{rest} minuten"] if rest else [])
    return " en ".join(parts)


def _participants(meeting) -> list[str]:
    """Who is invited to ``meeting``: the resident, the representative, the parties, others."""
    case = meeting.case
    names = [case.person.name] if meeting.resident_invited else []
    if meeting.representative_invited and case.representative_id:
        names.append(f"{case.representative.name} (vertegenwoordiger)")
    names += [p.organisation.name + (f" ({p.contact_person})" if p.contact_person else "")
              for p in meeting.parties.select_related("organisation")
              .order_by("organisation__name")]
    if meeting.other_participants:
        names.append(meeting.other_participants)
    return names


def _meeting(meeting) -> dict | None:
    if meeting is None:
        return None
    local = timezone.localtime(meeting.starts_at)
    end = timezone.localtime(meeting.ends_at)
    return {"datum": nl_date(local.date(), weekday=True), "tijd": f"{local:%H.%M} uur",
            "eindtijd": f"{end:%H.%M} uur", "duur": _duration(meeting.duration_minutes),
            "plaats": meeting.place, "videolink": meeting.video_url,
            "soort": meeting.get_kind_display().lower(), "deelnemers": _participants(meeting),
            "status": meeting.get_status_display().lower(),
            "inwoner_aanwezig": bool(meeting.resident_present), "verslag": meeting.minutes}


def _agreements(case, meeting, *, resident: str) -> list[dict]:
    """``afspraken``: the agreements made at ``meeting`` (all of the case's without one)."""
    from ombuds.mediation.models import Agreement

    agreements = Agreement.objects.filter(case=case).select_related("party__organisation")
    if meeting is not None:
        agreements = agreements.filter(meeting=meeting)
    return [{"wat": agreement.description,
             "wie": agreement_owner(agreement, resident=resident),
             "uiterlijk": _date(agreement.due_on),
             "status": agreement.get_status_display().lower()} for agreement in agreements]


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


def _ombudsman(case, variant: int) -> dict | None:
    """Awb 9:12 lid 2: the findings name the ombudsman and the term to turn to it.

    The ombudsman is the municipality's statutory one (``Municipality.statutory_ombudsman``);
    the term is the deadline engine's 9:24 lid 1 year (onder a from the findings, onder b from
    the end of the 9:11 term, as its basis says). In variant 6 that is the municipality's own
    handling, and our handling does not stop it.
    """
    if variant not in COMPLAINT_VARIANTS:
        return None
    from ombuds.procedures.models import Deadline, DeadlineKind

    ombudsman = case.municipality.statutory_ombudsman
    year = (Deadline.objects.filter(case=case, kind=DeadlineKind.OMBUDSMAN_YEAR,
                                    met_on__isnull=True).order_by("-end").first())
    if year is None and variant != 6:
        year = _year_if_found_today(case)
    if year is not None:
        last_day = nl_date(year.end, weekday=True)
        term, explanation = f"uiterlijk op {last_day} ({plain_article(year.basis)})", year.explanation
    else:
        last_day = ""
        term, explanation = OMBUDSMAN_TERM_UNKNOWN["request" if variant == 6 else "complaint"]
    return _ombudsman_dict(ombudsman, term=term, last_day=last_day, explanation=explanation,
                           warning=OMBUDSMAN_WARNING if variant == 6 else "")


def _year_if_found_today(case):
    """The 9:24 year of an open complaint whose findings are not sent yet, as it runs when
    they are sent today: the findings letter carries today's date, and sending it records
    that date (``complaint_letter_sent``), so the letter states the year it starts."""
    from ombuds.procedures.complaints import complaint_of
    from ombuds.procedures.selectors import holiday_calendar

    complaint = complaint_of(case)
    if complaint is None or complaint.outcome or complaint.findings_on is not None:
        return None
    return ombudsman_request_term(findings_on=timezone.localdate(), calendar=holiday_calendar())


def plain_article(basis: str) -> str:
    """A deadline's basis as a resident reads it (B1): its articles of the Awb written out, the
    Atw computation left out, e.g. "Awb 9:11 lid 1; Awb 9:11 lid 2; Atw art. 1, 2" → "artikel
    9:11 lid 1 en artikel 9:11 lid 2 van de Algemene wet bestuursrecht"."""
    parts = []
    for part in basis.split("; "):
        match = re.match(r"(.*?)Awb (.*)", part)
        if match is not None:
            parts.append(f"{match.group(1)}artikel {match.group(2)}")
    if not parts:
        return basis.split("; ")[0]
    return " en ".join(parts) + " van de Algemene wet bestuursrecht"


def _ombudsman_dict(ombudsman, *, term: str, last_day: str, explanation: str,
                    warning: str) -> dict:
    return {"naam": ombudsman.name, "adres": ", ".join(ombudsman.address.splitlines()),
            "contact": ombudsman.contact, "termijn": term, "laatste_dag": last_day,
            "uitleg": explanation, "waarschuwing": warning}


def _complaint(case) -> dict | None:
    """The ``klacht`` placeholders: the complaint's facts, and its terms from the Deadline rows
    (never a fixed number of weeks)."""
    from ombuds.domain import complaints as law
    from ombuds.procedures.complaints import complaint_of
    from ombuds.procedures.models import Complaint, Deadline, DeadlineKind

    complaint = complaint_of(case)
    if complaint is None:
        return None
    decision = Deadline.objects.filter(case=case, complaint=complaint,
                                       kind=DeadlineKind.COMPLAINT_DECISION).first()
    ground = law.NOT_HANDLED_GROUNDS.get(complaint.not_handled_ground)
    skipped = law.HEARING_SKIP_GROUNDS.get(complaint.hearing_skipped_ground)
    elements = list(complaint.elements.all())
    overall = law.overall_judgment(e.judgment for e in elements)
    return {
        "tweede_lijn": complaint.kind == Complaint.Kind.OMBUDSMAN,
        "ontvangen_op": _date(complaint.received_on),
        "onderwerp": complaint.subject,
        "gedraging": complaint.conduct,
        "gedraging_op": _date(complaint.conduct_on),
        "beklaagde": complaint.respondent,
        "grond_niet_behandelen": {"tekst": ground[1], "artikel": ground[0],
                                  "toelichting": complaint.not_handled_reasons} if ground else None,
        "horen": {"datum": _date(complaint.hearing_on), "wie": complaint.hearing_heard,
                  "verslag": complaint.hearing_report,
                  "niet_horen": f"{skipped[1]} ({skipped[0]})" if skipped else ""},
        "termijn": {"einde": nl_date(decision.end, weekday=True),
                    "grondslag": plain_article(decision.basis),
                    "uitleg": decision.explanation} if decision else None,
        "verdaagd_tot": (nl_date(decision.end, weekday=True)
                         if decision and complaint.postponed_on else ""),
        "onderdelen": [
            {"nummer": n, "omschrijving": e.description,
             "oordeel": law.JUDGMENTS.get(e.judgment, "nog geen oordeel"),
             "motivering": e.reasons,
             "norm": law.NORMS[e.norm][1] if e.norm in law.NORMS else "",
             "kernwaarde": law.NORMS[e.norm][0] if e.norm in law.NORMS else ""}
            for n, e in enumerate(elements, 1)],
        "oordeel": law.JUDGMENTS[overall] if overall else "",
        "bevindingen": complaint.findings,
        "conclusies": complaint.conclusions,
        "maatregelen": complaint.measures,
        "gemeente_oordeel_op": _date(complaint.internal_findings_on),
        "aanbevelingen": _recommendations(case),
    }


def _recommendations(case) -> list[dict]:
    """The recommendations to the municipality on this case, when the signals wing keeps them
    per case (``Recommendation.case``, related name ``recommendations``); else none."""
    if getattr(type(case), "recommendations", None) is None:
        return []
    return [{"tekst": r.text, "aan": r.addressee, "reactie": r.response,
             "overgenomen": r.get_adoption_display()}
            for r in case.recommendations.order_by("id")]


def euro(amount: int) -> str:
    """Whole euros the Dutch way: 1442 → "1.442"."""
    return f"{amount:,}".replace(",", ".")


def _application(case, today: date) -> dict | None:
    """The ``aanvraag`` placeholders: the application's facts, its term from its ``Deadline``
    row, the penalty (Awb 4:17) and the appeal date (6:12 lid 2) from ``domain.not_in_time``."""
    from ombuds.procedures.models import DeadlineKind

    application = late_application(case, today)
    if application is None:
        return None
    term = application.deadlines.get(kind=DeadlineKind.APPLICATION_DECISION)
    notice = application.notice_of_default_on
    valid = notice is not None and not_in_time.notice_of_default_valid(
        term_end=term.end, notice_received_on=notice)
    penalty = not_in_time.penalty_for_late_decision(term_end=term.end,
                                                    notice_received_on=notice) if valid else None
    appeal = not_in_time.appeal_not_in_time_from(term_end=term.end,
                                                 notice_received_on=notice) if valid else None
    organisation = application.organisation
    return {
        "soort": not_in_time.APPLICATION_KINDS[application.kind],
        "onderwerp": application.subject,
        "organisatie": organisation.name if organisation else f"de gemeente {case.municipality.name}",
        "organisatie_adres": organisation.address if organisation else "",
        "ingediend_op": nl_date(application.submitted_on),
        "termijn": {"einde": nl_date(term.end, weekday=True), "grondslag": term.basis,
                    "uitleg": term.explanation},
        "ingebrekestelling_op": nl_date(notice) if valid else "",
        "ingebrekestelling_te_vroeg": nl_date(notice) if notice and not valid else "",
        "dwangsom": _penalty(penalty, today) if penalty else None,
        "beroep_vanaf": nl_date(appeal, weekday=True) if appeal else "",
        "beroep_ingesteld_op": _date(application.appeal_filed_on),
    }


def _penalty(penalty: not_in_time.Penalty, today: date) -> dict:
    return {
        "eerste_dag": nl_date(penalty.first_day, weekday=True),
        "laatste_dag": nl_date(penalty.last_day, weekday=True),
        "periodes": [{"van": nl_date(start), "tot": nl_date(end), "per_dag": euro(rate)}
                     for start, end, rate in penalty.periods()],
        "maximum": euro(penalty.maximum),
        "tot_vandaag": euro(penalty.owed_until(today)),
        "uitleg": penalty.explanation,
    }


def _addressee(case, addressee: str, *, party, respondent: bool) -> dict:
    """The ``aanhef`` and ``geadresseerde`` placeholders; a letter to the representative also
    greets the representative in ``inwoner.aanhef`` (so every template addresses her)."""
    if addressee == "vertegenwoordiger" and case.representative_id:
        name = case.representative.name
        return {"aanhef": f"Beste {name}",
                "geadresseerde": {"soort": addressee, "naam": name, "vertegenwoordiger": True}}
    if addressee in ("partij", "beklaagde"):
        target = _respondent(case) if respondent else _party(party)
        if target is not None:
            return {"aanhef": target["aanhef"],
                    "geadresseerde": {"soort": addressee, "naam": target["naam"],
                                      "vertegenwoordiger": False}}
    name = case.person.name
    return {"aanhef": f"Beste {name}",
            "geadresseerde": {"soort": "inwoner", "naam": name, "vertegenwoordiger": False}}


def letter_context(case, party=None, meeting=None, referral=None, *,
                   respondent: bool = False, addressee: str | None = None) -> dict:
    """Return the placeholders filled for ``case``.

    ``party`` is the ``CaseOrganisation`` a letter is addressed to; with ``respondent`` the
    letter goes to the beklaagde of the complaint, who then fills ``partij``. ``addressee``
    (``Addressee``: inwoner, vertegenwoordiger, partij, beklaagde) follows from those when not
    given. ``meeting`` is the meeting the writer chose (``None``: the letter is about no
    meeting); ``referral`` defaults to the case's latest one.
    """
    from ombuds.mediation.models import Referral

    today = timezone.localdate()
    if addressee is None:
        addressee = "beklaagde" if respondent else "partij" if party is not None else "inwoner"
    if referral is None:
        referral = (Referral.objects.filter(case=case).select_related("organisation")
                    .order_by("-referred_on", "-id").first())
    municipality, office = case.municipality, case.municipality.office
    workflow = case.workflow.workflow
    person = case.person
    to_representative = addressee == "vertegenwoordiger" and case.representative_id is not None
    # How the letter names the resident: "u" when it goes to them.
    resident = "u" if addressee == "inwoner" else person.name
    return {
        "vandaag": nl_date(today),
        "gemeente": {"naam": municipality.name, "telefoon": municipality.phone},
        "bureau": {"naam": office.name, "adres": office.address, "telefoon": office.phone,
                   "email": office.email, "spreekuur": office.walk_in_hours,
                   "eerste_contact": first_contact_promise(office)},
        "behandelaar": case.assignee.display_name if case.assignee_id else "de ombudsfunctionaris",
        "zaak": {"nummer": case.reference, "onderwerp": case.title, "variant": workflow.variant,
                 "werkwijze": workflow.name, "status": case.status_label,
                 "uitkomst": case.outcome_label, "aangemeld_op": _date(timezone.localtime(
                     case.opened_at).date()),
                 "klachtbehandeling": workflow.variant in COMPLAINT_VARIANTS},
        "inwoner": {"naam": person.name, "adres": _address(person),
                    "aanhef": f"Beste {case.representative.name}" if to_representative
                    else f"Beste {person.name}"},
        "vertegenwoordiger": case.representative.name if case.representative_id else "",
        "partij": _respondent(case) if respondent else _party(party),
        **_addressee(case, addressee, party=party, respondent=respondent),
        "gesprek": _meeting(meeting),
        "afspraken": _agreements(case, meeting, resident=resident),
        "verwijzing": _referral(referral),
        "open_routes": _open_routes(case, today),
        "interne_klacht": "" if workflow.variant in COMPLAINT_VARIANTS else INTERNAL_COMPLAINT,
        "ombudsman": _ombudsman(case, workflow.variant),
        "klacht": _complaint(case) if workflow.variant in COMPLAINT_VARIANTS else None,
        "aanvraag": _application(case, today),
        **closing_context(case, today, resident=resident),
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
                   "spreekuur": office.walk_in_hours or "dinsdag 9.00 tot 12.00 uur",
                   "eerste_contact": first_contact_promise(office)},
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
        "aanhef": "Beste Jan de Voorbeeld",
        "geadresseerde": {"soort": "inwoner", "naam": "Jan de Voorbeeld",
                          "vertegenwoordiger": False},
        "gesprek": {"datum": nl_date(today, weekday=True), "tijd": "10.00 uur",
                    "eindtijd": "11.00 uur", "duur": "1 uur", "plaats": "het gemeentehuis",
                    "videolink": "", "soort": "gezamenlijk gesprek",
                    "deelnemers": ["Jan de Voorbeeld", "Zorgaanbieder De Linde (Petra de Boer)"],
                    "status": "gehouden", "inwoner_aanwezig": True,
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
        "ombudsman": _example_ombudsman(municipality, workflow.variant, today,
                                        known=not minimal) if complaint else None,
        "klacht": _example_complaint(workflow.variant, today) if complaint else None,
        "aanvraag": _example_application(today),
        **example_closing_context(municipality, today),
    }
    if minimal:
        context.update(partij=None, gesprek=None, verwijzing=None, afspraken=[], open_routes=[],
                       klacht=None, aanvraag=None)
        context.update(alle_afspraken=[], verwijzingen=[], lopende_termijnen=[])
        context["zaak"]["uitkomst"] = ""
    return context


def _example_ombudsman(municipality, variant: int, today: date, *, known: bool) -> dict:
    warning = OMBUDSMAN_WARNING if variant == 6 else ""
    if not known:
        term, explanation = OMBUDSMAN_TERM_UNKNOWN["request" if variant == 6 else "complaint"]
        return _ombudsman_dict(municipality.statutory_ombudsman, term=term, last_day="",
                               explanation=explanation, warning=warning)
    last_day = nl_date(today.replace(year=today.year + 1), weekday=True) \
        if (today.month, today.day) != (2, 29) else nl_date(today, weekday=True)
    return _ombudsman_dict(municipality.statutory_ombudsman,
                           term=f"uiterlijk op {last_day} (Awb 9:24 lid 1 onder a; Atw art. 4)",
                           last_day=last_day, explanation="Bevindingen op de klacht op "
                           f"{nl_date(today)}. De termijn duurt een jaar.", warning=warning)


def _example_complaint(variant: int, today: date) -> dict:
    day = nl_date(today, weekday=True)
    return {
        "tweede_lijn": variant == 6, "ontvangen_op": nl_date(today),
        "onderwerp": "Bejegening aan de balie",
        "gedraging": "De consulent belde niet terug, hoewel dat was afgesproken.",
        "gedraging_op": nl_date(today),
        "beklaagde": "consulent Wmo, afdeling Sociaal Domein, Gemeente Voorbeeld",
        "grond_niet_behandelen": {"tekst": "de gedraging vond meer dan een jaar voor de klacht "
                                           "plaats", "artikel": "Awb 9:8 lid 1 onder b",
                                  "toelichting": "Het gesprek was in 2024."},
        "horen": {"datum": nl_date(today), "wie": "de klager en de consulent",
                  "verslag": "Beiden vertelden hoe het gesprek ging.", "niet_horen": ""},
        "termijn": {"einde": day, "grondslag": "Awb 9:11 lid 1",
                    "uitleg": f"Klacht ontvangen op {nl_date(today)}. De termijn loopt tot en "
                              f"met {day}."},
        "verdaagd_tot": day,
        "onderdelen": [{"nummer": 1, "omschrijving": "Er is niet teruggebeld.",
                        "oordeel": "Gegrond", "motivering": "De afspraak staat in het dossier.",
                        "norm": "Betrouwbaarheid", "kernwaarde": "Eerlijk en betrouwbaar"}],
        "oordeel": "Gegrond",
        "bevindingen": "De consulent had beloofd terug te bellen en deed dat niet.",
        "conclusies": "De gemeente is haar afspraak niet nagekomen.",
        "maatregelen": "De consulent belt de inwoner deze week.",
        "gemeente_oordeel_op": nl_date(today) if variant == 6 else "",
        "aanbevelingen": [{"tekst": "Leg terugbelafspraken vast in het systeem.",
                           "aan": "het college", "reactie": "", "overgenomen": "Nog niet bekend"}],
    }


def _example_application(today: date) -> dict:
    """A Wmo application whose two weeks passed, with a notice of default received the day
    after: every date computed by ``domain.not_in_time`` as for a real case."""
    from datetime import timedelta

    submitted = today - timedelta(days=40)
    term = not_in_time.application_term("wmo_aanvraag", submitted)
    notice = term.end + timedelta(days=1)
    penalty = not_in_time.penalty_for_late_decision(term_end=term.end, notice_received_on=notice)
    appeal = not_in_time.appeal_not_in_time_from(term_end=term.end, notice_received_on=notice)
    return {
        "soort": not_in_time.APPLICATION_KINDS["wmo_aanvraag"], "onderwerp": "scootmobiel",
        "organisatie": "Gemeente Voorbeeld, team Wmo",
        "organisatie_adres": "Postbus 1\n8330 AA Steenwijk",
        "ingediend_op": nl_date(submitted),
        "termijn": {"einde": nl_date(term.end, weekday=True), "grondslag": term.basis,
                    "uitleg": term.explanation},
        "ingebrekestelling_op": nl_date(notice), "ingebrekestelling_te_vroeg": "",
        "dwangsom": _penalty(penalty, today),
        "beroep_vanaf": nl_date(appeal, weekday=True), "beroep_ingesteld_op": "",
    }
