"""Demo cases of Zwartewaterland (variant 6: the ombudsfunctie as second line).

The municipality handles complaints about itself first (Awb title 9.1). A resident may turn to
the ombudsfunctie once that handling has ended, or should have ended by its 9:11 term
(Awb 9:20 lid 1, 9:24 lid 1), and within a year after that. Registering the request opens it;
the toetsing decides whether it is admissible. The cases here show both sides: admissible
after the municipality's findings, admissible because its term passed without findings, and
not admissible because its term still runs, because the request came too late, or because the
resident never complained to the municipality first.
"""

from __future__ import annotations

from datetime import date

from ombuds.demo.data import ZWL
from ombuds.demo.spec import (
    Complaint,
    Decision,
    DemoCase,
    Element,
    Entry,
    Hearing,
    Letter,
    Resident,
    Step,
)

HANDLER = "ombudsman"

CASES = [
    DemoCase(
        key="zwl-terugvordering", municipality=ZWL, opened_days_ago=150, channel="brief",
        resident=Resident("Gerda Mulderij", date(1962, 10, 3), "Hasselt", "Ridderstraat 8",
                          "8061 HA", preferred_channel="post"),
        title="Verzoek: geen uitleg over terugvordering bijzondere bijstand",
        story="Ik moet 640 euro bijzondere bijstand terugbetalen. Niemand legt uit waarom. Ik "
        "heb bij de gemeente geklaagd, maar die vindt dat alles goed is gegaan.",
        wish="Uitleg, en dat iemand onafhankelijk kijkt.",
        domains=("participatie",), themes=("Terugvordering",),
        organisations=("Werk en Inkomen",), assignee=HANDLER,
        entries=(Entry(2, "telefoon", "Mevrouw gebeld over haar verzoek",
                       "Uitgelegd hoe het onderzoek gaat en dat wij de gemeente om een reactie "
                       "vragen."),),
        steps=(Step(2, "toetsing"), Step(6, "onderzoek"), Step(40, "rapport"),
               Step(60, "afgesloten", "deels_gegrond",
                    "Rapport verstuurd, met de termijn voor de Nationale ombudsman.",
                    avoided="nee", minutes=840)),
        complaints=(Complaint(
            "Geen uitleg over de terugvordering van bijzondere bijstand",
            conduct="De gemeente vordert bijzondere bijstand terug zonder uit te leggen "
            "waarom, en reageerde volgens mevrouw niet op haar voorstel om in delen te betalen.",
            respondent=("Werk en Inkomen", "Team Inkomen", "consulent bijzondere bijstand"),
            # The municipality's own findings came 20 days before the request: admissible.
            internal_received=-70, internal_findings=-20, copy_sent=7,
            hearing=Hearing(invited=10, day=24, reported=27,
                            heard="Mevrouw Mulderij en de teamleider Werk en Inkomen",
                            report="De teamleider laat zien dat het besluit alleen een bedrag "
                            "noemt. De brief met de betalingsregeling is op 3 mei verstuurd."),
            judged=55,
            elements=(
                Element("Mevrouw kreeg geen uitleg waarom zij moest terugbetalen.", "gegrond",
                        "Het besluit noemt alleen het bedrag, niet de reden.", "motivering"),
                Element("De gemeente reageerde niet op haar voorstel om in delen te betalen.",
                        "ongegrond",
                        "De gemeente stuurde binnen drie weken een betalingsregeling naar het "
                        "juiste adres.", "voortvarendheid"),
            ),
            findings="Het terugvorderingsbesluit noemt geen reden. De betalingsregeling is op "
            "tijd aangeboden.",
            conclusions="Het verzoek is deels gegrond.",
            measures="De gemeente legt mevrouw schriftelijk uit waarom zij terugbetaalt, en "
            "noemt voortaan de reden in elk terugvorderingsbesluit."),),
        letters=(Letter(60, "rapport"),),
    ),
    DemoCase(
        key="zwl-klacht-blijft-liggen", municipality=ZWL, opened_days_ago=45, channel="email",
        resident=Resident("Ilse van der Vecht", date(1984, 4, 27), "Genemuiden",
                          email="ilse.vdvecht@mail.example", preferred_channel="email"),
        title="Verzoek: gemeente beantwoordt klacht over jeugdhulp niet",
        story="Ik heb in de zomer bij de gemeente geklaagd over het jeugdteam. Ze hebben "
        "afspraken met mijn zoon drie keer afgezegd. Op mijn klacht kreeg ik nooit antwoord.",
        wish="Een antwoord op mijn klacht, en een vaste afspraak voor mijn zoon.",
        domains=("jeugd",), themes=("Wachtlijst jeugdhulp",), organisations=("Jeugdteam",),
        assignee=HANDLER,
        entries=(Entry(1, "email_uit", "Ontvangst bevestigd en gevraagd om de klachtbrief",
                       sent_to_resident=True),),
        steps=(Step(1, "toetsing"), Step(3, "onderzoek"), Step(30, "rapport")),
        complaints=(Complaint(
            "Klacht over het jeugdteam blijft onbeantwoord",
            conduct="Het jeugdteam zegde drie afspraken af zonder een nieuwe datum; de gemeente "
            "beantwoordde de klacht daarover niet.",
            respondent=("Jeugdteam", "Jeugd en gezin", ""),
            # No findings, but the municipality's six weeks ended before the request came.
            internal_received=-80, copy_sent=4,
            hearing=Hearing(invited=5, day=20, reported=22,
                            heard="Mevrouw Van der Vecht en de teamleider van het jeugdteam",
                            report="De teamleider erkent dat de klacht in een postvak bleef "
                            "liggen. Over de afspraken zegt zij dat er te weinig consulenten "
                            "waren."),
            # Writing the report: one element judged so far.
            judged=40,
            elements=(
                Element("De gemeente beantwoordde de klacht niet binnen de termijn.",
                        "gegrond", "De klacht is zes weken na ontvangst niet afgehandeld "
                        "(Awb 9:11); er kwam ook geen verdaging.", "voortvarendheid"),
                Element("Het jeugdteam zegde afspraken af zonder nieuwe datum.",
                        norm="betrouwbaarheid"),
            )),),
    ),
    DemoCase(
        key="zwl-huishoudelijke-hulp", municipality=ZWL, opened_days_ago=20,
        channel="telefoon",
        resident=Resident("Jan Bouwman", date(1945, 2, 11), "Zwartsluis",
                          phone="038 000 03 01"),
        title="Verzoek: Wmo-consulent kwam afspraken niet na",
        story="De consulent zou terugbellen over mijn huishoudelijke hulp en deed dat drie keer "
        "niet. De gemeente vindt mijn klacht ongegrond. Dat vind ik niet eerlijk.",
        wish="Dat iemand anders ernaar kijkt.",
        domains=("wmo",), themes=("Huishoudelijke hulp",), organisations=("Wmo-team",),
        assignee=HANDLER,
        entries=(Entry(1, "telefoon", "Meneer Bouwman teruggebeld",
                       "Hij stuurt het oordeel van de gemeente op."),),
        steps=(Step(1, "toetsing"), Step(4, "onderzoek")),
        complaints=(Complaint(
            "Consulent belde drie keer niet terug",
            conduct="De Wmo-consulent beloofde drie keer terug te bellen en deed dat niet.",
            respondent=("Wmo-team", "Toegang Wmo", "consulent Wmo"),
            internal_received=-90, internal_findings=-30, copy_sent=5,
            hearing=Hearing(invited=8)),),
    ),
    DemoCase(
        key="zwl-te-vroeg", municipality=ZWL, opened_days_ago=30, channel="web",
        resident=Resident("Sandra Kamphuis", date(1990, 9, 14), "Hasselt",
                          phone="06 0000 0301"),
        title="Verzoek: klacht over schuldhulp, gemeente nog bezig",
        story="Ik heb vorige maand bij de gemeente geklaagd dat de schuldhulp niet start. Ik "
        "wil dat de ombudsman er nu al naar kijkt.",
        domains=("schulden",), themes=("Schuldhulp wachttijd",),
        organisations=("KCC Zwartewaterland",), assignee=HANDLER,
        steps=(Step(2, "toetsing"),
               Step(3, "afgesloten", "niet_ontvankelijk",
                    "De gemeente behandelt de klacht nog en haar termijn loopt; mevrouw kan "
                    "terugkomen als zij geen of een onbevredigend antwoord krijgt.",
                    avoided="onbekend", minutes=45)),
        entries=(Entry(3, "telefoon", "Mevrouw gebeld: eerst de gemeente laten antwoorden",
                       "Uitgelegd dat de gemeente zes weken heeft om de klacht te behandelen "
                       "(Awb 9:11). Daarna kan zij bij ons terecht, tot een jaar later."),),
        complaints=(Complaint(
            "Schuldhulp start niet",
            respondent=("KCC Zwartewaterland", "Schuldhulpverlening", ""),
            internal_received=-10, inadmissible=(3, "klacht_loopt")),),
    ),
    DemoCase(
        key="zwl-te-laat", municipality=ZWL, opened_days_ago=90, channel="brief",
        resident=Resident("Hendrik Schuurman", date(1951, 7, 7), "Genemuiden",
                          preferred_channel="post"),
        title="Verzoek over een klacht van ruim een jaar geleden",
        story="Twee jaar geleden klaagde ik over de aanpassing van mijn badkamer. De gemeente "
        "gaf mij ongelijk. Nu wil ik dat de ombudsman er alsnog naar kijkt.",
        domains=("wonen",), themes=("Woningaanpassing",), organisations=("Wmo-team",),
        assignee=HANDLER,
        entries=(Entry(2, "brief", "Brief aan meneer: uitleg over de termijn van een jaar",
                       sent_to_resident=True),),
        steps=(Step(1, "toetsing"),
               Step(5, "afgesloten", "niet_ontvankelijk",
                    "De gemeente oordeelde meer dan een jaar geleden (Awb 9:24 lid 1).",
                    avoided="nee", minutes=50)),
        complaints=(Complaint(
            "Aanpassing badkamer", respondent=("Wmo-team", "Toegang Wmo", ""),
            internal_received=-500, internal_findings=-430, inadmissible=(5, "te_laat")),),
    ),
    DemoCase(
        key="zwl-eerst-gemeente", municipality=ZWL, opened_days_ago=55, channel="telefoon",
        resident=Resident("Naima El Idrissi", date(1993, 12, 2), "Zwartsluis",
                          phone="06 0000 0302"),
        title="Verzoek zonder eerdere klacht bij de gemeente",
        story="Mijn bijstand is verlaagd en de consulent deed kortaf aan de telefoon. Ik wil "
        "een klacht bij de ombudsman.",
        domains=("participatie",), themes=("Uitkering",), organisations=("Werk en Inkomen",),
        assignee=HANDLER,
        steps=(Step(1, "toetsing"),
               Step(3, "afgesloten", "niet_ontvankelijk",
                    "Eerst klagen bij de gemeente (Awb 9:20); voor het besluit: bezwaar.",
                    avoided="onbekend", minutes=70,
                    reason="de inwoner is op bezwaar gewezen; de afsluitbrief noemt de "
                           "termijn.")),
        entries=(Entry(2, "telefoon", "Uitleg: eerst klagen bij de gemeente, en bezwaar maken",
                       "Over de bejegening klaagt mevrouw eerst bij de gemeente zelf. Tegen "
                       "de verlaging maakt zij bezwaar; de bezwaartermijn loopt nog."),),
        decisions=(Decision(1, "Werk en Inkomen", "Bijstand verlaagd wegens kostendelers",
                            made_known=-10, objection_filed=20),),
        complaints=(Complaint(
            "Kortaf behandeld aan de telefoon",
            respondent=("Werk en Inkomen", "Team Inkomen", "consulent"),
            inadmissible=(2, "geen_klacht")),),
    ),
    DemoCase(
        key="zwl-parkeerplaats", municipality=ZWL, opened_days_ago=6, channel="email",
        resident=Resident("Wim Ruiter", date(1958, 5, 23), "Hasselt",
                          email="w.ruiter@mail.example", preferred_channel="email"),
        title="Verzoek: geen antwoord op klacht over rolstoeltaxi",
        story="Ik klaagde twee maanden geleden bij de gemeente dat de rolstoeltaxi mij steeds "
        "te laat ophaalt. Ik hoor niets.",
        domains=("wmo",), themes=("Zorgaanbieder komt afspraken niet na",),
        organisations=("KCC Zwartewaterland",), assignee=HANDLER,
        steps=(Step(1, "toetsing"),),
        complaints=(Complaint(
            "Rolstoeltaxi te laat, klacht onbeantwoord",
            respondent=("KCC Zwartewaterland", "Wmo-vervoer", ""),
            internal_received=-60),),
    ),
    DemoCase(
        key="zwl-nieuw", municipality=ZWL, opened_days_ago=1, channel="brief",
        resident=Resident("Aaltje Brink", date(1949, 3, 8), "Genemuiden",
                          preferred_channel="post"),
        title="Verzoek: oordeel gemeente over traplift",
        story="De gemeente vond mijn klacht over de traplift ongegrond. Ik ben het daar niet "
        "mee eens. Hierbij de brief van de gemeente.",
        domains=("wmo",), themes=("Hulpmiddelen",), assignee=None,
        entries=(Entry(0, "notitie", "Brief met het oordeel van de gemeente bijgevoegd",
                       by="secretariaat",
                       body="Toetsen: datum van het oordeel van de gemeente (Awb 9:24)."),),
    ),
]
