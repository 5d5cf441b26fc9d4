"""Demo cases of Steenwijkerland (variant 3: luisterend oor en bemiddeling).

Fictional residents and stories, written as residents tell them (B1). Together with the
Westerveld cases they pass through every status and outcome of both variants.
"""

from __future__ import annotations

from datetime import date

from ombuds.demo.data import STW
from ombuds.demo.spec import Decision, DemoCase, Entry, Resident, Step

KUIPERS = Resident(
    "Gerrit Kuipers", date(1946, 3, 12), "Oldemarkt", "Hoofdstraat 14", "8375 AB",
    phone="06 0000 0101", preferred_channel="telefoon",
    accessibility_needs="Slechthorend: graag rustig en duidelijk praten.",
)

CASES = [
    DemoCase(
        key="stw-huishoudelijke-hulp-verlaagd", municipality=STW, opened_days_ago=330,
        channel="telefoon", resident=KUIPERS,
        title="Huishoudelijke hulp verlaagd zonder gesprek",
        story="Ik kreeg een brief dat mijn huishoudelijke hulp van 3 naar 1,5 uur per week "
        "gaat. Niemand is bij mij thuis geweest om te kijken. Mijn vrouw is vorig jaar "
        "overleden en ik kan zelf niet meer stofzuigen door mijn rug. Ik snap niet waarom "
        "het minder wordt, ik heb niets verkeerd gedaan.",
        wish="Dat iemand van de gemeente eerst bij mij komt kijken voordat het minder wordt.",
        route_tried="Gebeld met het KCC, die zeiden dat ik een brief moest schrijven.",
        domains=("wmo",), themes=("Huishoudelijke hulp",),
        organisations=("Wmo-team", "Thuiszorg De Linde"),
        steps=(Step(2, "intake"), Step(6, "bemiddeling"), Step(20, "nazorg"),
               Step(48, "afgesloten", "opgelost",
                    "Gemeente heeft de verlaging ingetrokken na huisbezoek.")),
        entries=(
            Entry(2, "telefoon", "Eerste gesprek met meneer Kuipers",
                  "Meneer vertelt rustig zijn verhaal. De beschikking is drie weken geleden "
                  "verstuurd. Bezwaartermijn loopt nog; besproken dat hij pro forma bezwaar "
                  "kan maken als de bemiddeling niet op tijd iets oplevert."),
            Entry(6, "email_uit", "Bemiddelingsverzoek aan Wmo-team",
                  "Gevraagd om een huisbezoek vóór de verlaging ingaat."),
            Entry(15, "bijeenkomst", "Huisbezoek met Wmo-consulent",
                  "Consulent ziet dat meneer echt niet zelf kan schoonmaken. Afspraak: "
                  "3 uur blijft, nieuwe beschikking volgt binnen twee weken."),
            Entry(47, "telefoon", "Nabellen: nieuwe beschikking ontvangen",
                  "Meneer heeft de nieuwe beschikking. Hij is tevreden."),
        ),
    ),
    DemoCase(
        key="stw-scootmobiel", municipality=STW, opened_days_ago=20, channel="telefoon",
        resident="stw-huishoudelijke-hulp-verlaagd",
        title="Aanvraag scootmobiel blijft liggen",
        story="In maart heb ik een scootmobiel aangevraagd omdat ik niet meer naar de winkel "
        "kan lopen. Ik heb nog steeds niets gehoord. Als ik bel, zeggen ze dat er lange "
        "wachttijden zijn bij het Wmo-team. Ik zit nu de hele dag binnen en moet de buren "
        "vragen om boodschappen te doen. Dat wil ik niet steeds.",
        wish="Dat mijn aanvraag wordt behandeld en ik weet wanneer ik iets hoor.",
        route_tried="Twee keer het KCC gebeld en een e-mail gestuurd, geen antwoord.",
        domains=("wmo",), themes=("Hulpmiddelen", "Wachttijd"),
        organisations=("Wmo-team", "KCC Steenwijkerland"),
        steps=(Step(3, "intake"),),
        entries=(
            Entry(3, "telefoon", "Gesprek met meneer Kuipers over de scootmobiel",
                  "Meneer heeft eerder een zaak gehad (huishoudelijke hulp). Melding is "
                  "gedaan op 4 maart; de wettelijke termijn voor het onderzoek (6 weken, "
                  "Wmo 2.3.2) is ruim voorbij."),
            Entry(5, "notitie", "Navraag bij Wmo-team uitgezet",
                  "Teamleider Wmo gevraagd wanneer het onderzoek wordt gepland."),
            Entry(13, "telefoon", "Meneer belt: scootmobiel afgewezen",
                  "Het Wmo-team wijst de scootmobiel af: de regiotaxi zou volstaan. De "
                  "beschikking is gisteren verzonden; vanaf dan lopen zes weken voor bezwaar. "
                  "Afgesproken: eerst met het Wmo-team praten, en ruim voor het einde van de "
                  "termijn een pro-forma bezwaar als dat nog niets heeft opgeleverd."),
        ),
        decisions=(Decision(13, "Wmo-team", "Aanvraag scootmobiel afgewezen (regiotaxi volstaat)",
                            made_known=12),),
    ),
    DemoCase(
        key="stw-thuiszorg-gestopt", municipality=STW, opened_days_ago=95, channel="inloop",
        resident=Resident("Aaltje Smit", date(1939, 11, 2), "Vollenhove", "Kerkstraat 3",
                          "8325 BC", phone="0527 00 01 02", preferred_channel="telefoon"),
        representative=Resident("Janny Dekker-Smit", date(1965, 6, 19), "Zwolle",
                                phone="06 0000 0102", email="janny.dekker@mail.example"),
        relation="familie",
        title="Huishoudelijke hulp zomaar gestopt",
        story="Mijn moeder is 84. Sinds drie weken komt er niemand meer van de thuiszorg. "
        "Er kwam geen brief en geen telefoontje. Toen ik belde zeiden ze dat ze geen "
        "personeel hebben. Ik woon in Zwolle en werk, ik kan niet elke dag komen. Het huis "
        "wordt vies en mijn moeder valt bijna over de was.",
        wish="Dat de hulp weer komt, en dat we het horen als er iets verandert.",
        route_tried="Gebeld met Thuiszorg De Linde en met het gebiedsteam Zuid.",
        urgency="hoog", domains=("wmo",), themes=("Huishoudelijke hulp",),
        organisations=("Thuiszorg De Linde", "Wmo-team", "Gebiedsteam Zuid (Vollenhove)"),
        registered_by="ombudsman",
        steps=(Step(1, "intake"), Step(2, "bemiddeling"), Step(9, "nazorg"),
               Step(40, "afgesloten", "opgelost")),
        entries=(
            Entry(0, "gesprek", "Gesprek op het spreekuur met dochter",
                  "Dochter vertelt namens moeder; moeder heeft gebeld dat het goed is dat "
                  "dochter het woord doet."),
            Entry(2, "telefoon", "Gebeld met planning Thuiszorg De Linde",
                  "Aanbieder erkent dat cliënt uit de planning is gevallen."),
            Entry(9, "bijeenkomst", "Overleg gemeente en aanbieder",
                  "Afspraak: vanaf volgende week weer 2 uur per week, vaste hulp. Wmo-team "
                  "controleert na een maand."),
            Entry(39, "telefoon", "Nagebeld met dochter",
                  "Hulp komt elke week. Moeder is blij met de vaste hulp."),
            Entry(40, "brief", "Afsluitbrief verstuurd", sent_to_resident=True,
                  attachments=(("afsluitbrief.txt",
                                "Beste mevrouw Smit,\n\nU kwam bij ons omdat de "
                                "huishoudelijke hulp was gestopt. De hulp komt weer elke "
                                "week. Wij sluiten uw zaak nu af. Gaat het toch weer mis? "
                                "Bel ons gerust.\n\nMet vriendelijke groet,\nMarloes Bakker\n"),)),
        ),
    ),
    DemoCase(
        key="stw-jeugd-ggz", municipality=STW, opened_days_ago=38, channel="verwijzing",
        referred_by="Intern begeleider, basisschool De Vlonder (Giethoorn)",
        resident=Resident("Daan Bos", date(2013, 5, 8), "Giethoorn", "Binnenpad 40", "8355 AC"),
        representative=Resident("Sanne Bos", date(1984, 2, 1), "Giethoorn",
                                phone="06 0000 0103", email="sanne.bos@mail.example",
                                preferred_channel="email"),
        relation="ouder",
        title="Wachtlijst jeugd-GGZ, kind gaat niet meer naar school",
        story="Onze zoon van 12 heeft al een half jaar een verwijzing van de huisarts voor "
        "de jeugd-GGZ. De wachtlijst is nu nog 7 maanden. Hij gaat bijna niet meer naar "
        "school. Het jeugdteam zegt dat ze niets kunnen doen zolang hij op de wachtlijst "
        "staat. Ik voel me van het kastje naar de muur gestuurd.",
        wish="Overbruggingshulp tot de behandeling begint, en dat school en jeugdteam samen "
        "met ons praten.",
        route_tried="Huisarts, jeugdteam en de aanbieder gebeld.",
        urgency="hoog", domains=("jeugd",), themes=("Wachtlijst jeugdhulp",),
        organisations=("Jeugdteam", "Jeugd-GGZ De Horizon"),
        sensitive_details="Angstklachten; verwijzing huisarts voor diagnostiek.",
        assignee="ombudsman",
        steps=(Step(2, "intake"), Step(9, "bemiddeling")),
        entries=(
            Entry(2, "gesprek", "Gesprek met moeder",
                  "Moeder is moe en boos. Zoon zit sinds 5 weken thuis.", sensitive=True),
            Entry(9, "email_uit", "Verzoek overleg aan jeugdteam en De Horizon"),
            Entry(16, "bijeenkomst", "Rondetafel met jeugdteam, school en moeder",
                  "Jeugdteam zet overbruggingsbegeleiding in (2 uur per week). De Horizon "
                  "kijkt of een eerdere intake kan."),
            Entry(17, "notitie", "Advies: pro-forma bezwaar tegen de afwijzing",
                  "De afwijzing van intensieve hulp thuis blijft staan naast de "
                  "overbrugging. Bemiddelen schort de bezwaartermijn niet op. Moeder "
                  "geadviseerd ruim voor het einde van de termijn een pro-forma bezwaar te "
                  "sturen; de gronden kunnen later (Awb 6:6)."),
        ),
        decisions=(Decision(10, "Jeugdteam", "Intensieve ambulante hulp afgewezen zolang Daan "
                            "op de wachtlijst staat", made_known=8),),
    ),
    DemoCase(
        key="stw-terugvordering", municipality=STW, opened_days_ago=300, channel="brief",
        resident=Resident("Mohamed el Idrissi", date(1971, 9, 23), "Steenwijk",
                          "Oostwijkstraat 9", "8331 KN", phone="06 0000 0104",
                          preferred_channel="post"),
        title="Terugvordering bijstand van 4.800 euro",
        story="Ik moet 4.800 euro terugbetalen omdat ik op zaterdag bij mijn neef in de "
        "winkel heb geholpen. Ik kreeg daar geen geld voor, alleen soms eten mee. Ik heb "
        "dat ook aan mijn consulent verteld. Nu zeggen ze dat ik het niet heb gemeld. "
        "Ik slaap er niet meer van.",
        wish="Dat de gemeente naar mijn verhaal luistert en de terugvordering stopt.",
        route_tried="Gebeld met Werk en Inkomen.",
        domains=("participatie",), themes=("Terugvordering",),
        organisations=("Werk en Inkomen", "Bezwaarschriftencommissie Steenwijkerland"),
        steps=(Step(3, "intake"), Step(10, "bemiddeling"),
               Step(30, "afgesloten", "verwezen",
                    "Geen overeenstemming; bezwaarprocedure loopt, meneer is aangemeld bij MEE.")),
        entries=(
            Entry(3, "gesprek", "Gesprek met meneer El Idrissi",
                  "Besluit is 12 dagen geleden verzonden. Afgesproken: vandaag nog een pro "
                  "forma bezwaar sturen, zodat de termijn niet verloopt."),
            Entry(4, "document", "Kopie pro-forma bezwaarschrift",
                  attachments=(("pro-forma-bezwaar.txt",
                                "Hierbij maak ik bezwaar tegen het besluit tot "
                                "terugvordering. De gronden volgen later.\n"),)),
            Entry(10, "email_uit", "Bemiddelingsverzoek aan Werk en Inkomen"),
            Entry(28, "email_in", "Werk en Inkomen handhaaft het besluit",
                  "Werk en Inkomen wil de bezwaarprocedure afwachten."),
        ),
        decisions=(Decision(3, "Werk en Inkomen", "Terugvordering bijstand van 4.800 euro",
                            made_known=-9, objection_filed=4, committee=True,
                            objection_decided=95, appeal_filed=130),),
    ),
    DemoCase(
        key="stw-beslag-energie", municipality=STW, opened_days_ago=40, channel="telefoon",
        resident=Resident("Kim Hendriks", date(1990, 1, 30), "Steenwijk",
                          "Gasthuislaan 22", "8332 AD", phone="06 0000 0105",
                          preferred_channel="telefoon"),
        title="Beslag op loon en dreigende afsluiting energie",
        story="Er ligt beslag op mijn loon en nu krijg ik een brief dat mijn gas en licht "
        "worden afgesloten. Ik heb twee kinderen. Ik heb in januari hulp gevraagd bij "
        "schuldhulp, maar ik heb nog steeds geen eerste gesprek gehad. Ik weet niet meer "
        "wat ik moet doen.",
        wish="Dat de afsluiting wordt gestopt en dat ik snel hulp krijg met mijn schulden.",
        route_tried="Aanmelding bij schuldhulp via de website.",
        urgency="spoed", domains=("schulden",), themes=("Beslag", "Schuldhulp wachttijd"),
        organisations=("Werk en Inkomen", "Schuldhulp Kop van Overijssel"),
        registered_by="ombudsman",
        steps=(Step(0, "intake"), Step(1, "bemiddeling"), Step(6, "nazorg")),
        entries=(
            Entry(0, "telefoon", "Spoedgesprek met mevrouw Hendriks",
                  "Afsluiting dreigt binnen 10 dagen. Bij dreigende afsluiting moet het "
                  "eerste gesprek binnen 3 werkdagen (Wgs art. 4)."),
            Entry(1, "telefoon", "Gebeld met Schuldhulp Kop van Overijssel",
                  "Intake morgen ingepland; zij melden zich bij de energieleverancier."),
            Entry(6, "notitie", "Afspraken",
                  "Afsluiting van de baan. Schuldhulp doet intake; beslagvrije voet wordt "
                  "nagekeken. Over 4 weken nabellen."),
        ),
    ),
    DemoCase(
        key="stw-leerlingenvervoer", municipality=STW, opened_days_ago=250, channel="email",
        resident=Resident("Lotte Veenstra", date(2011, 7, 14), "Blokzijl", "Zuiderstraat 5",
                          "8356 DR"),
        representative=Resident("Pieter Veenstra", date(1978, 4, 4), "Blokzijl",
                                email="p.veenstra@mail.example", phone="06 0000 0106",
                                preferred_channel="email"),
        relation="ouder",
        title="Leerlingenvervoer: anderhalf uur in het busje",
        story="Onze dochter heeft een lichamelijke beperking en gaat met het leerlingen"
        "vervoer naar school in Zwolle. Sinds de nieuwe vervoerder zit ze elke ochtend "
        "anderhalf uur in het busje. Ze komt moe en met pijn op school. Onze klacht bij de "
        "vervoerder levert niets op.",
        wish="Een kortere route, zoals in de regeling staat.",
        route_tried="Klacht bij de vervoerder en een mail aan de gemeente.",
        domains=("onderwijs",), themes=("Leerlingenvervoer",),
        organisations=("KCC Steenwijkerland",),
        assignee="coordinator",
        steps=(Step(4, "intake"), Step(8, "bemiddeling"), Step(21, "nazorg"),
               Step(60, "afgesloten", "opgelost")),
        entries=(
            Entry(4, "telefoon", "Gesprek met vader"),
            Entry(8, "email_uit", "Vraag aan beleidsmedewerker leerlingenvervoer",
                  "Volgens de verordening is 60 minuten de maximale reistijd."),
            Entry(21, "email_in", "Gemeente past de route aan",
                  "Lotte wordt voortaan als eerste opgehaald; reistijd 50 minuten."),
            Entry(59, "telefoon", "Nabellen vader: route gaat goed"),
        ),
    ),
    DemoCase(
        key="stw-woningaanpassing", municipality=STW, opened_days_ago=180, channel="web",
        resident=Resident("Bert Mulder", date(1958, 12, 1), "Tuk", "Eesveenseweg 7", "8334 ML",
                          email="bert.mulder@mail.example", preferred_channel="email"),
        representative=Resident("Yvonne Brink", email="y.brink@mee.example"),
        relation="clientondersteuner",
        title="Woningaanpassing: gemeente en corporatie wijzen naar elkaar",
        story="Sinds mijn beenamputatie kan ik niet meer douchen boven. Ik heb een "
        "douche beneden nodig. De gemeente zegt dat de woningcorporatie het moet doen, de "
        "corporatie zegt dat het een Wmo-voorziening is. Ondertussen was ik mij al vier "
        "maanden aan de wastafel.",
        wish="Een douche beneden, en één partij die het regelt.",
        route_tried="Aanvraag bij Wmo-team en bij Woonstichting De Kop; MEE helpt mij.",
        domains=("wonen", "wmo"), themes=("Woningaanpassing",),
        organisations=("Wmo-team", "Woonstichting De Kop", "MEE cliëntondersteuning"),
        sensitive_details="Beenamputatie rechts (2024).",
        steps=(Step(5, "intake"), Step(12, "bemiddeling"), Step(40, "nazorg"),
               Step(95, "afgesloten", "deels_opgelost",
                    "Douche geplaatst; de vergoeding van de verhuiskosten is afgewezen.")),
        entries=(
            Entry(5, "gesprek", "Huisbezoek met cliëntondersteuner van MEE"),
            Entry(12, "email_uit", "Uitnodiging gezamenlijk overleg gemeente en corporatie"),
            Entry(26, "bijeenkomst", "Overleg Wmo-team en Woonstichting De Kop",
                  "Corporatie plaatst de douche, gemeente betaalt de aanpassing."),
            Entry(94, "email_in", "Bericht van meneer: douche is klaar"),
        ),
    ),
    DemoCase(
        key="stw-zorgaanbieder-komt-niet", municipality=STW, opened_days_ago=12,
        channel="telefoon",
        resident=Resident("Joke van Dijk", date(1962, 8, 17), "Steenwijk",
                          "Meppelerweg 101", "8331 BA", phone="06 0000 0107"),
        title="Begeleider komt steeds niet opdagen",
        story="Ik krijg begeleiding van Zorggroep Noordwest, twee keer per week. De laatste "
        "maand is de begeleider vier keer niet gekomen. Ze bellen niet af. Ik zit dan te "
        "wachten en mijn post blijft liggen. Als ik bel krijg ik een bandje.",
        wish="Een begeleider die komt als het afgesproken is.",
        domains=("wmo", "zorg"), themes=("Zorgaanbieder komt afspraken niet na",),
        organisations=("Zorggroep Noordwest",),
        assignee=None,
        entries=(
            Entry(0, "telefoon", "Aanmelding telefonisch aangenomen", by="secretariaat",
                  body="Mevrouw wil graag teruggebeld worden in de ochtend."),
        ),
    ),
    DemoCase(
        key="stw-bejegening-balie", municipality=STW, opened_days_ago=60, channel="inloop",
        resident=Resident("Hans de Graaf", date(1969, 2, 11), "Steenwijk", "Tukseweg 30",
                          "8331 LB", phone="06 0000 0108"),
        title="Onvriendelijk behandeld aan de balie",
        story="Ik kwam aan de balie van het gemeentehuis voor een formulier voor "
        "bijzondere bijstand. De medewerker zei hardop waar iedereen bij stond dat ik "
        "'toch al genoeg kreeg'. Ik schaamde me kapot. Ik wil geen ruzie, maar dit mag "
        "niet nog eens gebeuren, ook niet bij anderen.",
        wish="Dat de gemeente dit weet en er iets mee doet.",
        domains=("overig",), themes=("Bejegening",),
        organisations=("KCC Steenwijkerland",), registered_by="ombudsman",
        steps=(Step(0, "intake"),
               Step(14, "afgesloten", "advies",
                    "Uitgelegd hoe een klacht werkt; meneer wil geen klacht, wel een signaal.")),
        entries=(
            Entry(0, "gesprek", "Gesprek op het inloopspreekuur"),
            Entry(7, "notitie", "Signaal bejegening balie genoteerd",
                  "Derde melding dit kwartaal over privacy aan de balie."),
            Entry(14, "brief", "Brief aan meneer met uitleg klachtroute",
                  sent_to_resident=True),
        ),
    ),
    DemoCase(
        key="stw-eigen-bijdrage", municipality=STW, opened_days_ago=400, channel="telefoon",
        resident=Resident("Riek Lammers", date(1944, 4, 25), "Willemsoord",
                          "Willemsoorderweg 2", "8341 RA", phone="0521 00 01 09"),
        title="Eigen bijdrage Wmo veel hoger dan verwacht",
        story="Ik moet ineens elke maand een eigen bijdrage betalen voor mijn hulp. Niemand "
        "heeft mij dat verteld. Ik heb alleen AOW en een klein pensioen. Ik durf de hulp "
        "bijna niet meer te houden.",
        wish="Uitleg, en weten of het klopt.",
        domains=("wmo",), themes=("Eigen bijdrage",),
        organisations=("Wmo-team",), assignee="coordinator",
        steps=(Step(1, "intake"),
               Step(10, "afgesloten", "advies",
                    "Bijdrage klopt (abonnementstarief). Uitgelegd; hulp blijft.")),
        entries=(
            Entry(1, "telefoon", "Gesprek met mevrouw Lammers"),
            Entry(8, "telefoon", "Uitleg abonnementstarief gegeven",
                  "Mevrouw is gerustgesteld. Ze houdt de hulp."),
        ),
    ),
    DemoCase(
        key="stw-bijstand-aanvraag", municipality=STW, opened_days_ago=30, channel="verwijzing",
        referred_by="Vrijwilliger Vluchtelingenwerk Steenwijk",
        resident=Resident("Samira Haddad", date(1988, 10, 3), "Steenwijk",
                          "Koestraat 18", "8331 GJ", phone="06 0000 0110",
                          interpreter_language="Arabisch", preferred_channel="persoonlijk"),
        title="Aanvraag bijstand duurt lang, geen geld voor huur",
        story="Ik heb zeven weken geleden bijstand aangevraagd. Ik heb alle papieren "
        "gebracht. Nu hoor ik niets. Ik heb geen geld voor de huur van deze maand. De "
        "brieven zijn moeilijk voor mij, ik lees nog niet goed Nederlands.",
        wish="Een besluit en een voorschot, en brieven die ik begrijp.",
        route_tried="Twee keer aan de balie geweest.",
        urgency="hoog", domains=("participatie",), themes=("Uitkering",),
        organisations=("Werk en Inkomen",),
        steps=(Step(2, "intake"), Step(4, "bemiddeling")),
        entries=(
            Entry(2, "gesprek", "Gesprek met tolk Arabisch",
                  "Via de tolkentelefoon. Aanvraag is compleet volgens mevrouw."),
            Entry(4, "telefoon", "Gebeld met Werk en Inkomen",
                  "Consulent zegt toe dat een voorschot deze week wordt overgemaakt."),
            Entry(11, "email_in", "Werk en Inkomen: besluit volgt binnen twee weken"),
            Entry(21, "gesprek", "Besluit bijstand uitgelegd met tolk",
                  "Bijstand is toegekend, maar pas vanaf de datum van het gesprek bij de balie "
                  "en niet vanaf de aanvraag. Mevrouw mist daardoor bijna een maand. We vragen "
                  "Werk en Inkomen om uitleg; de bezwaartermijn loopt intussen door."),
        ),
        decisions=(Decision(21, "Werk en Inkomen", "Bijstand toegekend met een latere "
                            "ingangsdatum dan de aanvraag", made_known=20),),
    ),
    DemoCase(
        key="stw-urgentie", municipality=STW, opened_days_ago=8, channel="web",
        resident=Resident("Esther Kok", date(1993, 3, 9), "Steenwijk",
                          email="esther.kok@mail.example", phone="06 0000 0111",
                          preferred_channel="email"),
        title="Geen urgentie na scheiding, slaap bij vriendin",
        story="Na mijn scheiding slaap ik met mijn twee kinderen bij een vriendin op de "
        "bank. De woningcorporatie zegt dat ik geen urgentie krijg omdat ik 'onderdak' "
        "heb. Maar dit kan zo niet lang meer. De kinderen hebben geen eigen plek.",
        wish="Dat iemand meekijkt of ik toch urgentie kan krijgen.",
        route_tried="Urgentieaanvraag bij Woonstichting De Kop, afgewezen.",
        domains=("wonen",), themes=("Urgentie",),
        organisations=("Woonstichting De Kop", "Gebiedsteam Steenwijk"),
        steps=(Step(2, "intake"),),
        entries=(
            Entry(2, "telefoon", "Teruggebeld na webformulier",
                  "Afwijzing urgentie is 10 dagen oud. Besproken: bezwaar bij de "
                  "corporatie, en het gebiedsteam voor tijdelijke opvang."),
        ),
        decisions=(Decision(2, "Woonstichting De Kop", "Urgentieverklaring afgewezen "
                            "(onderdak bij een vriendin)", made_known=-8),),
    ),
    DemoCase(
        key="stw-pgb-jeugd", municipality=STW, opened_days_ago=150, channel="email",
        resident=Resident("Noah Wiersma", date(2015, 1, 20), "Oldemarkt"),
        representative=Resident("Marieke Wiersma", date(1986, 8, 8), "Oldemarkt",
                                email="m.wiersma@mail.example", preferred_channel="email"),
        relation="ouder",
        title="Pgb jeugd: oma mag niet meer betaald worden",
        story="Mijn moeder past al jaren op onze zoon met een pgb. Nu zegt de gemeente dat "
        "familie maar een lager tarief krijgt. Voor haar is dat niet meer te doen. Er is "
        "niemand anders die hij vertrouwt.",
        wish="Het oude tarief, of een goede andere oplossing.",
        domains=("jeugd",), themes=("Pgb jeugd",), organisations=("Jeugdteam",),
        steps=(Step(3, "intake"), Step(7, "bemiddeling"),
               Step(45, "afgesloten", "niet_opgelost",
                    "Gemeente houdt vast aan het tarief uit de verordening. Bezwaar loopt.")),
        entries=(
            Entry(3, "telefoon", "Gesprek met moeder"),
            Entry(7, "email_uit", "Bemiddelingsverzoek aan jeugdteam"),
            Entry(30, "bijeenkomst", "Overleg met jeugdteam en beleidsmedewerker"),
            Entry(45, "brief", "Afsluitbrief met de routes die nog openstaan",
                  sent_to_resident=True),
        ),
        decisions=(Decision(7, "Jeugdteam", "Pgb-tarief voor zorg door oma verlaagd naar het "
                            "familietarief", made_known=-12, objection_filed=25,
                            committee=True),),
    ),
    DemoCase(
        key="stw-niemand-belt-terug", municipality=STW, opened_days_ago=3, channel="telefoon",
        resident=Resident("Wim Brouwer", date(1955, 6, 6), "Kallenkote", phone="06 0000 0112"),
        title="Niemand belt terug over aanvraag",
        story="Ik bel al vier weken met de gemeente. Elke keer zeggen ze: u wordt "
        "teruggebeld. Dat gebeurt nooit. Ik wil alleen weten of mijn aanvraag binnen is.",
        wish="Eén keer iemand aan de lijn die het weet.",
        domains=("overig",), themes=("Bereikbaarheid",),
        organisations=("KCC Steenwijkerland",), assignee=None,
        entries=(Entry(0, "telefoon", "Aanmelding telefonisch aangenomen", by="secretariaat",
                       body="Meneer is boos maar vriendelijk. Terugbellen vóór vrijdag."),),
    ),
    DemoCase(
        key="stw-reintegratie-mantelzorg", municipality=STW, opened_days_ago=210,
        channel="brief",
        resident=Resident("Gerda Post", date(1967, 9, 29), "Vollenhove", "Doelenstraat 8",
                          "8325 CE", preferred_channel="post"),
        title="Moet naar werkplek terwijl ik mantelzorger ben",
        story="Ik zorg elke dag voor mijn man met Parkinson. Nu moet ik van Werk en Inkomen "
        "vier ochtenden naar een werkplek. Dan is mijn man alleen. Ik wil best iets doen, "
        "maar niet zo.",
        wish="Ontheffing of aangepaste uren.",
        domains=("participatie",), themes=("Re-integratie",),
        organisations=("Werk en Inkomen",),
        sensitive_details="Echtgenoot heeft de ziekte van Parkinson.",
        steps=(Step(6, "intake"),
               Step(20, "afgesloten", "ingetrokken",
                    "Mevrouw heeft zelf een regeling getroffen met haar consulent.")),
        entries=(
            Entry(6, "telefoon", "Gesprek met mevrouw Post"),
            Entry(19, "telefoon", "Mevrouw belt: opgelost met consulent",
                  "Twee ochtenden vrijwilligerswerk dichtbij huis."),
        ),
    ),
    DemoCase(
        key="stw-rolstoel-reparatie", municipality=STW, opened_days_ago=110, channel="email",
        resident=Resident("Tom Schouten", date(1979, 11, 11), "Steenwijk",
                          email="tom.schouten@mail.example"),
        title="Rolstoel al weken kapot, reparatie duurt lang",
        story="Mijn rolstoel is al vijf weken kapot. De leverancier zegt dat de gemeente "
        "akkoord moet geven. De gemeente zegt dat de leverancier het moet regelen.",
        wish="Dat mijn rolstoel gemaakt wordt.",
        domains=("wmo",), themes=("Hulpmiddelen",), organisations=("Wmo-team",),
        steps=(Step(2, "intake"),
               Step(40, "afgesloten", "geen_contact",
                    "Drie keer gebeld en gemaild, geen reactie meer.")),
        entries=(
            Entry(2, "email_uit", "Gevraagd om een belafspraak", sent_to_resident=True),
            Entry(15, "telefoon", "Geen gehoor"),
            Entry(30, "email_uit", "Laatste bericht: wij sluiten de zaak over 10 dagen",
                  sent_to_resident=True),
        ),
    ),
    DemoCase(
        key="stw-schuldhulp-wachttijd", municipality=STW, opened_days_ago=70, channel="web",
        resident=Resident("Dirk Huisman", date(1985, 5, 15), "Steenwijk",
                          phone="06 0000 0113", easy_language=True,
                          preferred_channel="telefoon"),
        title="Lang wachten op schuldhulp",
        story="Ik heb schulden. Ik heb hulp gevraagd. Ik moet nu 10 weken wachten. Elke week "
        "komen er nieuwe brieven. Ik maak ze niet meer open.",
        wish="Snel hulp. Iemand die met mij de brieven leest.",
        domains=("schulden",), themes=("Schuldhulp wachttijd",),
        organisations=("Schuldhulp Kop van Overijssel", "MEE cliëntondersteuning"),
        steps=(Step(3, "intake"), Step(8, "bemiddeling")),
        entries=(
            Entry(3, "telefoon", "Gesprek in eenvoudige taal",
                  "Afgesproken: MEE helpt met de post tot schuldhulp start."),
            Entry(8, "email_uit", "Vraag aan Schuldhulp over de wachttijd",
                  "De wet zegt: eerste gesprek binnen 4 weken (Wgs art. 4)."),
        ),
    ),
    DemoCase(
        key="stw-begeleiding-18", municipality=STW, opened_days_ago=45, channel="telefoon",
        resident=Resident("Jesse Dijkstra", date(2007, 3, 3), "Steenwijk"),
        representative=Resident("Anja Dijkstra", date(1975, 10, 10), "Steenwijk",
                                phone="06 0000 0114"),
        relation="ouder",
        title="Begeleiding stopt nu zoon 18 is",
        story="Mijn zoon heeft autisme. Tot zijn achttiende had hij begeleiding via de "
        "jeugdhulp. Nu is hij 18 en stopt alles. Voor de Wmo moet hij opnieuw aanvragen en "
        "dat duurt maanden. Hij raakt nu al zijn ritme kwijt.",
        wish="Dat de begeleiding doorloopt tot de Wmo het overneemt.",
        domains=("jeugd", "wmo"), themes=("Wachtlijst jeugdhulp",),
        organisations=("Jeugdteam", "Wmo-team", "Zorggroep Noordwest"),
        sensitive_details="Autisme.", assignee="coordinator",
        steps=(Step(1, "intake"), Step(5, "bemiddeling")),
        entries=(
            Entry(1, "telefoon", "Gesprek met moeder"),
            Entry(2, "notitie", "Moeder heeft pro-forma bezwaar gemaakt",
                  "Op ons advies, zodat de termijn niet verloopt terwijl we bemiddelen. De "
                  "gronden volgen later (Awb 6:6)."),
            Entry(5, "bijeenkomst", "Overleg jeugdteam en Wmo-team",
                  "Jeugdteam verlengt de begeleiding 3 maanden; Wmo-onderzoek start nu."),
        ),
        decisions=(Decision(1, "Jeugdteam", "Jeugdhulp (begeleiding) stopt bij 18 jaar",
                            made_known=-14, objection_filed=2),),
    ),
    DemoCase(
        key="stw-steeds-andere-hulp", municipality=STW, opened_days_ago=130, channel="inloop",
        resident=Resident("Klaas Vos", date(1941, 7, 7), "Steenwijk", "Vijverlaan 2",
                          "8332 BB", phone="0521 00 01 15"),
        title="Steeds een andere huishoudelijke hulp",
        story="Elke week komt er een ander meisje. Ik moet elke keer uitleggen waar alles "
        "staat. Ik ben 84 en dat wordt me te veel. Ik wil gewoon een vaste hulp.",
        wish="Een vaste hulp.",
        domains=("wmo",), themes=("Huishoudelijke hulp",),
        organisations=("Thuiszorg De Linde",), registered_by="ombudsman",
        steps=(Step(0, "intake"), Step(3, "bemiddeling"), Step(10, "nazorg"),
               Step(35, "bemiddeling", note="Vaste hulp kwam maar twee weken."),
               Step(45, "nazorg"), Step(80, "afgesloten", "opgelost")),
        entries=(
            Entry(0, "gesprek", "Gesprek op het spreekuur"),
            Entry(3, "telefoon", "Gebeld met Thuiszorg De Linde"),
            Entry(34, "telefoon", "Meneer belt: weer wisselende hulp"),
            Entry(44, "bijeenkomst", "Gesprek met teamleider De Linde",
                  "Vaste hulp en een vaste vervanger afgesproken."),
            Entry(79, "telefoon", "Nabellen: het gaat goed"),
        ),
    ),
    DemoCase(
        key="stw-witgoed", municipality=STW, opened_days_ago=25, channel="brief",
        resident=Resident("Fatma Yilmaz", date(1980, 12, 24), "Steenwijk", "Eeserweg 4",
                          "8332 EA", phone="06 0000 0116"),
        title="Bijzondere bijstand wasmachine afgewezen",
        story="Mijn wasmachine is kapot. Ik heb drie kinderen. Ik vroeg bijzondere bijstand "
        "en kreeg een afwijzing omdat ik had moeten sparen. Van wat? Ik was nu met de hand "
        "in de badkuip.",
        wish="Een wasmachine, of een lening die ik kan betalen.",
        domains=("participatie",), themes=("Uitkering",),
        organisations=("Werk en Inkomen",),
        steps=(Step(4, "intake"),),
        entries=(
            Entry(4, "telefoon", "Gesprek met mevrouw Yilmaz",
                  "Afwijzing is verzonden op de dag van de brief aan ons. Bezwaartermijn "
                  "loopt; advies gegeven over pro forma bezwaar."),
        ),
        decisions=(Decision(4, "Werk en Inkomen", "Bijzondere bijstand wasmachine afgewezen "
                            "(had moeten reserveren)", made_known=-5),),
    ),
    DemoCase(
        key="stw-respijtzorg", municipality=STW, opened_days_ago=360, channel="web",
        resident=Resident("Ineke Meijer", date(1960, 1, 5), "Giethoorn",
                          email="ineke.meijer@mail.example"),
        title="Mantelzorger kan niet meer, geen respijtzorg",
        story="Ik zorg al zes jaar voor mijn zus. Ik ben op. Ik vroeg om respijtzorg zodat ik "
        "een week weg kan, maar ik weet niet bij wie ik moet zijn.",
        wish="Weten waar ik hulp kan krijgen.",
        domains=("wmo",), themes=("Wachttijd",),
        organisations=("MEE cliëntondersteuning",),
        steps=(Step(5, "intake"),
               Step(12, "afgesloten", "verwezen",
                    "Warme overdracht aan MEE; MEE bevestigt het eerste gesprek.")),
        entries=(
            Entry(5, "gesprek", "Gesprek met mevrouw Meijer"),
            Entry(11, "telefoon", "Overdracht aan MEE besproken"),
        ),
    ),
    DemoCase(
        key="stw-accu-scootmobiel", municipality=STW, opened_days_ago=1, channel="brief",
        resident=Resident("Henk Timmer", date(1950, 2, 14), "Steenwijk", "Gagelsweg 6",
                          "8332 CD"),
        title="Accu scootmobiel wordt niet vervangen",
        story="De accu van mijn scootmobiel is op. De leverancier zegt dat de gemeente moet "
        "betalen. Ik heb een brief gestuurd maar geen antwoord.",
        domains=("wmo",), themes=("Hulpmiddelen",), organisations=("Wmo-team",),
        assignee="ombudsman",
        entries=(Entry(0, "brief", "Brief van meneer ontvangen en ingescand", by="secretariaat",
                       attachments=(("brief-meneer-timmer.txt",
                                     "Geachte heer, mevrouw,\n\nDe accu van mijn scootmobiel "
                                     "is op. Wie gaat dat betalen?\n\nH. Timmer\n"),)),),
    ),
    DemoCase(
        key="stw-dyslexiezorg", municipality=STW, opened_days_ago=140, channel="email",
        resident=Resident("Sophie Koster", date(2016, 9, 1), "Steenwijk"),
        representative=Resident("Lisa Koster", email="lisa.koster@mail.example"),
        relation="ouder",
        title="Dyslexiezorg: lange wachttijd",
        story="Onze dochter heeft een verklaring voor dyslexiezorg. Het jeugdteam zegt dat "
        "de aanbieder vol zit. Ze loopt steeds verder achter op school.",
        wish="Dat ze dit schooljaar nog begint.",
        domains=("jeugd",), themes=("Wachtlijst jeugdhulp",), organisations=("Jeugdteam",),
        steps=(Step(4, "intake"), Step(9, "bemiddeling"), Step(30, "nazorg")),
        entries=(
            Entry(9, "email_uit", "Vraag aan jeugdteam om een andere aanbieder"),
            Entry(30, "email_in", "Jeugdteam: start bij andere aanbieder over 6 weken"),
            Entry(80, "notitie", "Nog niet gestart; navraag gedaan"),
        ),
    ),
    DemoCase(
        key="stw-geen-reactie-meer", municipality=STW, opened_days_ago=220, channel="web",
        resident=Resident("Rob Verhoef", city="Steenwijk", email="r.verhoef@mail.example"),
        title="Vraag over kosten kinderopvang",
        story="Ik wil weten of ik hulp kan krijgen bij de kosten van de kinderopvang.",
        domains=("participatie",), assignee="coordinator",
        steps=(Step(21, "afgesloten", "geen_contact", "Geen reactie op twee berichten."),),
        entries=(
            Entry(1, "email_uit", "Gevraagd om een telefoonnummer", sent_to_resident=True),
            Entry(14, "email_uit", "Herinnering gestuurd", sent_to_resident=True),
        ),
    ),
    DemoCase(
        key="stw-bejegening-consulent", municipality=STW, opened_days_ago=280,
        channel="telefoon",
        resident=Resident("Marian Hofman", date(1972, 4, 18), "Oldemarkt",
                          phone="06 0000 0117"),
        title="Consulent luistert niet tijdens keukentafelgesprek",
        story="Bij het keukentafelgesprek had de consulent haar conclusie al klaar. Ze keek "
        "alleen op haar laptop. Mijn vragen over vervoer naar de dagbesteding werden "
        "weggewuifd.",
        wish="Een nieuw gesprek met een andere consulent.",
        domains=("wmo", "overig"), themes=("Bejegening",),
        organisations=("Wmo-team", "Gebiedsteam Noord (Oldemarkt)"),
        steps=(Step(2, "intake"), Step(6, "bemiddeling"),
               Step(35, "afgesloten", "deels_opgelost",
                    "Nieuw gesprek met andere consulent; vervoer nog niet geregeld.")),
        entries=(
            Entry(2, "telefoon", "Gesprek met mevrouw Hofman"),
            Entry(20, "bijeenkomst", "Nieuw keukentafelgesprek, ombudsfunctionaris aanwezig"),
        ),
    ),
]
