"""Demo cases of Steenwijkerland (variant 3: luisterend oor en bemiddeling).

Fictional residents and stories, written as residents tell them (B1). Together with the
Westerveld cases they pass through every status and outcome of both variants.
"""

from __future__ import annotations

from datetime import date

from ombuds.demo.data import STW
from ombuds.demo.spec import (
    Agreement,
    Application,
    Consent,
    Decision,
    DemoCase,
    Entry,
    Letter,
    Meeting,
    Override,
    Party,
    Referral,
    Request,
    Resident,
    Step,
    Survey,
)

KUIPERS = Resident(
    "Gerrit Kuipers", date(1946, 3, 12), "Oldemarkt", "Hoofdstraat 14", "8375 AB",
    phone="06 0000 0101", preferred_channel="telefoon",
    accessibility_needs="Slechthorend: graag rustig en duidelijk praten.",
)

# Contact persons at the parties (fictional).
WMO = ("Ellen Kramer, Wmo-consulent", "ellen.kramer@steenwijkerland.example", "14 0521")
JEUGDTEAM = ("Ilse Vermeer, jeugdconsulent", "ilse.vermeer@steenwijkerland.example", "14 0521")
WERK = ("Erwin Hoekman, klantmanager", "e.hoekman@steenwijkerland.example", "14 0521")
DE_LINDE = ("Monique Brouwer, planner", "planning@thuiszorgdelinde.example", "0521 00 55 66")
SCHULDHULP = ("Nadia Amrani, schuldhulpverlener", "n.amrani@schuldhulpkop.example",
              "0521 00 99 00")
MEE = ("Ahmed Bouali, cliëntondersteuner", "a.bouali@mee.example", "0521 00 12 34")
DE_KOP = ("Wendy Bos, woonconsulent", "huurders@woonstichtingdekop.example", "0521 00 77 88")

CASES = [
    DemoCase(
        key="stw-logeeropvang", municipality=STW, opened_days_ago=45, channel="email",
        resident=Resident("Milan de Graaf", date(2012, 4, 2), "Steenwijkerwold",
                          street="Kerkweg 7", postcode="8334 MA"),
        representative=Resident("Joyce de Graaf", date(1983, 6, 21), "Steenwijkerwold",
                                email="joyce.degraaf@mail.example", phone="06 0000 0118",
                                preferred_channel="email"),
        relation="ouder",
        title="Aanvraag logeeropvang: geen besluit",
        story="Onze zoon heeft autisme en slaapt slecht. Wij zijn op. Ruim twee maanden "
        "geleden hebben we logeeropvang aangevraagd bij het jeugdteam, één weekend per maand. "
        "We hebben nog steeds geen besluit. Als ik bel, zegt men dat het 'in behandeling' is.",
        wish="Een besluit, en snel een weekend rust.",
        route_tried="Drie keer het jeugdteam gebeld.",
        domains=("jeugd",), themes=("Wachtlijst jeugdhulp",), organisations=("Jeugdteam",),
        sensitive_details="Zoon heeft autisme.",
        steps=(Step(3, "intake"), Step(8, "bemiddeling")),
        entries=(
            Entry(1, "email_uit", "Moeder gemaild: wij bellen u morgen",
                  sent_to_resident=True),
            Entry(3, "telefoon", "Gesprek met moeder over de aanvraag",
                  "De redelijke beslistermijn van acht weken (Awb 4:13) is voorbij. Uitgelegd "
                  "wat een ingebrekestelling is: daarna heeft het jeugdteam nog twee weken, en "
                  "daarna loopt een dwangsom (Awb 4:17)."),
            Entry(5, "gesprek", "Ingebrekestelling samen opgesteld",
                  "Moeder stuurt hem vandaag per e-mail en aangetekend naar het jeugdteam."),
            Entry(6, "email_in", "Jeugdteam bevestigt de ontvangst van de ingebrekestelling"),
            Entry(30, "telefoon", "Nog steeds geen besluit",
                  "De dwangsom loopt. Moeder kan nu ook beroep instellen bij de rechtbank "
                  "tegen het niet tijdig beslissen (Awb 6:12 lid 2), zonder eerst bezwaar. Zij "
                  "wil eerst het overleg met het jeugdteam afwachten."),
        ),
        applications=(Application(2, "jeugdwet", "Jeugdteam", "Logeeropvang (jeugdhulp)",
                                  submitted=-70, notice_of_default=6),),
        parties=(Party(8, "Jeugdteam", "Aanvraag logeeropvang", *JEUGDTEAM),),
        consents=(Consent(8, "Jeugdteam", "informatie_delen",
                          "Dat het gezin wacht op een besluit over logeeropvang.",
                          "Joyce de Graaf (moeder)", "digitaal", story=True),),
        meetings=(Meeting(
            14, "apart", "Telefonisch",
            "De teamleider van het jeugdteam erkent dat de aanvraag te lang ligt: er is geen "
            "aanbieder met plek. Zij zoekt een tijdelijke oplossing.",
            parties=("Jeugdteam",), resident_present=False,
            agreements=(Agreement("Het jeugdteam neemt een besluit en zoekt een aanbieder met "
                                  "plek.", 50, "Jeugdteam"),),
        ),),
        # The notice of default for the mother to sign, and after it the explanation of the
        # penalty (Awb 4:17) and of the appeal against not deciding in time (6:12 lid 2).
        letters=(Letter(5, "ingebrekestelling"), Letter(30, "dwangsom_info"),
                 Letter(30, "beroep_niet_tijdig")),
    ),
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
                    "Gemeente heeft de verlaging ingetrokken na huisbezoek.",
                    avoided="ja", avoided_what="bezwaar", minutes=210,
                    reason="de afspraken uit het gesprek staan in de afsluitbrief.")),
        entries=(
            Entry(2, "telefoon", "Eerste gesprek met meneer Kuipers",
                  "Meneer vertelt rustig zijn verhaal. De beschikking is drie weken geleden "
                  "verstuurd. Bezwaartermijn loopt nog; besproken dat hij pro forma bezwaar "
                  "kan maken als de bemiddeling niet op tijd iets oplevert."),
            Entry(6, "email_uit", "Bemiddelingsverzoek aan Wmo-team",
                  "Gevraagd om een huisbezoek vóór de verlaging ingaat."),
            Entry(47, "telefoon", "Nabellen: nieuwe beschikking ontvangen",
                  "Meneer heeft de nieuwe beschikking. Hij is tevreden."),
        ),
        parties=(Party(6, "Wmo-team", "Besluit over de huishoudelijke hulp", *WMO),),
        consents=(
            Consent(6, "Wmo-team", "informatie_delen",
                    "Zijn verhaal en de beschikking. Over zijn gezondheid alleen zijn rug.",
                    "Gerrit Kuipers", story=True, contact=True),
            Consent(6, "Wmo-team", "gesprek", "Een huisbezoek samen met de ombudsfunctie.",
                    "Gerrit Kuipers"),
        ),
        meetings=(Meeting(
            15, "gezamenlijk", "Bij meneer thuis, Hoofdstraat 14 in Oldemarkt",
            "Mevrouw Kramer kijkt met meneer door het huis. Meneer laat zien dat hij niet kan "
            "bukken en niet kan stofzuigen. Mevrouw Kramer ziet dat hij echt hulp nodig heeft. "
            "De verlaging ging uit van een oud gesprek, van vóór het overlijden van zijn "
            "vrouw. Meneer is opgelucht.",
            parties=("Wmo-team",),
            agreements=(
                Agreement("Het Wmo-team trekt de verlaging in: 3 uur per week blijft. "
                          "Binnen twee weken komt er een nieuwe beschikking.", 29, "Wmo-team",
                          status="nagekomen", checked=47),
                Agreement("De ombudsfunctie bellen als de nieuwe beschikking er is.", 35,
                          owner="inwoner", status="nagekomen", checked=47),
            ),
        ),),
        letters=(Letter(48, "afsluiting"),),
        survey=Survey(52, "ja", "ja", 9, "Fijn dat er iemand bij mij thuis kwam kijken."),
    ),
    DemoCase(
        key="stw-scootmobiel", municipality=STW, opened_days_ago=20, channel="telefoon",
        resident="stw-huishoudelijke-hulp-verlaagd",
        title="Aanvraag scootmobiel blijft liggen",
        story="Twee maanden geleden heb ik een scootmobiel aangevraagd omdat ik niet meer naar de winkel "
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
                  "gedaan ruim acht weken geleden; de wettelijke termijn voor het onderzoek "
                  "(6 weken, Wmo 2.3.2) is voorbij."),
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
        applications=(Application(3, "wmo_melding", "Wmo-team", "Scootmobiel", submitted=-57,
                                  decided=12),),
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
               Step(40, "afgesloten", "opgelost", avoided="ja", avoided_what="klacht",
                    minutes=300,
                    reason="de afspraken uit het gesprek staan in de afsluitbrief.")),
        entries=(
            Entry(0, "gesprek", "Gesprek op het spreekuur met dochter",
                  "Dochter vertelt namens moeder; moeder heeft gebeld dat het goed is dat "
                  "dochter het woord doet."),
            Entry(2, "telefoon", "Gebeld met planning Thuiszorg De Linde",
                  "Aanbieder erkent dat cliënt uit de planning is gevallen."),
            Entry(39, "telefoon", "Nagebeld met dochter",
                  "Hulp komt elke week. Moeder is blij met de vaste hulp."),
        ),
        parties=(Party(1, "Thuiszorg De Linde", "Levert de huishoudelijke hulp", *DE_LINDE),
                 Party(1, "Wmo-team", "Indicatie huishoudelijke hulp", *WMO)),
        consents=(
            Consent(1, "Thuiszorg De Linde", "informatie_delen",
                    "Naam, adres en dat de hulp zonder bericht is gestopt.", "Aaltje Smit",
                    story=True, contact=True),
            Consent(1, "Thuiszorg De Linde", "gesprek",
                    "Overleg van gemeente en aanbieder over de hulp.", "Aaltje Smit"),
            Consent(1, "Wmo-team", "gesprek", "Overleg van gemeente en aanbieder over de hulp.",
                    "Aaltje Smit"),
        ),
        meetings=(Meeting(
            9, "gezamenlijk", "Gemeentehuis Steenwijk",
            "De Linde erkent dat mevrouw Smit uit de planning is gevallen toen haar vaste hulp "
            "ziek werd. Niemand heeft haar gebeld. De Linde biedt excuses aan. Het Wmo-team "
            "let erop dat de hulp weer komt, zoals in de beschikking staat.",
            parties=("Thuiszorg De Linde", "Wmo-team"), resident_present=False,
            others="Janny Dekker-Smit (dochter)",
            agreements=(
                Agreement("De Linde komt vanaf volgende week weer 2 uur per week, met een "
                          "vaste hulp.", 16, "Thuiszorg De Linde", status="nagekomen",
                          checked=17),
                Agreement("De Linde belt de dochter als de hulp een keer niet kan komen.", 30,
                          "Thuiszorg De Linde", status="nagekomen", checked=39),
                Agreement("Het Wmo-team belt na een maand of de hulp goed loopt.", 38,
                          "Wmo-team", status="niet_nagekomen", checked=39,
                          note="Het Wmo-team heeft niet gebeld; wij hebben zelf nagebeld."),
            ),
        ),),
        letters=(Letter(0, "ontvangstbevestiging"), Letter(40, "afsluiting")),
        survey=Survey(45, "ja", "ja", 8, "De hulp komt weer. Dank u wel."),
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
            Entry(17, "notitie", "Advies: pro-forma bezwaar tegen de afwijzing",
                  "De afwijzing van intensieve hulp thuis blijft staan naast de "
                  "overbrugging. Bemiddelen schort de bezwaartermijn niet op. Moeder "
                  "geadviseerd ruim voor het einde van de termijn een pro-forma bezwaar te "
                  "sturen; de gronden kunnen later (Awb 6:6)."),
        ),
        decisions=(Decision(10, "Jeugdteam", "Intensieve ambulante hulp afgewezen zolang Daan "
                            "op de wachtlijst staat", made_known=8),),
        parties=(Party(9, "Jeugdteam", "Toegang tot jeugdhulp", *JEUGDTEAM),
                 Party(9, "Jeugd-GGZ De Horizon", "Wachtlijst diagnostiek",
                       "Jeroen Smits, zorgbemiddelaar", "zorgbemiddeling@dehorizon.example")),
        consents=(
            Consent(9, "Jeugdteam", "gesprek",
                    "Een rondetafelgesprek met school, jeugdteam en moeder.",
                    "Sanne Bos (moeder)", "schriftelijk"),
            Consent(9, "Jeugdteam", "informatie_delen",
                    "Het verhaal van moeder en de verwijzing van de huisarts. Niet de "
                    "klachten van Daan in detail.", "Sanne Bos (moeder)", "schriftelijk",
                    story=True, contact=True),
            Consent(9, "Jeugd-GGZ De Horizon", "informatie_opvragen",
                    "Vragen naar de plek van Daan op de wachtlijst.", "Sanne Bos (moeder)",
                    "schriftelijk", contact=True),
        ),
        meetings=(
            Meeting(
                16, "gezamenlijk", "Basisschool De Vlonder, Giethoorn",
                "Moeder vertelt hoe het thuis gaat: Daan zit al vijf weken thuis. School wil "
                "hem graag een paar ochtenden laten komen. Het jeugdteam ziet dat wachten "
                "zonder hulp niet kan. De Horizon kon niet komen; wij vragen hen om een "
                "reactie.",
                parties=("Jeugdteam",), others="Intern begeleider van De Vlonder",
                agreements=(
                    Agreement("Het jeugdteam zet overbruggingsbegeleiding in: 2 uur per week, "
                              "thuis.", 23, "Jeugdteam", status="nagekomen", checked=24),
                    Agreement("Samen met school een rooster maken: twee ochtenden per week "
                              "naar school.", 30, owner="inwoner", status="nagekomen",
                              checked=31),
                    Agreement("De ombudsfunctie vraagt De Horizon of een eerdere intake kan.",
                              18, owner="ombudsfunctie", status="nagekomen", checked=18),
                ),
            ),
            Meeting(
                30, "apart", "Telefonisch",
                "Gesprek met de zorgbemiddelaar van De Horizon. Er is nog geen plek. De "
                "Horizon wil wel een voorlopig adviesgesprek houden, zodat het jeugdteam weet "
                "wat Daan nu nodig heeft.",
                parties=("Jeugd-GGZ De Horizon",), resident_present=False,
                agreements=(
                    Agreement("De Horizon belt moeder zodra er door een afzegging een plek "
                              "vrijkomt.", 34, "Jeugd-GGZ De Horizon", status="niet_nagekomen",
                              checked=36, note="Er kwam een plek vrij, maar De Horizon belde "
                              "niet. De plek ging naar een ander kind."),
                    Agreement("De Horizon plant een voorlopig adviesgesprek met moeder en "
                              "Daan.", 40, "Jeugd-GGZ De Horizon"),
                ),
            ),
            Meeting(
                37, "gezamenlijk", "Basisschool De Vlonder, Giethoorn", "",
                parties=("Jeugdteam",), others="Intern begeleider van De Vlonder",
                ahead=3, duration=90, resident_invited=False, representative_invited=True,
            ),
        ),
        requests=(Request(
            18, "Jeugd-GGZ De Horizon", "informatie",
            "Dit kind staat bij u op de wachtlijst voor diagnostiek en gaat bijna niet meer "
            "naar school. Kan het eerder terecht, bijvoorbeeld als iemand afzegt? En wat is de "
            "verwachte startdatum?",
            answered=23,
            answer="Daan staat op de lijst voor diagnostiek; de verwachte start is over "
            "ongeveer vijf maanden. Wij zetten hem ook op de lijst voor afzeggingen. Komt er "
            "een plek vrij, dan bellen wij moeder.",
        ),),
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
                    "Geen overeenstemming; bezwaarprocedure loopt, meneer is aangemeld bij MEE.",
                    avoided="nee", minutes=360,
                    reason="het bezwaar loopt verder zonder ons; meneer is aangemeld bij MEE "
                           "en de afsluitbrief noemt de beslistermijn.")),
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
        parties=(Party(10, "Werk en Inkomen", "Besluit terugvordering", *WERK),
                 Party(28, "MEE cliëntondersteuning", "Hulp bij de bezwaarprocedure", *MEE)),
        consents=(
            Consent(10, "Werk en Inkomen", "informatie_delen",
                    "Zijn verhaal over het helpen in de winkel van zijn neef, en het besluit.",
                    "Mohamed el Idrissi", "schriftelijk", story=True),
            Consent(28, "MEE cliëntondersteuning", "warme_overdracht",
                    "Naam, telefoonnummer, het besluit en hoe het bezwaar ervoor staat.",
                    "Mohamed el Idrissi", story=True, contact=True),
        ),
        meetings=(Meeting(
            18, "apart", "Gemeentehuis Steenwijk",
            "Gesprek met de klantmanager. Werk en Inkomen vindt dat meneer het helpen had "
            "moeten melden, ook zonder loon. Meneer zegt dat hij het wel heeft verteld, maar "
            "dat staat niet in het dossier.",
            parties=("Werk en Inkomen",), resident_present=False,
            agreements=(Agreement(
                "Werk en Inkomen zoekt de gespreksverslagen van vorig jaar op en laat weten of "
                "daarin iets over de winkel staat.", 27, "Werk en Inkomen",
                status="nagekomen", checked=28),),
        ),),
        referrals=(
            Referral(30, "bezwaar", check=60,
                     organisation="Bezwaarschriftencommissie Steenwijkerland",
                     arrived="ja", checked=60),
            Referral(30, "clientondersteuning", check=44, organisation="MEE cliëntondersteuning",
                     handover="Meneer maakt bezwaar tegen de terugvordering van 4.800 euro. "
                     "Hij wil hulp bij de gronden van het bezwaar en bij de hoorzitting.",
                     arrived="ja", checked=45),
        ),
        survey=Survey(36, "deels", "nee", 6,
                      "Ik werd goed geholpen, maar ik moet nog steeds terugbetalen."),
    ),
    DemoCase(
        key="stw-beslag-energie", municipality=STW, opened_days_ago=40, channel="telefoon",
        resident=Resident("Kim Hendriks", date(1990, 1, 30), "Steenwijk",
                          "Gasthuislaan 22", "8332 AD", phone="06 0000 0105",
                          preferred_channel="telefoon"),
        title="Beslag op loon en dreigende afsluiting energie",
        story="Er ligt beslag op mijn loon en nu krijg ik een brief dat mijn gas en licht "
        "worden afgesloten. Ik heb twee kinderen. Vorige week heb ik hulp gevraagd bij "
        "schuldhulp en de brief over de afsluiting meegestuurd. Ik heb nog steeds niemand "
        "gesproken. Ik weet niet meer "
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
            Entry(2, "telefoon", "Mevrouw heeft het eerste gesprek gehad",
                  "Te laat: bij dreigende afsluiting hoort het eerste gesprek binnen drie "
                  "werkdagen (Wgs art. 4 lid 2). Genoteerd voor het signaal over de wachttijd."),
        ),
        applications=(Application(0, "schuldhulp", "Schuldhulp Kop van Overijssel",
                                  "Schuldhulpverlening (afsluiting energie dreigt)",
                                  submitted=-6, urgent=True, decided=2),),
        parties=(Party(0, "Schuldhulp Kop van Overijssel", "Schuldhulpverlening", *SCHULDHULP),
                 Party(1, "Werk en Inkomen", "Beslag op het loon", *WERK)),
        overrides=(Override(
            0, "Schuldhulp Kop van Overijssel",
            "Gas en licht gaan binnen tien dagen af, met twee jonge kinderen in huis. Mevrouw "
            "was na het gesprek niet meer bereikbaar. Schuldhulp kan de afsluiting alleen "
            "tegenhouden met haar naam en adres; die zijn daarom zonder toestemming gedeeld."),),
        consents=(
            Consent(1, "Schuldhulp Kop van Overijssel", "informatie_delen",
                    "Naam, adres, telefoon en de brief van de energieleverancier.",
                    "Kim Hendriks", story=True, contact=True),
            Consent(1, "Werk en Inkomen", "informatie_opvragen",
                    "Naam en geboortedatum, om na te vragen hoe de beslagvrije voet is "
                    "berekend.", "Kim Hendriks", contact=True),
        ),
        meetings=(Meeting(
            6, "apart", "Telefonisch",
            "Schuldhulp heeft de energieleverancier gebeld: de afsluiting gaat niet door zolang "
            "mevrouw in het traject zit. De intake is gedaan. Mevrouw moet nog loonstroken en "
            "de brieven van de deurwaarder sturen.",
            parties=("Schuldhulp Kop van Overijssel",), resident_present=False,
            agreements=(
                Agreement("De loonstroken en de brieven van de deurwaarder naar Schuldhulp "
                          "sturen.", 13, owner="inwoner", status="nagekomen",
                          checked=12),
                Agreement("Schuldhulp maakt een plan van aanpak en bespreekt het met "
                          "mevrouw.", 27, "Schuldhulp Kop van Overijssel", status="nagekomen",
                          checked=29),
                Agreement("Werk en Inkomen rekent de beslagvrije voet opnieuw uit.", 20,
                          "Werk en Inkomen", status="niet_nagekomen", checked=22,
                          note="Nog niet herberekend; de deurwaarder houdt nog te veel in."),
                Agreement("De ombudsfunctie belt mevrouw na vier weken hoe het gaat.", 34,
                          owner="ombudsfunctie"),
            ),
        ),),
        requests=(Request(
            8, "Werk en Inkomen", "informatie",
            "Er ligt beslag op het loon van deze inwoner, die te weinig overhoudt voor het "
            "gezin. Hoe is de beslagvrije voet berekend? Is de huur meegeteld?",
            answered=12,
            answer="De beslagvrije voet is berekend zonder de huur, omdat wij die niet wisten. "
            "Met de huur erbij wordt hij ongeveer 180 euro hoger. Wij vragen mevrouw om haar "
            "huurcontract.",
        ),),
        letters=(Letter(0, "ontvangstbevestiging"),),
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
               Step(60, "afgesloten", "opgelost",
                    avoided="ja", avoided_what="klacht", minutes=150)),
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
                    "Douche geplaatst; de vergoeding van de verhuiskosten is afgewezen.",
                    avoided="ja", avoided_what="bezwaar", minutes=480,
                    reason="de afspraken uit het gesprek staan in de afsluitbrief.")),
        entries=(
            Entry(5, "gesprek", "Huisbezoek met cliëntondersteuner van MEE"),
            Entry(12, "email_uit", "Uitnodiging gezamenlijk overleg gemeente en corporatie"),
            Entry(94, "email_in", "Bericht van meneer: douche is klaar"),
        ),
        parties=(Party(12, "Wmo-team", "Besluit over de woningaanpassing", *WMO),
                 Party(12, "Woonstichting De Kop", "Verhuurder", *DE_KOP)),
        consents=(
            Consent(12, "Wmo-team", "gesprek", "Overleg over een douche beneden.",
                    "Bert Mulder", "digitaal"),
            Consent(12, "Woonstichting De Kop", "gesprek", "Overleg over een douche beneden.",
                    "Bert Mulder", "digitaal"),
            Consent(12, "Woonstichting De Kop", "informatie_delen",
                    "Dat meneer na een amputatie niet boven kan douchen. Geen medische "
                    "details.", "Bert Mulder", "digitaal", story=True),
        ),
        meetings=(Meeting(
            26, "gezamenlijk", "Gemeentehuis Steenwijk",
            "Gemeente en corporatie wezen eerst naar elkaar. Meneer vertelt hoe hij zich nu "
            "al maanden aan de wastafel wast. Daarna spreken gemeente en corporatie af wie "
            "wat doet. Over de verhuiskosten tijdens de verbouwing is nog geen besluit.",
            parties=("Wmo-team", "Woonstichting De Kop"),
            others="Yvonne Brink (cliëntondersteuner MEE)",
            agreements=(
                Agreement("Woonstichting De Kop plaatst een douche op de benedenverdieping.",
                          90, "Woonstichting De Kop", status="nagekomen", checked=94),
                Agreement("Het Wmo-team stuurt de beschikking: de gemeente betaalt de "
                          "aanpassing.", 40, "Wmo-team", status="nagekomen", checked=38),
                Agreement("Het Wmo-team beslist over de vergoeding van de verhuiskosten.", 50,
                          "Wmo-team", status="gewijzigd", checked=52, new_due=80,
                          note="Meneer vraagt de verhuiskosten aan als bijzondere bijstand; "
                          "het besluit volgt later."),
            ),
        ),),
        survey=Survey(99, "ja", "deels", 7, "De douche is er. Het duurde wel heel lang."),
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
                    "Uitgelegd hoe een klacht werkt; meneer wil geen klacht, wel een signaal.",
                    avoided="nee", minutes=60)),
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
                    "Bijdrage klopt (abonnementstarief). Uitgelegd; hulp blijft.",
                    avoided="ja", avoided_what="bezwaar", minutes=45)),
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
                    "Gemeente houdt vast aan het tarief uit de verordening. Bezwaar loopt.",
                    avoided="nee", minutes=400,
                    reason="het bezwaar loopt; de familie weet wanneer de gemeente moet "
                           "beslissen.")),
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
                    "Mevrouw heeft zelf een regeling getroffen met haar consulent.",
                    avoided="onbekend", minutes=45)),
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
                    "Drie keer gebeld en gemaild, geen reactie meer.",
                    avoided="onbekend", minutes=30)),
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
        applications=(Application(3, "schuldhulp", "Schuldhulp Kop van Overijssel",
                                  "Schuldhulpverlening", submitted=-10, decided=30),),
        parties=(Party(3, "MEE cliëntondersteuning", "Helpt meneer met zijn post", *MEE),
                 Party(8, "Schuldhulp Kop van Overijssel", "Schuldhulpverlening",
                       *SCHULDHULP)),
        consents=(
            Consent(3, "MEE cliëntondersteuning", "warme_overdracht",
                    "Naam, telefoonnummer en dat meneer hulp zoekt bij zijn post.",
                    "Dirk Huisman", story=True, contact=True),
            Consent(8, "Schuldhulp Kop van Overijssel", "informatie_delen",
                    "Naam, telefoon en de datum van zijn aanmelding.", "Dirk Huisman",
                    contact=True),
            Consent(8, "Schuldhulp Kop van Overijssel", "gesprek",
                    "Een gesprek met Schuldhulp en MEE.", "Dirk Huisman"),
        ),
        referrals=(Referral(
            3, "clientondersteuning", check=17, organisation="MEE cliëntondersteuning",
            handover="Meneer heeft schulden en opent zijn post niet meer. Hij wacht op "
            "schuldhulp. Graag samen de brieven lezen, in eenvoudige taal.",
            arrived="ja", checked=17),),
        meetings=(Meeting(
            22, "gezamenlijk", "Kantoor Schuldhulp, Steenwijk",
            "Meneer vertelt dat hij bang is voor de brieven. De cliëntondersteuner van MEE "
            "heeft de post met hem gesorteerd. Schuldhulp legt uit hoe het traject gaat. "
            "Meneer hoeft niet nog eens alles op te sturen.",
            parties=("Schuldhulp Kop van Overijssel", "MEE cliëntondersteuning"),
            agreements=(
                Agreement("Schuldhulp houdt het eerste gesprek voor het plan van aanpak.", 30,
                          "Schuldhulp Kop van Overijssel", status="nagekomen", checked=31),
                Agreement("Elke week de post meenemen naar MEE.", 60,
                          owner="inwoner", status="nagekomen", checked=60),
                Agreement("Schuldhulp doet een voorstel voor budgetbeheer.", 66,
                          "Schuldhulp Kop van Overijssel"),
            ),
        ),),
        requests=(Request(
            67, "Schuldhulp Kop van Overijssel", "voorstel",
            "De inwoner wacht op het voorstel voor budgetbeheer dat u in ons overleg "
            "toezegde. Wilt u hier uw voorstel en de startdatum sturen?"),),
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
            Entry(9, "telefoon", "Jesse wil zelf beslissen wat er gedeeld wordt",
                  "Jesse is 18. Hij trekt de toestemming in die zijn moeder gaf voor Zorggroep "
                  "Noordwest: hij wil eerst zelf met zijn begeleider praten. Voor het "
                  "Wmo-team geeft hij zelf toestemming."),
        ),
        decisions=(Decision(1, "Jeugdteam", "Jeugdhulp (begeleiding) stopt bij 18 jaar",
                            made_known=-14, objection_filed=2),),
        parties=(Party(1, "Jeugdteam", "Jeugdhulp tot 18 jaar", *JEUGDTEAM),
                 Party(1, "Wmo-team", "Begeleiding vanaf 18 jaar", *WMO),
                 Party(1, "Zorggroep Noordwest", "Levert de begeleiding",
                       "Sandra Wiersma, teamleider begeleiding",
                       "begeleiding@zorggroepnoordwest.example", "0521 00 33 44")),
        consents=(
            Consent(1, "Jeugdteam", "gesprek", "Overleg over de overgang naar 18 jaar.",
                    "Anja Dijkstra (moeder)", "schriftelijk"),
            Consent(1, "Wmo-team", "gesprek", "Overleg over de overgang naar 18 jaar.",
                    "Anja Dijkstra (moeder)", "schriftelijk"),
            Consent(1, "Zorggroep Noordwest", "informatie_delen",
                    "Het verhaal van moeder en de diagnose autisme.", "Anja Dijkstra (moeder)",
                    "schriftelijk", story=True, revoked=9),
            Consent(9, "Wmo-team", "informatie_delen",
                    "Wat nodig is voor het Wmo-onderzoek. Niet de verslagen van de "
                    "jeugdhulp.", "Jesse Dijkstra", story=True, contact=True),
        ),
        meetings=(Meeting(
            5, "gezamenlijk", "Gemeentehuis Steenwijk",
            "Jesse is 18 geworden en de jeugdhulp stopt. Het Wmo-onderzoek is nog niet "
            "begonnen. Jeugdteam en Wmo-team spreken af dat er geen gat mag vallen. Jesse zegt "
            "dat hij vooral een vaste begeleider wil.",
            parties=("Jeugdteam", "Wmo-team"), others="Anja Dijkstra (moeder)",
            agreements=(
                Agreement("Het jeugdteam verlengt de begeleiding met drie maanden.", 12,
                          "Jeugdteam", status="nagekomen", checked=12),
                Agreement("De gronden van het bezwaar sturen.", 30, owner="inwoner",
                          status="nagekomen", checked=28),
                Agreement("Het Wmo-team rondt het onderzoek naar begeleiding af en neemt een "
                          "besluit.", 47, "Wmo-team"),
            ),
        ),),
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
               Step(45, "nazorg"),
               Step(80, "afgesloten", "opgelost", avoided="ja", avoided_what="klacht",
                    minutes=180,
                    reason="de afspraken uit het gesprek staan in de afsluitbrief.")),
        entries=(
            Entry(0, "gesprek", "Gesprek op het spreekuur"),
            Entry(3, "telefoon", "Gebeld met Thuiszorg De Linde"),
            Entry(34, "telefoon", "Meneer belt: weer wisselende hulp"),
            Entry(79, "telefoon", "Nabellen: het gaat goed"),
        ),
        parties=(Party(3, "Thuiszorg De Linde", "Levert de huishoudelijke hulp", *DE_LINDE),),
        consents=(Consent(3, "Thuiszorg De Linde", "informatie_delen",
                          "Naam en adres, en dat meneer een vaste hulp wil.", "Klaas Vos",
                          story=True, contact=True),),
        meetings=(Meeting(
            44, "apart", "Kantoor Thuiszorg De Linde, Steenwijk",
            "De teamleider legt uit dat er deze zomer veel zieken waren. Zij ziet dat steeds "
            "een andere hulp voor meneer te zwaar is.",
            parties=("Thuiszorg De Linde",), resident_present=False,
            others="Teamleider huishoudelijke hulp",
            agreements=(Agreement("De Linde geeft meneer een vaste hulp en één vaste "
                                  "vervanger.", 52, "Thuiszorg De Linde", status="nagekomen",
                                  checked=79),),
        ),),
        survey=Survey(84, "ja", "ja", 10, "Nu komt er elke week dezelfde hulp."),
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
                    "Warme overdracht aan MEE; MEE bevestigt het eerste gesprek.",
                    avoided="onbekend", minutes=90,
                    reason="MEE bevestigde de overdracht; wij gaan op de nagaandatum na of "
                           "het eerste gesprek er was.")),
        entries=(
            Entry(5, "gesprek", "Gesprek met mevrouw Meijer"),
            Entry(11, "telefoon", "Overdracht aan MEE besproken"),
        ),
        parties=(Party(11, "MEE cliëntondersteuning", "Cliëntondersteuning mantelzorger",
                       *MEE),),
        consents=(Consent(11, "MEE cliëntondersteuning", "warme_overdracht",
                          "Naam, e-mail en dat mevrouw respijtzorg zoekt voor de zorg voor haar "
                          "zus.", "Ineke Meijer", "digitaal", story=True, contact=True),),
        referrals=(Referral(
            12, "clientondersteuning", check=26, organisation="MEE cliëntondersteuning",
            handover="Mevrouw zorgt al zes jaar voor haar zus en kan niet meer. Zij zoekt "
            "respijtzorg en wil weten wat de Wmo kan doen.", arrived="ja", checked=26),),
        survey=Survey(16, "ja", "deels", 8, "Ik weet nu bij wie ik moet zijn."),
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
        steps=(Step(21, "afgesloten", "geen_contact", "Geen reactie op twee berichten.",
                    avoided="onbekend", minutes=15),),
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
                    "Nieuw gesprek met andere consulent; vervoer nog niet geregeld.",
                    avoided="ja", avoided_what="klacht", minutes=200)),
        entries=(
            Entry(2, "telefoon", "Gesprek met mevrouw Hofman"),
            Entry(20, "bijeenkomst", "Nieuw keukentafelgesprek, ombudsfunctionaris aanwezig"),
        ),
    ),
]
