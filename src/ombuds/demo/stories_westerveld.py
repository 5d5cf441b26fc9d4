"""Demo cases of Westerveld (variant 5: luisterend oor, bemiddeling en klachtbehandeling).

Several of these turn into a formal complaint (Awb chapter 9) that the ombudsperson handles
with hoor en wederhoor and a written judgment: one on every path of the procedure (each
judgment, settled informally, not handled, postponed, delayed with consent, and open ones in
the hearing and findings stages). The complaint is opened by the move into ``klacht``.
"""

from __future__ import annotations

from datetime import date

from ombuds.demo.data import WSV
from ombuds.demo.spec import (
    Agreement,
    Application,
    Complaint,
    Consent,
    Decision,
    DemoCase,
    Element,
    Entry,
    Hearing,
    Letter,
    Meeting,
    Party,
    Referral,
    Request,
    Resident,
    Step,
    Survey,
)

HANDLER = "ombudsman-westerveld"

# Contact persons at the parties (fictional).
WMO = ("Mark de Jong, Wmo-consulent", "m.dejong@westerveld.example", "14 0521")
JEUGDTEAM = ("Loes Hendriks, jeugdconsulent", "l.hendriks@westerveld.example", "14 0521")
ZORGGROEP = ("Sandra Wiersma, teamleider begeleiding", "begeleiding@zorggroepnoordwest.example",
             "0521 00 33 44")
DE_KOP = ("Wendy Bos, woonconsulent", "huurders@woonstichtingdekop.example", "0521 00 77 88")

CASES = [
    DemoCase(
        key="wsv-traplift-bezwaar", municipality=WSV, opened_days_ago=100, channel="telefoon",
        resident=Resident("Roelof Dekker", date(1944, 5, 19), "Dwingeloo", "Brink 7",
                          "7991 CG", phone="0521 00 02 09", preferred_channel="telefoon",
                          accessibility_needs="Loopt moeilijk: afspraken graag bij hem thuis."),
        title="Traplift afgewezen, bezwaar duurt lang",
        story="Ik kan de trap niet meer op. Ik slaap nu beneden in de kamer. De gemeente wil "
        "geen traplift, ik moet maar verhuizen. Ik woon hier al vijftig jaar. Ik wil bezwaar "
        "maken, maar ik weet niet hoe.",
        wish="Hulp bij het bezwaar, en dat ik in mijn eigen huis kan blijven.",
        domains=("wmo",), themes=("Hulpmiddelen",), organisations=("Wmo-team",),
        assignee=HANDLER,
        steps=(Step(2, "intake"), Step(21, "bemiddeling")),
        entries=(
            Entry(2, "telefoon", "Gesprek met meneer Dekker over de traplift",
                  "Het besluit is ruim vier weken geleden verzonden; de bezwaartermijn loopt "
                  "nog bijna twee weken. Afgesproken: samen bij hem thuis een bezwaar schrijven."),
            Entry(9, "gesprek", "Bezwaarschrift samen geschreven bij meneer thuis",
                  "Meneer doet het zelf aangetekend op de post; hij bewaart het bewijs."),
            Entry(11, "notitie", "Bezwaar aangetekend op de post gedaan",
                  "Kopie van het bewijs van verzending in het dossier."),
            Entry(20, "email_in", "Gemeente: bezwaar ontvangen na de termijn",
                  "De gemeente ontving het bezwaar na de laatste dag. Het is vóór het einde op "
                  "de post gedaan en binnen een week ontvangen, dus op tijd (Awb 6:9 lid 2). "
                  "Het bewijs van verzending is naar de gemeente gestuurd."),
            Entry(50, "email_in", "Gemeente verdaagt de beslissing op het bezwaar",
                  "Zes weken uitstel (Awb 7:10 lid 3), verstuurd voordat de termijn eindigde."),
            Entry(88, "telefoon", "Meneer stemt in met verder uitstel",
                  "De gemeente wil eerst een ergotherapeut bij meneer thuis laten kijken. "
                  "Meneer gaat schriftelijk akkoord met verder uitstel van de beslissing "
                  "(Awb 7:10 lid 4); hij wil liever een goed besluit dan een snel nee."),
        ),
        decisions=(Decision(2, "Wmo-team", "Traplift afgewezen: verhuizen naar een "
                            "gelijkvloerse woning", made_known=-30, objection_posted=11,
                            objection_filed=18, postponed=50, consent=(88, 122)),),
        parties=(Party(21, "Wmo-team", "Besluit over de traplift en het bezwaar", *WMO),),
        consents=(Consent(21, "Wmo-team", "informatie_delen",
                          "Dat meneer de trap niet meer op kan en in zijn huis wil blijven.",
                          "Roelof Dekker", story=True),),
    ),
    DemoCase(
        key="wsv-regiotaxi", municipality=WSV, opened_days_ago=2, channel="web",
        resident=Resident("Geesje Oosting", date(1948, 6, 2), "Dwingeloo",
                          phone="0521 00 02 01", easy_language=True),
        title="Regiotaxi komt steeds te laat",
        story="De taxi naar de dagbesteding komt vaak een uur te laat. Soms komt hij niet. "
        "Dan zit ik klaar met mijn jas aan. Ik bel de taxi, maar ze weten van niets.",
        wish="Dat de taxi op tijd komt.",
        domains=("wmo",), themes=("Zorgaanbieder komt afspraken niet na",),
        organisations=("Sociaal team Westerveld",), assignee=None,
        entries=(Entry(0, "notitie", "Webformulier ontvangen, mevrouw wil gebeld worden",
                       by="secretariaat", body="Liefst na 10 uur; eenvoudige taal."),),
    ),
    DemoCase(
        key="wsv-minder-uren", municipality=WSV, opened_days_ago=5, channel="telefoon",
        resident=Resident("Jan Kleine", date(1943, 1, 28), "Diever", "Bosweg 11", "7981 AA",
                          phone="0521 00 02 02"),
        title="Minder uren huishoudelijke hulp",
        story="Zorggroep Noordwest zegt dat ik vanaf volgende maand maar één uur per week "
        "krijg in plaats van twee. Ik heb daar geen brief van de gemeente over gehad.",
        wish="Dat het blijft zoals het was, tot de gemeente anders beslist.",
        domains=("wmo",), themes=("Huishoudelijke hulp",),
        organisations=("Zorggroep Noordwest", "Wmo-team"), assignee=HANDLER,
        entries=(Entry(1, "telefoon", "Meneer Kleine teruggebeld",
                       "Hij heeft geen brief van de gemeente gehad. Afgesproken: wij vragen de "
                       "beschikking op bij het Wmo-team."),
                 Entry(1, "notitie", "Beschikking opgevraagd bij Wmo-team"),
                 Entry(3, "email_in", "Wmo-team stuurt een kopie van de beschikking",
                       "De beschikking is volgens het Wmo-team acht dagen vóór ons eerste "
                       "gesprek verzonden. Meneer heeft hem nooit gekregen, maar de "
                       "bezwaartermijn loopt vanaf de verzending (Awb 6:8).")),
        decisions=(Decision(3, "Wmo-team", "Huishoudelijke hulp verlaagd van 2 naar 1 uur "
                            "per week", made_known=-8),),
    ),
    DemoCase(
        key="wsv-zorgboerderij", municipality=WSV, opened_days_ago=15, channel="email",
        resident=Resident("Berend Zwiers", date(1976, 8, 30), "Vledder",
                          email="b.zwiers@mail.example", preferred_channel="email"),
        title="Vrijwilligersvergoeding verrekend met bijstand",
        story="Ik doe vrijwilligerswerk op een zorgboerderij en krijg daar 80 euro per maand "
        "voor. De gemeente haalt dat nu van mijn bijstand af. Volgens mij mag dat niet.",
        wish="Dat de verrekening stopt en ik het geld terugkrijg.",
        domains=("participatie",), themes=("Uitkering",), organisations=("Werk en Inkomen",),
        assignee=HANDLER, steps=(Step(3, "intake"),),
        entries=(Entry(1, "email_uit", "Meneer gemaild: graag een kopie van het besluit",
                       sent_to_resident=True),
                 Entry(3, "email_in", "Kopie besluit ontvangen van meneer",
                       attachments=(("besluit-verrekening.txt",
                                     "Besluit: verrekening inkomsten vrijwilligerswerk.\n"),)),),
        decisions=(Decision(3, "Werk en Inkomen", "Vrijwilligersvergoeding verrekend met de "
                            "bijstand", made_known=-3),),
    ),
    DemoCase(
        key="wsv-inrichting", municipality=WSV, opened_days_ago=10, channel="inloop",
        resident=Resident("Yonas Tesfay", date(1995, 3, 17), "Havelte", phone="06 0000 0201",
                          interpreter_language="Tigrinya", preferred_channel="persoonlijk"),
        title="Lening inrichting woning te laag",
        story="Ik heb een huis gekregen. Ik kreeg een lening voor de inrichting, maar het is "
        "niet genoeg voor een bed en een koelkast. Ik slaap op de grond. Ik begrijp de brief "
        "niet goed.",
        wish="Uitleg in mijn taal en genoeg voor de basis.",
        domains=("participatie",), themes=("Uitkering",),
        organisations=("Werk en Inkomen", "Sociaal team Westerveld"),
        registered_by="ombudsman-westerveld", assignee=HANDLER,
        steps=(Step(0, "intake"),),
        entries=(Entry(0, "gesprek", "Gesprek met tolk Tigrinya op het spreekuur",
                       "Het besluit over de lening is ruim acht weken geleden verzonden; de "
                       "bezwaartermijn is voorbij. Meneer kon de brief niet lezen. Nagaan of "
                       "een laat bezwaar toch kan (verschoonbaar, Awb 6:11) en of een "
                       "aanvullende aanvraag sneller is."),
                 Entry(1, "gesprek", "Bezwaar samen geschreven en afgegeven aan de balie",
                       "Het bezwaar is te laat. In het bezwaar staat waarom: meneer kon de "
                       "brief niet lezen en niemand heeft hem die uitgelegd. De gemeente kan het "
                       "dan toch behandelen (Awb 6:11).")),
        decisions=(Decision(0, "Werk en Inkomen", "Lening inrichtingskosten toegekend voor een "
                            "te laag bedrag", made_known=-55, objection_filed=1,
                            lateness_reason="Meneer leest geen Nederlands; de brief was niet "
                            "vertaald en niemand heeft hem uitgelegd wat erin stond. Hij kwam "
                            "naar het spreekuur zodra hij hoorde dat het om een besluit ging."),),
    ),
    DemoCase(
        key="wsv-dagbehandeling", municipality=WSV, opened_days_ago=35, channel="telefoon",
        resident=Resident("Emma Lubbers", date(2014, 11, 5), "Uffelte"),
        representative=Resident("Karin Lubbers", phone="06 0000 0202"),
        relation="ouder",
        title="Dagbehandeling dochter ver weg, vervoer niet geregeld",
        story="Onze dochter kan naar de dagbehandeling in Assen. Maar de gemeente betaalt het "
        "vervoer niet. Ik werk en kan haar niet elke dag brengen. Nu gaat ze dus niet.",
        wish="Vervoer naar de dagbehandeling.",
        domains=("jeugd",), themes=("Wachtlijst jeugdhulp",), organisations=("Jeugdteam",),
        assignee="ombudsman",
        steps=(Step(2, "intake"), Step(6, "bemiddeling")),
        entries=(Entry(2, "telefoon", "Gesprek met moeder"),
                 Entry(33, "telefoon", "Moeder gebeld: bezwaartermijn loopt bijna af",
                       "Het jeugdteam heeft nog niet gereageerd. Bemiddelen schort de termijn "
                       "niet op: advies om nu een pro-forma bezwaar te sturen.")),
        decisions=(Decision(2, "Jeugdteam", "Vervoer naar de dagbehandeling in Assen "
                            "afgewezen", made_known=-6),),
        parties=(Party(6, "Jeugdteam", "Besluit over het vervoer", *JEUGDTEAM),),
        consents=(Consent(6, "Jeugdteam", "informatie_delen",
                          "Het verhaal van moeder over het vervoer, en het besluit.",
                          "Karin Lubbers (moeder)", story=True),),
        # Never answered: the link has expired by the day of loading.
        requests=(Request(
            6, "Jeugdteam", "reactie",
            "Het vervoer naar de dagbehandeling in Assen is afgewezen. De ouder werkt en kan "
            "het kind niet elke dag brengen. Is er een andere oplossing, bijvoorbeeld vervoer "
            "voor een deel van de week?", valid_days=21),),
        referrals=(Referral(33, "bezwaar", check=40,
                            organisation="Bezwaarschriftencommissie Westerveld"),),
    ),
    DemoCase(
        key="wsv-begeleiding-zoon", municipality=WSV, opened_days_ago=50, channel="verwijzing",
        referred_by="Huisarts, Huisartsenpraktijk Havelte",
        resident=Resident("Ruben Stoker", date(2001, 4, 12), "Havelte"),
        representative=Resident("Hennie Stoker", date(1969, 12, 12), "Havelte",
                                phone="06 0000 0203"),
        relation="mantelzorger",
        title="Zoon zonder begeleiding na verhuizing",
        story="Mijn zoon van 24 woont sinds kort zelfstandig. Zijn begeleiding van Zorggroep "
        "Noordwest is gestopt omdat hij in een andere gemeente woont. Hier moet alles "
        "opnieuw. Hij eet niet goed en betaalt zijn rekeningen niet.",
        wish="Snel weer begeleiding.",
        domains=("wmo",), themes=("Wachttijd",),
        organisations=("Zorggroep Noordwest", "Wmo-team"),
        sensitive_details="Licht verstandelijke beperking.", assignee=HANDLER,
        steps=(Step(3, "intake"), Step(7, "bemiddeling")),
        entries=(Entry(3, "gesprek", "Huisbezoek bij moeder en zoon", sensitive=True,
                       body="Zoon heeft moeite met plannen; post ligt ongeopend."),
                 Entry(7, "telefoon", "Gebeld met Wmo-team over spoedindicatie"),
                 Entry(45, "telefoon", "Moeder gebeld: de beslistermijn is voorbij",
                       "Het Wmo-team had twee weken voor het besluit. Uitgelegd wat een "
                       "ingebrekestelling is en wat daarna kan (dwangsom, beroep bij de "
                       "rechter). Moeder denkt erover na; eerst nog één keer navragen.")),
        parties=(Party(3, "Wmo-team", "Spoedindicatie begeleiding", *WMO),
                 Party(3, "Zorggroep Noordwest", "Begeleiding in de vorige gemeente",
                       *ZORGGROEP)),
        consents=(
            Consent(3, "Wmo-team", "informatie_delen",
                    "Dat Ruben hulp nodig heeft bij plannen, post en geld. De diagnose alleen "
                    "in het kort.", "Ruben Stoker", story=True, contact=True),
            Consent(3, "Zorggroep Noordwest", "informatie_opvragen",
                    "Navragen welke begeleiding Ruben in zijn vorige gemeente had.",
                    "Ruben Stoker"),
        ),
        meetings=(Meeting(
            14, "apart", "Telefonisch",
            "Gesprek met de Wmo-consulent. Het Wmo-team wil Ruben met spoed zien. Tot het "
            "besluit er is, kan Zorggroep Noordwest tijdelijk begeleiding geven.",
            parties=("Wmo-team",), resident_present=False,
            agreements=(
                Agreement("Het Wmo-team doet een huisbezoek en neemt binnen twee weken een "
                          "besluit over begeleiding.", 28, "Wmo-team", status="gewijzigd",
                          checked=30, new_due=52,
                          note="Huisbezoek geweest; het besluit wacht op een brief van de "
                          "huisarts."),
                Agreement("Zorggroep Noordwest geeft tijdelijk twee keer per week "
                          "begeleiding.", 21, "Zorggroep Noordwest", status="nagekomen",
                          checked=22),
            ),
        ),),
        requests=(Request(
            44, "Wmo-team", "reactie",
            "Het besluit over de begeleiding wacht op een brief van de huisarts. Is die "
            "brief binnen, en wanneer neemt u het besluit?"),),
        # The report of need was investigated at the home visit; the application that followed
        # has waited past its two weeks (Wmo 2015 art. 2.3.5). No notice of default yet.
        applications=(
            Application(7, "wmo_melding", "Wmo-team", "Begeleiding (spoed)", submitted=7,
                        decided=14),
            Application(16, "wmo_aanvraag", "Wmo-team", "Begeleiding", submitted=16),
        ),
    ),
    DemoCase(
        key="wsv-drempels", municipality=WSV, opened_days_ago=80, channel="brief",
        resident=Resident("Albert Hulst", date(1952, 10, 10), "Frederiksoord",
                          "Majoor van Swietenlaan 3", "8382 CE", preferred_channel="post"),
        title="Drempels en douche: niemand wil betalen",
        story="Ik zit in een rolstoel. In mijn huurhuis zitten drempels en de douche heeft "
        "een bak. De corporatie en de gemeente zeggen allebei dat de ander moet betalen.",
        wish="Een huis waar ik in kan rijden.",
        domains=("wonen", "wmo"), themes=("Woningaanpassing",),
        organisations=("Woonstichting De Kop", "Wmo-team"), assignee=HANDLER,
        steps=(Step(5, "intake"), Step(10, "bemiddeling"), Step(40, "nazorg")),
        parties=(Party(10, "Woonstichting De Kop", "Verhuurder", *DE_KOP),
                 Party(10, "Wmo-team", "Besluit over de douche", *WMO)),
        consents=(
            Consent(10, "Woonstichting De Kop", "gesprek",
                    "Overleg van gemeente en corporatie over drempels en douche.",
                    "Albert Hulst", "schriftelijk"),
            Consent(10, "Wmo-team", "gesprek",
                    "Overleg van gemeente en corporatie over drempels en douche.",
                    "Albert Hulst", "schriftelijk"),
            Consent(10, "Woonstichting De Kop", "informatie_delen",
                    "Dat meneer in een rolstoel zit en wat hij in huis nodig heeft.",
                    "Albert Hulst", "schriftelijk", story=True, contact=True),
        ),
        meetings=(
            Meeting(
                10, "gezamenlijk", "Gemeentehuis Diever",
                "Eerste overleg. De corporatie vindt de douche een Wmo-voorziening. De gemeente "
                "vindt dat de verhuurder eerst moet kijken. Beiden zoeken uit wat hun eigen "
                "regels zeggen.",
                parties=("Woonstichting De Kop", "Wmo-team"), resident_present=False),
            Meeting(
                40, "gezamenlijk", "Bij meneer thuis in Frederiksoord",
                "Gemeente en corporatie kijken met meneer in huis. Meneer laat zien waar hij "
                "met zijn rolstoel vastloopt. Het pro-forma bezwaar blijft staan tot de "
                "douche er is.",
                parties=("Woonstichting De Kop", "Wmo-team"),
                agreements=(
                    Agreement("De corporatie haalt de drempels weg.", 68,
                              "Woonstichting De Kop", status="nagekomen", checked=66),
                    Agreement("Het Wmo-team stuurt een nieuw besluit: de gemeente betaalt de "
                              "douche.", 75, "Wmo-team"),
                    Agreement("De corporatie laat de douche plaatsen.", 96,
                              "Woonstichting De Kop"),
                    Agreement("De ombudsfunctie belt meneer als de douche er is.", 98,
                              owner="ombudsfunctie"),
                ),
            ),
        ),
        letters=(Letter(5, "ontvangstbevestiging"),),
        decisions=(Decision(10, "Wmo-team", "Aanpassing douche afgewezen: eerst de verhuurder",
                            made_known=-5, objection_filed=9, committee=True),),
    ),
    DemoCase(
        key="wsv-klacht-consulent", municipality=WSV, opened_days_ago=60, channel="email",
        resident=Resident("Petra Mensink", date(1981, 7, 21), "Dwingeloo",
                          email="p.mensink@mail.example", preferred_channel="email"),
        title="Klacht over consulent sociaal team",
        story="De consulent zei tegen mij dat ik 'eerst maar eens moest afvallen' voordat ik "
        "hulp kreeg. Dat vond ik vernederend. Ik wil dat hier officieel naar gekeken wordt.",
        wish="Een formele klacht en excuses.",
        domains=("overig",), themes=("Bejegening",),
        organisations=("Sociaal team Westerveld",), assignee=HANDLER,
        steps=(Step(2, "intake"), Step(5, "klacht", note="Mevrouw wil een formele klacht.")),
        entries=(Entry(2, "telefoon", "Gesprek met mevrouw Mensink"),
                 Entry(6, "brief", "Ontvangstbevestiging klacht (Awb 9:6)",
                       sent_to_resident=True),
                 Entry(40, "brief", "Verdaging: oordeel uiterlijk vier weken later (Awb 9:11)",
                       sent_to_resident=True)),
        complaints=(Complaint(
            "Vernederende opmerking van de consulent", received=4, conduct_on=-10,
            conduct="Tijdens het keukentafelgesprek zei de consulent dat mevrouw 'eerst maar "
            "eens moest afvallen' voordat zij hulp kreeg.",
            respondent=("Sociaal team Westerveld", "Team Wmo", "consulent Wmo"),
            acknowledged=6, copy_sent=8, hearing=Hearing(invited=38), postponed=40),),
        letters=(Letter(6, "klacht_ontvangst"), Letter(8, "klacht_afschrift"),
                 Letter(38, "klacht_horen"), Letter(40, "klacht_verdaging")),
    ),
    DemoCase(
        key="wsv-beslagvrije-voet", municipality=WSV, opened_days_ago=75, channel="inloop",
        resident=Resident("Erik Wolters", date(1983, 2, 2), "Vledder", phone="06 0000 0204",
                          street="Brink 12", postcode="8381 AB"),
        representative=Resident("Bewindvoering Drenthe-Noord", email="info@bewind.example"),
        relation="wettelijk_vertegenwoordiger",
        title="Klacht: beslag zonder rekening met beslagvrije voet",
        story="De gemeente heeft beslag gelegd op mijn uitkering. Ze hielden geen rekening "
        "met de beslagvrije voet. Ik hield 200 euro over voor de hele maand.",
        wish="Het te veel ingehouden geld terug, en dat het niet nog eens gebeurt.",
        domains=("schulden", "participatie"), themes=("Beslag",),
        organisations=("Werk en Inkomen",), registered_by="ombudsman-westerveld",
        assignee=HANDLER,
        steps=(Step(0, "intake"), Step(3, "bemiddeling"),
               Step(20, "klacht", note="Geld teruggestort; meneer wil toch een oordeel."),
               Step(28, "hoor_wederhoor")),
        entries=(Entry(0, "gesprek", "Gesprek op het spreekuur met bewindvoerder"),
                 Entry(19, "email_in", "Werk en Inkomen stort 410 euro terug"),
                 Entry(35, "bijeenkomst", "Hoorzitting met meneer en teamleider W&I",
                       "Verslag van de hoorzitting volgt.")),
        complaints=(Complaint(
            "Beslag zonder rekening met de beslagvrije voet", received=20, conduct_on=-5,
            conduct="Werk en Inkomen legde beslag op de uitkering en hield geen rekening met "
            "de beslagvrije voet; meneer hield 200 euro over voor een maand.",
            respondent=("Werk en Inkomen", "Team Invordering", "medewerker invordering"),
            acknowledged=21, copy_sent=22,
            # Heard; the report is still being written.
            hearing=Hearing(invited=28, day=35,
                            heard="Meneer, zijn bewindvoerder en de teamleider Werk en Inkomen"),
            postponed=55),),
        letters=(Letter(21, "klacht_ontvangst"), Letter(28, "klacht_horen"),
                 Letter(55, "klacht_verdaging")),
    ),
    DemoCase(
        key="wsv-wmo-geen-reactie", municipality=WSV, opened_days_ago=100, channel="telefoon",
        resident=Resident("Willemien Bakker", date(1957, 9, 9), "Diever",
                          phone="0521 00 02 05", street="Hoofdstraat 21", postcode="7981 AA"),
        title="Klacht: maanden geen reactie op Wmo-aanvraag",
        story="Ik heb in het voorjaar een aanvraag gedaan voor begeleiding. Ik heb drie keer "
        "gebeld en twee keer gemaild. Ik kreeg nooit antwoord. Ik wil een klacht indienen.",
        wish="Dat de gemeente erkent dat dit niet goed ging.",
        domains=("wmo",), themes=("Wachttijd",), organisations=("Wmo-team",),
        assignee=HANDLER,
        steps=(Step(1, "intake"), Step(3, "klacht"), Step(12, "hoor_wederhoor"),
               Step(40, "oordeel")),
        entries=(Entry(3, "brief", "Ontvangstbevestiging klacht (Awb 9:6)",
                       sent_to_resident=True),
                 Entry(25, "bijeenkomst", "Hoorzitting"),
                 Entry(38, "document", "Verslag hoorzitting",
                       attachments=(("verslag-hoorzitting.txt",
                                     "Verslag hoorzitting klacht Wmo-aanvraag.\n"),)),
                 Entry(70, "telefoon", "Mevrouw stemt in met een later oordeel",
                       "De reactie van het Wmo-team op het verslag kwam laat. Mevrouw gaat "
                       "schriftelijk akkoord met verder uitstel (Awb 9:11 lid 2).")),
        complaints=(Complaint(
            "Maanden geen reactie op Wmo-aanvraag en berichten", received=3, conduct_on=-30,
            conduct="Mevrouw belde drie keer en mailde twee keer over haar aanvraag voor "
            "begeleiding; zij kreeg nooit antwoord.",
            respondent=("Wmo-team", "Toegang Wmo", ""),
            acknowledged=3, copy_sent=4,
            hearing=Hearing(invited=12, day=25, reported=38,
                            heard="Mevrouw Bakker en de teamleider van het Wmo-team",
                            report="Mevrouw vertelt dat zij na haar aanvraag niets meer hoorde. "
                            "De teamleider erkent dat de aanvraag door een ziekmelding is "
                            "blijven liggen en dat berichten niet zijn doorgezet."),
            postponed=40, consent=(70, 101),
            # Writing the findings: the first element is judged, the second not yet.
            judged=75, elements=(
                Element("Mevrouw kreeg maanden geen antwoord op haar aanvraag.", "gegrond",
                        "De aanvraag is vier maanden blijven liggen; de wettelijke termijn is "
                        "acht weken."),
                Element("Haar telefoontjes en e-mails zijn niet beantwoord."),
            )),),
        letters=(Letter(3, "klacht_ontvangst"), Letter(12, "klacht_horen"),
                 Letter(38, "klacht_hoorverslag"), Letter(40, "klacht_verdaging")),
    ),
    DemoCase(
        key="wsv-busje-vergat-kind", municipality=WSV, opened_days_ago=240, channel="brief",
        resident=Resident("Bram Roelofs", date(2012, 2, 29), "Wapse", street="Bosweg 3",
                          postcode="7986 PD"),
        representative=Resident("Linda Roelofs", phone="06 0000 0205"),
        relation="ouder",
        title="Klacht: leerlingenvervoer vergat ons kind",
        story="Het busje van het leerlingenvervoer is ons kind twee keer vergeten. Hij stond "
        "een uur in de kou bij school. Niemand belde ons. De gemeente zegt dat het aan de "
        "vervoerder ligt.",
        wish="Erkenning en betere afspraken met de vervoerder.",
        domains=("onderwijs",), themes=("Leerlingenvervoer",),
        organisations=("KCC Westerveld",), assignee=HANDLER,
        steps=(Step(2, "intake"), Step(4, "klacht"), Step(14, "hoor_wederhoor"),
               Step(35, "oordeel"), Step(50, "afgesloten", "gegrond",
                                        "De gemeente blijft verantwoordelijk voor het vervoer.",
                                        avoided="nee", minutes=900)),
        entries=(Entry(4, "brief", "Ontvangstbevestiging klacht (Awb 9:6)",
                       sent_to_resident=True),
                 Entry(28, "bijeenkomst", "Hoorzitting met ouders en gemeente"),
                 Entry(50, "brief", "Oordeel: klacht gegrond; verwijzing Nationale ombudsman",
                       sent_to_resident=True)),
        complaints=(Complaint(
            "Leerlingenvervoer vergat ons kind twee keer", received=4, conduct_on=-10,
            conduct="Het busje van het leerlingenvervoer haalde Bram twee keer niet op bij "
            "school; niemand liet de ouders iets weten.",
            respondent=("KCC Westerveld", "Leerlingenvervoer", "beleidsmedewerker "
                        "leerlingenvervoer"),
            acknowledged=4, copy_sent=5,
            hearing=Hearing(invited=14, day=28, reported=30,
                            heard="Beide ouders, de beleidsmedewerker leerlingenvervoer en de "
                            "planner van de vervoerder",
                            report="De vervoerder erkent dat de chauffeur een nieuwe route "
                            "reed en Bram twee keer heeft overgeslagen. De gemeente wist "
                            "ervan, maar belde de ouders niet."),
            postponed=40, judged=48,
            elements=(
                Element("Het busje liet Bram twee keer bij school staan.", "gegrond",
                        "De vervoerder erkent dit. De gemeente heeft het vervoer ingekocht en "
                        "blijft ervoor verantwoordelijk."),
                Element("Niemand belde de ouders.", "gegrond",
                        "De gemeente wist het dezelfde middag en had de ouders moeten bellen."),
            ),
            findings="Bram is op twee dagen niet opgehaald. De gemeente wist het, maar liet "
            "het aan de vervoerder over.",
            conclusions="De klacht is gegrond. De gemeente blijft verantwoordelijk voor het "
            "vervoer dat zij inkoopt.",
            measures="De gemeente maakt met de vervoerder de afspraak dat ouders binnen een "
            "kwartier gebeld worden als een rit niet doorgaat, en biedt excuses aan."),),
        letters=(Letter(4, "klacht_ontvangst"), Letter(14, "klacht_horen"),
                 Letter(30, "klacht_hoorverslag"), Letter(40, "klacht_verdaging"),
                 Letter(50, "klacht_oordeel")),
    ),
    DemoCase(
        key="wsv-toon-brieven", municipality=WSV, opened_days_ago=320, channel="email",
        resident=Resident("Jacob Nijboer", date(1964, 3, 30), "Havelte",
                          email="j.nijboer@mail.example"),
        title="Klacht over dreigende toon in brieven",
        story="De brieven van Werk en Inkomen dreigen steeds met een boete. Ik doe alles wat "
        "ze vragen. Ik word er bang van.",
        wish="Gewone brieven zonder dreigen.",
        domains=("participatie",), themes=("Bejegening",),
        organisations=("Werk en Inkomen",), assignee="ombudsman",
        steps=(Step(3, "intake"), Step(8, "bemiddeling"), Step(20, "klacht"),
               Step(30, "hoor_wederhoor"), Step(50, "oordeel"),
               Step(62, "afgesloten", "ongegrond",
                    "Brieven volgen de wet; wel aanbeveling voor eenvoudiger taal.",
                    avoided="nee", minutes=720)),
        entries=(Entry(8, "email_uit", "Vraag aan Werk en Inkomen"),
                 Entry(40, "bijeenkomst", "Hoorzitting"),
                 Entry(62, "brief", "Oordeel verstuurd, met de termijn voor de Nationale "
                       "ombudsman", sent_to_resident=True)),
        complaints=(Complaint(
            "Dreigende toon in brieven van Werk en Inkomen", received=20, conduct_on=-20,
            conduct="Elke brief over de inlichtingenplicht noemt een boete, ook als meneer "
            "alles op tijd heeft gestuurd.",
            respondent=("Werk en Inkomen", "Team Inkomen", ""),
            acknowledged=21, copy_sent=22,
            hearing=Hearing(invited=30, day=40, reported=42,
                            heard="Meneer Nijboer en een consulent Werk en Inkomen",
                            report="Meneer vertelt dat hij bang wordt van de brieven. De "
                            "consulent legt uit dat de wet voorschrijft de gevolgen te noemen."),
            judged=60,
            elements=(
                Element("De brieven dreigen met een boete.", "ongegrond",
                        "De Participatiewet schrijft voor dat de gemeente wijst op de "
                        "gevolgen van het niet nakomen van de inlichtingenplicht."),
                Element("De gemeente schrijft onnodig streng.", "ongegrond",
                        "De brieven zijn zakelijk en noemen de boete één keer, in de "
                        "standaardtekst; er is geen persoonlijke dreiging."),
            ),
            findings="De brieven volgen de standaardtekst die de wet vraagt.",
            conclusions="De klacht is ongegrond.",
            measures="Aanbeveling: de standaardtekst in eenvoudiger taal, met eerst wat goed "
            "ging."),),
        letters=(Letter(21, "klacht_ontvangst"), Letter(30, "klacht_horen"),
                 Letter(62, "klacht_oordeel")),
    ),
    DemoCase(
        key="wsv-schuldhulp", municipality=WSV, opened_days_ago=200, channel="telefoon",
        resident=Resident("Annemarie Boer", date(1991, 8, 8), "Dwingeloo",
                          phone="06 0000 0206"),
        title="Schuldhulp start niet",
        story="Ik ben al drie maanden aangemeld bij schuldhulp. Ik krijg alleen maar brieven "
        "dat ik nog meer papieren moet sturen. Ik heb alles al gestuurd.",
        wish="Dat het traject begint.",
        domains=("schulden",), themes=("Schuldhulp wachttijd",),
        organisations=("Schuldhulp Kop van Overijssel",), assignee=HANDLER,
        steps=(Step(1, "intake"), Step(4, "bemiddeling"), Step(18, "nazorg"),
               Step(70, "afgesloten", "opgelost", avoided="ja", avoided_what="klacht",
                    minutes=160)),
        survey=Survey(74, "ja", "ja", 8, "Het traject is eindelijk begonnen."),
        entries=(Entry(4, "telefoon", "Gebeld met Schuldhulp"),
                 Entry(18, "notitie", "Afspraak: intake binnen 2 weken, papieren compleet"),
                 Entry(69, "telefoon", "Mevrouw zit in het traject")),
    ),
    DemoCase(
        key="wsv-hulp-niet-gekomen", municipality=WSV, opened_days_ago=160, channel="web",
        resident=Resident("Trijntje Hessels", date(1937, 12, 1), "Vledder",
                          phone="0521 00 02 07", street="Stationsweg 4", postcode="8381 BH"),
        title="Klacht: thuiszorg kwam niet tijdens vakantie",
        story="In de zomer kwam er drie weken geen hulp. Ik wil daar een klacht over indienen.",
        domains=("wmo",), themes=("Huishoudelijke hulp",),
        organisations=("Thuiszorg De Linde",), assignee=HANDLER,
        steps=(Step(2, "intake"), Step(5, "klacht"),
               Step(20, "afgesloten", "informeel_opgelost",
                    "Excuses en een vaste invaller; mevrouw is tevreden (Awb 9:5).",
                    avoided="ja", avoided_what="klacht", minutes=120)),
        entries=(Entry(15, "telefoon", "Gesprek met De Linde en mevrouw"),),
        # Solved to her satisfaction (Awb 9:5): the closing move records the day.
        complaints=(Complaint(
            "Drie weken geen thuiszorg tijdens de vakantie", received=5, conduct_on=-60,
            conduct="In de zomervakantie kwam er drie weken geen huishoudelijke hulp en geen "
            "bericht.",
            respondent=("Thuiszorg De Linde", "Huishoudelijke hulp", "planner"),
            acknowledged=6,
            settlement=(15, "De Linde biedt excuses aan en geeft mevrouw een vaste invaller "
                            "voor vakanties. Mevrouw is tevreden en wil geen verdere "
                            "behandeling.")),),
        letters=(Letter(6, "klacht_ontvangst"),),
    ),
    DemoCase(
        key="wsv-jeugdhulp-vertrouwenspersoon", municipality=WSV, opened_days_ago=380,
        channel="telefoon",
        resident=Resident("Mila de Wit", date(2009, 4, 4), "Diever", phone="06 0000 0207"),
        title="Jongere wil praten over haar jeugdhulp",
        story="Ik ben 16 en woon in een gezinshuis. Ik wil met iemand praten over hoe het "
        "daar gaat, maar niet met mijn begeleider.",
        wish="Iemand die alleen voor mij is.",
        domains=("jeugd",), organisations=("Vertrouwenspersoon jeugdhulp (AKJ)",),
        assignee=HANDLER,
        steps=(Step(1, "intake"),
               Step(4, "afgesloten", "verwezen",
                    "Warme overdracht aan de vertrouwenspersoon jeugdhulp (Jeugdwet 2.6).",
                    avoided="onbekend", minutes=75,
                    reason="de vertrouwenspersoon neemt het over; wij gaan daarna na of zij "
                           "is aangekomen.")),
        entries=(Entry(1, "telefoon", "Gesprek met Mila"),),
        parties=(Party(1, "Vertrouwenspersoon jeugdhulp (AKJ)", "Vertrouwenspersoon",
                       "Saskia Meijer, vertrouwenspersoon", phone="088 555 1000"),),
        consents=(Consent(1, "Vertrouwenspersoon jeugdhulp (AKJ)", "warme_overdracht",
                          "Naam en telefoonnummer van Mila, en dat zij wil praten over het "
                          "gezinshuis. Verder niets.", "Mila de Wit", contact=True),),
        referrals=(Referral(
            4, "vertrouwenspersoon_jeugd", check=18,
            organisation="Vertrouwenspersoon jeugdhulp (AKJ)",
            handover="Mila (16) wil praten over hoe het gaat in het gezinshuis, niet met haar "
            "begeleider. Zij wil zelf gebeld worden, na schooltijd.",
            arrived="ja", checked=19),),
    ),
    DemoCase(
        key="wsv-oude-klacht", municipality=WSV, opened_days_ago=270, channel="brief",
        resident=Resident("Gert Jan Prins", date(1959, 5, 5), "Uffelte",
                          preferred_channel="post", street="Dorpsstraat 9", postcode="7975 PB"),
        title="Klacht over gesprek van ruim een jaar geleden",
        story="Anderhalf jaar geleden ben ik slecht behandeld door een consulent. Ik wil daar "
        "nu alsnog een klacht over indienen.",
        domains=("overig",), themes=("Bejegening",), assignee=HANDLER,
        steps=(Step(2, "intake"), Step(3, "klacht"),
               Step(12, "afgesloten", "niet_behandeld",
                    "Gedraging langer dan een jaar geleden (Awb 9:8 lid 1 onder b).",
                    avoided="onbekend", minutes=60)),
        entries=(Entry(12, "brief", "Brief: klacht niet in behandeling, met uitleg",
                       sent_to_resident=True),),
        complaints=(Complaint(
            "Bejegening tijdens een gesprek anderhalf jaar geleden", received=2,
            conduct_on=-545,
            conduct="Meneer vond een consulent onbeleefd tijdens een gesprek over zijn "
            "uitkering.",
            respondent=("Werk en Inkomen", "Team Inkomen", "consulent"), acknowledged=3,
            not_handled=(11, "ouder_dan_een_jaar",
                         "Het gesprek was ruim anderhalf jaar voor de klacht. Wij hebben "
                         "meneer gebeld en uitgelegd dat hij ons altijd kan bellen als het nu "
                         "weer misgaat.")),),
        letters=(Letter(12, "klacht_niet_behandelen"),),
    ),
    DemoCase(
        key="wsv-keukentafel-zonder-tolk", municipality=WSV, opened_days_ago=130,
        channel="inloop",
        resident=Resident("Farida Haidari", date(1966, 1, 15), "Havelte", phone="06 0000 0208",
                          street="Kerkstraat 14", postcode="7971 CG",
                          interpreter_language="Dari", preferred_channel="persoonlijk"),
        title="Klacht: keukentafelgesprek zonder tolk",
        story="De consulent kwam voor het gesprek over hulp bij het douchen. Er was geen tolk. "
        "Mijn buurmeisje van 14 moest vertalen. Daarna duurde het lang voor ik iets hoorde.",
        wish="Een nieuw gesprek met een tolk.",
        domains=("wmo",), themes=("Bejegening",), organisations=("Wmo-team",),
        registered_by="ombudsman-westerveld", assignee=HANDLER,
        steps=(Step(1, "intake"), Step(3, "klacht"), Step(10, "hoor_wederhoor"),
               Step(30, "oordeel"),
               Step(40, "afgesloten", "deels_gegrond",
                    "Geen tolk: gegrond. Te laat besloten: ongegrond. Nieuw gesprek met tolk.",
                    avoided="nee", minutes=540)),
        entries=(Entry(1, "gesprek", "Gesprek met tolk Dari op het spreekuur"),),
        complaints=(Complaint(
            "Keukentafelgesprek zonder tolk", received=2, conduct_on=-30,
            conduct="Het gesprek over hulp bij het douchen ging zonder tolk; een buurmeisje "
            "van 14 vertaalde.",
            respondent=("Wmo-team", "Toegang Wmo", "consulent Wmo"),
            acknowledged=3, copy_sent=4,
            hearing=Hearing(invited=10, day=21, reported=23,
                            heard="Mevrouw Haidari (met tolk) en de consulent",
                            report="De consulent zegt dat zij een tolk had moeten regelen maar "
                            "dacht dat het buurmeisje goed genoeg vertaalde. Het besluit kwam "
                            "zeven weken na de aanvraag."),
            judged=36,
            elements=(
                Element("Er was geen tolk bij het keukentafelgesprek.", "gegrond",
                        "Een kind laten tolken bij een gesprek over persoonlijke verzorging "
                        "is niet zorgvuldig; de gemeente heeft een tolkenvoorziening."),
                Element("Het besluit kwam te laat.", "ongegrond",
                        "Het besluit kwam binnen de termijn van acht weken (Wmo 2015)."),
            ),
            findings="Het gesprek ging zonder tolk; het besluit kwam op tijd.",
            conclusions="De klacht is deels gegrond.",
            measures="Het Wmo-team voert het gesprek opnieuw, met een tolk, binnen twee weken, "
            "en vraagt voortaan bij de aanmelding of een tolk nodig is."),),
        letters=(Letter(3, "klacht_ontvangst"), Letter(4, "klacht_afschrift"),
                 Letter(10, "klacht_horen"), Letter(40, "klacht_oordeel")),
    ),
    DemoCase(
        key="wsv-opmerking-balie", municipality=WSV, opened_days_ago=190, channel="brief",
        resident=Resident("Klaas Dekker", date(1971, 6, 19), "Dwingeloo", "Brink 4", "7991 CG",
                          preferred_channel="post"),
        title="Klacht: kwetsende opmerking aan de balie",
        story="Aan de balie van het gemeentehuis zei een medewerker: 'mensen zoals u kosten de "
        "gemeente alleen maar geld'. Ik stond daar met mijn aanvraag voor bijzondere bijstand.",
        wish="Dat de gemeente zegt dat dit niet mag.",
        domains=("overig",), themes=("Bejegening",), organisations=("KCC Westerveld",),
        assignee=HANDLER,
        steps=(Step(1, "intake"), Step(2, "klacht"), Step(8, "hoor_wederhoor"),
               Step(26, "oordeel"),
               Step(34, "afgesloten", "geen_oordeel",
                    "Wat er gezegd is, is niet vast te stellen.", avoided="nee", minutes=420)),
        complaints=(Complaint(
            "Kwetsende opmerking aan de balie", received=2, conduct_on=-6,
            conduct="Een baliemedewerker zou hebben gezegd dat 'mensen zoals u de gemeente "
            "alleen maar geld kosten'.",
            respondent=("KCC Westerveld", "Balie gemeentehuis Diever", "baliemedewerker"),
            acknowledged=3, copy_sent=4,
            hearing=Hearing(invited=8, day=18, reported=19,
                            heard="Meneer Dekker, en apart de baliemedewerker",
                            report="Meneer herhaalt de opmerking. De medewerker herinnert zich "
                            "het gesprek, maar niet deze woorden. Er waren geen getuigen."),
            judged=32,
            elements=(
                Element("De baliemedewerker maakte een kwetsende opmerking.", "geen_oordeel",
                        "Meneer en de medewerker vertellen het verschillend en er waren geen "
                        "getuigen. Wat er gezegd is, kunnen wij niet vaststellen."),
            ),
            findings="Het gesprek aan de balie vond plaats; de woorden zijn niet vast te "
            "stellen.",
            conclusions="Wij geven geen oordeel. Wij nemen de ervaring van meneer wel serieus.",
            measures="Het KCC bespreekt in het teamoverleg hoe een medewerker een collega "
            "erbij haalt als een gesprek aan de balie oploopt."),),
        letters=(Letter(3, "klacht_ontvangst"), Letter(4, "klacht_afschrift"),
                 Letter(34, "klacht_oordeel")),
    ),
]
