"""The demo's fixed configuration: one regional office, three municipalities of the council
note's region, their themes, the organisations of the note's landscape and the demo staff.

Everything here is fictional except the names of the three municipalities (with their real
CBS codes) and of the public bodies in the note (MEE, AKJ, Nationale ombudsman), which are
shown without contact details of their own.
"""

from __future__ import annotations

from ombuds.accounts.roles import Role
from ombuds.socialmap.models import OrganisationType, Route

OFFICE = {
    "name": "Sociale ombudsfunctie Kop van Overijssel",
    "phone": "0521 00 11 22",
    "email": "ombudsfunctie@kopvanoverijssel.example",
    "address": "Markt 12\n8331 HK Steenwijk",
    "walk_in_hours": "Dinsdag 9.00–12.00 uur in het gemeentehuis van Steenwijk.\n"
    "Donderdag 13.30–16.00 uur in het gemeentehuis van Diever (Westerveld).\n"
    "Op afspraak ook bij u thuis.",
}

#: CBS code → municipality. ``variant`` is the process variant of the council note.
MUNICIPALITIES = {
    "GM1708": {
        "name": "Steenwijkerland", "reference_prefix": "STW", "variant": 3,
        "phone": "14 0521", "email": "gemeente@steenwijkerland.example",
    },
    "GM1701": {
        "name": "Westerveld", "reference_prefix": "WSV", "variant": 5,
        "phone": "14 0521", "email": "gemeente@westerveld.example",
    },
    # Handles complaints itself first; the ombudsfunctie is its second line (variant 6).
    "GM1896": {
        "name": "Zwartewaterland", "reference_prefix": "ZWL", "variant": 6,
        "phone": "14 038", "email": "gemeente@zwartewaterland.example",
    },
}
STW, WSV, ZWL = "GM1708", "GM1701", "GM1896"

#: Domain code → theme names; every municipality keeps the same list.
THEMES = {
    "wmo": ["Wachttijd", "Hulpmiddelen", "Huishoudelijke hulp", "Eigen bijdrage"],
    "jeugd": ["Wachtlijst jeugdhulp", "Pgb jeugd"],
    "onderwijs": ["Leerlingenvervoer"],
    "participatie": ["Uitkering", "Terugvordering", "Re-integratie"],
    "schulden": ["Schuldhulp wachttijd", "Beslag"],
    "wonen": ["Urgentie", "Woningaanpassing"],
    "zorg": ["Zorgaanbieder komt afspraken niet na"],
    "overig": ["Bejegening", "Bereikbaarheid"],
}

BOTH = (STW, WSV)
ALL = (STW, WSV, ZWL)
ORGANISATIONS = [
    {
        "name": "KCC Steenwijkerland", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.CONTACT_CENTRE], "municipalities": (STW,),
        "description": "Het klantcontactcentrum van de gemeente: telefoon, balie en e-mail. "
        "Eerste ingang voor vragen over Wmo, jeugd en inkomen.",
        "phone": "14 0521", "email": "kcc@steenwijkerland.example",
    },
    {
        "name": "KCC Westerveld", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.CONTACT_CENTRE], "municipalities": (WSV,),
        "description": "Het klantcontactcentrum van de gemeente Westerveld.",
        "phone": "14 0521", "email": "kcc@westerveld.example",
    },
    {
        "name": "KCC Zwartewaterland", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.CONTACT_CENTRE], "municipalities": (ZWL,),
        "description": "Het klantcontactcentrum van de gemeente Zwartewaterland; hier "
        "komen ook de klachten over de gemeente binnen.",
        "phone": "14 038", "email": "kcc@zwartewaterland.example",
    },
    {
        "name": "Gebiedsteam Steenwijk", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.AREA_TEAM], "municipalities": (STW,),
        "description": "Consulenten die inwoners van Steenwijk en omgeving helpen hun "
        "ondersteuningsvraag te stellen.",
    },
    {
        "name": "Gebiedsteam Noord (Oldemarkt)", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.AREA_TEAM], "municipalities": (STW,),
        "description": "Gebiedsteam voor Oldemarkt, Paasloo, Steggerda en omgeving.",
    },
    {
        "name": "Gebiedsteam Zuid (Vollenhove)", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.AREA_TEAM], "municipalities": (STW,),
        "description": "Gebiedsteam voor Vollenhove, Blokzijl, Giethoorn en omgeving.",
    },
    {
        "name": "Sociaal team Westerveld", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [Route.AREA_TEAM], "municipalities": (WSV,),
        "description": "Consulenten Wmo, jeugd en inkomen voor de dorpen van Westerveld.",
        "address": "Postbus 50\n7970 AB Havelte",
    },
    {
        "name": "Wmo-team", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [], "municipalities": ALL,
        "description": "Onderzoek en besluiten over maatwerkvoorzieningen (Wmo 2015): "
        "hulpmiddelen, huishoudelijke hulp, woningaanpassingen.",
        "email": "wmo-team@gemeenten.example",
    },
    {
        "name": "Jeugdteam", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [], "municipalities": ALL,
        "description": "Toegang tot jeugdhulp (Jeugdwet): gesprekken met gezinnen, "
        "beschikkingen en verwijzingen naar jeugdhulpaanbieders.",
    },
    {
        "name": "Werk en Inkomen", "type": OrganisationType.MUNICIPAL_TEAM,
        "routes": [], "municipalities": ALL,
        "description": "Bijstand (Participatiewet), bijzondere bijstand, terugvordering, "
        "re-integratie en de toegang tot schuldhulpverlening.",
    },
    {
        "name": "MEE cliëntondersteuning", "type": OrganisationType.CLIENT_SUPPORT,
        "routes": [Route.CLIENT_SUPPORT], "municipalities": ALL,
        "description": "Onafhankelijke cliëntondersteuning voor het hele sociale domein, "
        "gesubsidieerd door de gemeente. Gratis; helpt bij het gesprek met de gemeente en "
        "bij het stellen van een vraag.",
    },
    {
        "name": "Vertrouwenspersoon jeugdhulp (AKJ)", "type": OrganisationType.CONFIDANT,
        "routes": [Route.YOUTH_CONFIDANT], "municipalities": BOTH,
        "description": "Onafhankelijke vertrouwenspersoon voor jongeren, ouders en "
        "pleegouders met vragen of klachten over jeugdhulp (Jeugdwet art. 2.6).",
        "website": "https://www.akj.nl",
    },
    {
        "name": "Bezwaarschriftencommissie Steenwijkerland",
        "type": OrganisationType.OBJECTION_COMMITTEE,
        "routes": [Route.OBJECTION], "municipalities": (STW,),
        "description": "Adviseert het college over bezwaren tegen besluiten van de gemeente.",
    },
    {
        "name": "Bezwaarschriftencommissie Westerveld",
        "type": OrganisationType.OBJECTION_COMMITTEE,
        "routes": [Route.OBJECTION], "municipalities": (WSV,),
        "description": "Adviseert het college over bezwaren tegen besluiten van de gemeente.",
    },
    {
        "name": "Nationale ombudsman", "type": OrganisationType.OMBUDSMAN,
        "routes": [Route.NATIONAL_OMBUDSMAN], "municipalities": ALL,
        "description": "Behandelt klachten over de gemeente nadat de gemeente de klacht zelf "
        "heeft behandeld (Awb 9:18 en verder).",
        "website": "https://www.nationaleombudsman.nl",
    },
    {
        "name": "Rechtbank Overijssel", "type": OrganisationType.COURT,
        "routes": [Route.COURT], "municipalities": ALL,
        "description": "Beroep tegen een beslissing op bezwaar (Awb 8:1).",
        "website": "https://www.rechtspraak.nl",
    },
    {
        "name": "Zorggroep Noordwest", "type": OrganisationType.CARE_PROVIDER,
        "routes": [Route.PROVIDER_COMPLAINT], "municipalities": BOTH,
        "description": "Fictieve zorgaanbieder: begeleiding, dagbesteding en "
        "huishoudelijke hulp in de Kop van Overijssel en Zuidwest-Drenthe.",
        "phone": "0521 00 33 44", "email": "klachten@zorggroepnoordwest.example",
    },
    {
        "name": "Thuiszorg De Linde", "type": OrganisationType.CARE_PROVIDER,
        "routes": [Route.PROVIDER_COMPLAINT], "municipalities": BOTH,
        "description": "Fictieve thuiszorgorganisatie: huishoudelijke hulp en "
        "persoonlijke verzorging.",
        "phone": "0521 00 55 66", "email": "info@thuiszorgdelinde.example",
    },
    {
        "name": "Jeugd-GGZ De Horizon", "type": OrganisationType.CARE_PROVIDER,
        "routes": [Route.PROVIDER_COMPLAINT], "municipalities": BOTH,
        "description": "Fictieve aanbieder van jeugd-GGZ met een wachtlijst voor "
        "behandeling.",
    },
    {
        "name": "Woonstichting De Kop", "type": OrganisationType.HOUSING,
        "routes": [Route.OTHER_HELP], "municipalities": BOTH,
        "description": "Fictieve woningcorporatie: huurwoningen, urgentie in overleg met "
        "de gemeente, woningaanpassingen bij huurwoningen.",
        "phone": "0521 00 77 88", "email": "huurders@woonstichtingdekop.example",
    },
    {
        "name": "Schuldhulp Kop van Overijssel", "type": OrganisationType.OTHER,
        "routes": [Route.OTHER_HELP], "municipalities": BOTH,
        "description": "Fictieve uitvoerder van schuldhulpverlening namens de gemeenten: "
        "intake, budgetbeheer, schuldregeling.",
    },
]

#: username → (first name, last name, [(CBS code, role)], is_staff)
USERS = {
    "ombudsman": ("Marloes", "Bakker", [(m, Role.OMBUDSPERSON) for m in ALL], False),
    "secretariaat": ("Ingrid", "Mulder", [(m, Role.SECRETARIAT) for m in ALL], False),
    "coordinator": ("Henk", "Jansen", [(m, Role.COORDINATOR) for m in ALL], False),
    "beleid": ("Femke", "de Boer", [(m, Role.POLICY) for m in ALL], False),
    "beheer": ("Ruud", "Visser", [(m, Role.ADMIN) for m in ALL], True),
    "ombudsman-westerveld": ("Anouk", "Hoekstra", [(WSV, Role.OMBUDSPERSON)], False),
}
DEMO_PASSWORD = "demo"
