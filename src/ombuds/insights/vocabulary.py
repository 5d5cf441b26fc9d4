"""The shipped Dutch vocabulary of the social domain: what the suggestion knows on day one.

A new office has no closed cases to learn from, yet its residents speak the same language
as every other office's: "scootmobiel", "keukentafelgesprek", "beslagvrije voet". This
module holds those words per domain (the codes of ``core.Domain``, the same in every
installation) and per theme. Themes are kept per municipality under names of its own, so a
theme entry lists the names it answers to; ``match_theme`` finds the entry of a
municipality's theme by its domain and name. How the suggestion uses it (as a prior that
the office's own closed cases refine) and how to extend it: docs/suggestions.md.

Each entry has ``terms`` (words and short phrases, comma-separated; a phrase counts its
words and its word pairs) and ``examples`` (sentences in the words a resident would use,
also used to calibrate the probabilities). None of them is taken from the held-apart test
stories (``insights/tests/data/stories.toml``). Pure Python: no Django import.
"""

from __future__ import annotations

from dataclasses import dataclass

from ombuds.domain.textmodel import fold, stem, words


@dataclass(frozen=True)
class Entry:
    """The words of one domain (``names`` empty) or of one theme within it."""

    domain: str
    names: tuple[str, ...]
    terms: str
    examples: tuple[str, ...] = ()
    #: The theme (by name) that takes this entry's words where a municipality keeps no
    #: theme of this entry's own: "Vervoer" falls under "Hulpmiddelen".
    part_of: str = ""

    @property
    def key(self) -> str:
        return f"{self.domain}/{self.names[0]}" if self.names else self.domain

    @property
    def term_list(self) -> list[str]:
        """The terms one by one."""
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]

    @property
    def phrases(self) -> list[str]:
        """The terms one by one, then the examples."""
        return self.term_list + list(self.examples)


DOMAINS: dict[str, Entry] = {e.domain: e for e in [
    Entry("wmo", (), """
        wmo, wet maatschappelijke ondersteuning, maatwerkvoorziening, algemene voorziening,
        wmo-loket, wmo-consulent, wmo-team, sociaal team, gebiedsteam, wijkteam,
        keukentafelgesprek, melding, onderzoek, ondersteuningsplan, beschikking, indicatie,
        herindicatie, zelfredzaamheid, ouderen, oudere, beperking, handicap, chronisch ziek,
        mantelzorger, zelfstandig thuis wonen, ondersteuning thuis, begeleiding, dagbesteding,
        hulp thuis, zorg thuis, consulent, aanvraag afgewezen, thuiszorg, ondersteuning
        """, (
        "Ik ben oud en red het thuis niet meer alleen, de gemeente moet helpen.",
        "Na het gesprek met de consulent van het wmo-loket kreeg ik een beschikking die niet klopt.",
    )),
    Entry("jeugd", (), """
        jeugdwet, jeugdhulp, jeugdzorg, jeugdteam, jeugdconsulent, jeugdhulpverlener,
        kind, kinderen, zoon, dochter, puber, tiener, baby, peuter, ouders, gezin,
        opvoeding, opvoedondersteuning, school, jeugd-ggz, kinderpsycholoog, psycholoog,
        autisme, adhd, gedragsproblemen, ontwikkelingsachterstand, pleegzorg, gezinshuis,
        jeugdbescherming, voogd, gezinsvoogd, verwijzing huisarts, jeugdarts, cjg,
        centrum voor jeugd en gezin
        """, (
        "Onze dochter van tien heeft hulp nodig en het jeugdteam komt niet in actie.",
        "Als ouders weten we niet meer hoe we onze zoon moeten helpen met zijn gedrag.",
    )),
    Entry("onderwijs", (), """
        onderwijs, school, leerling, leerlingen, scholier, speciaal onderwijs, speciaal
        basisonderwijs, praktijkonderwijs, schoolgaand kind, klas, leerkracht, juf, meester,
        mentor, intern begeleider, samenwerkingsverband, leerplicht, leerplichtambtenaar,
        thuiszitter, schoolverzuim, passend onderwijs, toelaatbaarheidsverklaring, vervoer
        naar school, schooltijden, lestijden
        """, (
        "Mijn kind kan niet naar school en de school en de gemeente wijzen naar elkaar.",
    )),
    Entry("participatie", (), """
        participatiewet, sociale dienst, werk en inkomen, afdeling werk en inkomen,
        inkomensconsulent, klantmanager, werkcoach, bijstand, uitkering, inkomen,
        levensonderhoud, bijstandsnorm, kostendelersnorm, inlichtingenplicht, rechtmatigheid,
        maatregel, korting, sanctie, verlaging, terugvordering, handhaving, fraude,
        arbeidsplicht, sollicitatieplicht, ioaw, ioaz, uwv, aow, toeslagen, loonstrook,
        bankafschriften, minima, minimaregeling, bijzondere bijstand, tegenprestatie
        """, (
        "De sociale dienst heeft een besluit genomen over mijn bijstand dat ik niet begrijp.",
        "Ik heb geen inkomen meer en de gemeente doet er niets aan.",
    )),
    Entry("schulden", (), """
        schulden, schuld, schuldhulpverlening, schuldhulp, schuldhulpverlener,
        schuldsanering, schuldregeling, wsnp, budgetbeheer, budgetcoach, kredietbank,
        geldzorgen, betalingsachterstand, achterstand, aanmaning, incasso, incassobureau,
        deurwaarder, beslag, beslaglegging, beslagvrije voet, schuldeisers, afbetalingsregeling,
        betalingsregeling, bewindvoerder, bewind, beschermingsbewind, huurachterstand,
        energieschuld, zorgverzekering achterstand, kwijtschelding, rood staan
        """, (
        "Ik heb schulden en de rekeningen blijven komen, ik weet niet meer hoe ik rond moet komen.",
    )),
    Entry("wonen", (), """
        wonen, woning, huis, huurhuis, huurwoning, woningcorporatie, woningbouwvereniging,
        verhuurder, huisbaas, verhuizen, verhuizing, woningzoekende, inschrijving, wachttijd
        woning, woonruimte, sociale huur, gelijkvloers, aanleunwoning, seniorenwoning,
        huisuitzetting, ontruiming, dakloos, thuisloos, opvang, briefadres, woonvoorziening
        """, (
        "Ik heb dringend een andere woning nodig maar ik kom nergens tussen.",
    )),
    Entry("zorg", (), """
        zorg, zorgaanbieder, zorgorganisatie, zorginstelling, zorgverlener, zorgverlening,
        wijkverpleging, wijkverpleegkundige, verpleegkundige, verzorgende, thuiszorg,
        thuiszorgorganisatie, verpleeghuis, verzorgingshuis, zorgcentrum, wlz, wet
        langdurige zorg, ciz, zorgverzekeraar, zorgverzekering, zorgkantoor, huisarts,
        ziekenhuis, medicijnen, zorgplan, zorgovereenkomst, kwaliteit van zorg, ggz,
        dementie, revalidatie
        """, (
        "De zorg die mij beloofd is wordt niet geleverd en de organisatie luistert niet.",
    )),
    Entry("overig", (), """
        gemeente, gemeentehuis, medewerker, ambtenaar, balie, loket, telefoon, bellen,
        terugbellen, klantcontactcentrum, kcc, e-mail, mail, brief, brieven, website,
        digid, formulier, klacht, klachtbehandeling, onheus, bejegening, communicatie,
        informatie, uitleg, privacy, gegevens
        """, (
        "Ik ben niet goed geholpen door de gemeente en wil dat iemand ernaar kijkt.",
    )),
]}


THEMES: list[Entry] = [
    # --- Wmo -------------------------------------------------------------------------------
    Entry("wmo", ("Wachttijd", "Wachttijden", "Wachttijd Wmo", "Wachttijd melding",
                  "Doorlooptijd", "Termijn", "Beslistermijn"), """
        wachten, wachttijd, wachtlijst, lang wachten, maanden wachten, nog geen besluit,
        geen beschikking, geen reactie, beslistermijn, termijn verstreken, termijn
        overschreden, zes weken, acht weken, melding gedaan, aanvraag ingediend, aanvraag ligt
        stil, onderzoek duurt lang, geen gesprek, geen afspraak, keukentafelgesprek laat op
        zich wachten, niets gehoord, niks gehoord, traag, vertraging, achterstand,
        dwangsom, ingebrekestelling, doorverwezen
        """, (
        "Ik heb in het voorjaar een melding gedaan en ben nog steeds niet gebeld voor een gesprek.",
        "Mijn aanvraag ligt al maanden bij de gemeente en er komt maar geen besluit.",
        "De termijn voor het onderzoek is allang voorbij en niemand neemt contact op.",
    )),
    Entry("wmo", ("Hulpmiddelen", "Hulpmiddel", "Hulpmiddelen en voorzieningen",
                  "Voorzieningen", "Wmo-voorzieningen"), """
        hulpmiddel, hulpmiddelen, rolstoel, elektrische rolstoel, handbewogen rolstoel,
        scootmobiel, rollator, tillift, plafondlift, douchestoel, hoog-laagbed, aangepaste
        fiets, driewielfiets, driewieler, duofiets, vervoersvoorziening, regiotaxi,
        taxipas, vervoerspas, wmo-vervoer, leverancier, hulpmiddelenleverancier, reparatie,
        kapot, defect, onderhoud, monteur, aanmeten, passen, levering, vervangende,
        bruikleen, accu, opladen, scootmobielstalling
        """, (
        "De rolstoel die ik heb gekregen past niet en de leverancier past hem niet aan.",
        "Mijn scootmobiel is stuk en ik zit al weken zonder vervoer thuis.",
        "De gemeente weigert een elektrische rolstoel terwijl ik niet meer kan lopen.",
        "Het vervoer van de regiotaxi is vaak te laat waardoor ik afspraken mis.",
    )),
    Entry("wmo", ("Vervoer", "Wmo-vervoer", "Regiotaxi", "Vervoersvoorziening",
                  "Doelgroepenvervoer", "Collectief vervoer"), """
        vervoer, regiotaxi, taxi, taxibus, deeltaxi, collectief vervoer, doelgroepenvervoer,
        vervoerspas, taxipas, ritten, rit, chauffeur, vervoerder, te laat opgehaald, niet
        opgehaald, centrale, boeken, ritbevestiging, kilometers, zone, begeleider mee,
        openbaar vervoer, bushalte
        """, (
        "De taxi van het collectief vervoer heeft me weer niet opgehaald voor mijn afspraak.",
        "Ik mag maar een paar ritten per jaar maken en kom daardoor nergens meer.",
    ), part_of="Hulpmiddelen"),
    Entry("wmo", ("Huishoudelijke hulp", "Hulp bij het huishouden", "HbH",
                  "Huishoudelijke ondersteuning", "Schoon en leefbaar huis"), """
        huishoudelijke hulp, hulp bij het huishouden, huishoudelijke ondersteuning, hulp in
        de huishouding, thuishulp, schoonmaakhulp, schoonmaakster, schoonmaken,
        schoonmaak, stofzuigen, dweilen, ramen, bed verschonen, was doen, wassen,
        strijken, boodschappen, opruimen, schoon huis, uren hulp, minder uren,
        uren verlaagd, om de week, herindicatie, resultaatgericht, schoon en leefbaar huis,
        thuiszorgorganisatie, hulp komt niet, vaste hulp, invalkracht
        """, (
        "Mijn hulp in de huishouding is teruggebracht naar twee uur en mijn huis wordt niet meer schoon.",
        "Ik krijg geen hulp meer bij het schoonmaken sinds de nieuwe indicatie.",
        "De huishoudelijke hulp wisselt steeds en komt vaak niet op de afgesproken dag.",
    )),
    Entry("wmo", ("Eigen bijdrage", "Eigen bijdragen", "CAK", "Abonnementstarief",
                  "Kosten Wmo"), """
        eigen bijdrage, bijdrage, cak, centraal administratie kantoor, abonnementstarief,
        per maand betalen, factuur, rekening, nota, betalen, kosten, te hoog, bedrag,
        inkomensafhankelijk, vermogen, aow, pensioen, terugbetalen, geen zorg gehad toch
        betalen, stopzetten bijdrage, bezwaar bijdrage, dubbele bijdrage
        """, (
        "Ik moet een eigen bijdrage betalen voor zorg die ik helemaal niet meer krijg.",
        "Het CAK stuurt mij elke maand een rekening die ik niet kan betalen van mijn pensioen.",
    )),
    Entry("wmo", ("Begeleiding", "Dagbesteding", "Begeleiding en dagbesteding",
                  "Individuele begeleiding"), """
        begeleiding, individuele begeleiding, ambulante begeleiding, begeleider,
        dagbesteding, dagactiviteiten, structuur, dagritme, zelfstandig wonen, licht
        verstandelijke beperking, lvb, niet aangeboren hersenletsel, nah, psychische
        problemen, eenzaam, eenzaamheid, sociaal contact
        """, (
        "Mijn begeleiding is gestopt en ik weet niet hoe ik mijn post en afspraken moet regelen.",
    )),
    Entry("wmo", ("Beschermd wonen", "Maatschappelijke opvang", "Opvang"), """
        beschermd wonen, beschermde woonvorm, opvang, maatschappelijke opvang, nachtopvang,
        daklozenopvang, vrouwenopvang, instelling, psychiatrie, uitstroom, begeleid wonen
        """, (
        "Ik woon in beschermd wonen en moet eruit maar er is geen woning voor mij.",
    )),
    Entry("wmo", ("Mantelzorg", "Mantelzorgondersteuning", "Respijtzorg"), """
        mantelzorg, mantelzorger, mantelzorgcompliment, mantelzorgwaardering, respijtzorg,
        logeeropvang, overbelast, overbelasting, zorgen voor mijn partner, zorgen voor mijn
        moeder, vervangende zorg, ontlasten
        """, (
        "Ik zorg dag en nacht voor mijn man en er is geen enkele ondersteuning voor mij.",
    )),
    # --- Jeugd ----------------------------------------------------------------------------
    Entry("jeugd", ("Wachtlijst jeugdhulp", "Wachttijd jeugdhulp", "Wachtlijsten jeugd",
                    "Wachtlijst jeugd", "Wachttijd jeugd"), """
        wachtlijst, wachttijd, wachten, geen plek, plek vrij, behandeling, behandelaar,
        behandelgroep, intake, aanmelding, jeugd-ggz, kinderpsychiater, psycholoog,
        diagnostiek, onderzoek, crisis, spoed, overbrugging, overbruggingszorg, wachtlijst
        jeugdzorg, zorgaanbieder geen plek, aanbieder vol, budgetplafond, budget op,
        doorverwijzing, verwijzing, depressie, somber, angst, angststoornis, eetstoornis,
        zelfbeschadiging, suïcidaal, trauma, gedragsproblemen, autisme, adhd
        """, (
        "Ons kind staat al maanden op een wachtlijst voor behandeling en het gaat steeds slechter.",
        "De jeugdhulp die nodig is kan pas na de zomer beginnen, er is nu nergens plek.",
        "Er is geen plek bij de jeugd-ggz en het jeugdteam biedt niets om de tijd te overbruggen.",
    )),
    Entry("jeugd", ("Jeugd-ggz", "Jeugd ggz", "Geestelijke gezondheidszorg jeugd"), """
        jeugd-ggz, ggz, psychische klachten, depressie, somber, angst, paniek, eetstoornis,
        anorexia, zelfbeschadiging, suïcidaal, zelfmoordgedachten, trauma,
        psychiater, psycholoog, therapie, behandeling
        """, (
        "Mijn zoon heeft zware psychische klachten en de ggz kan hem nog niet behandelen.",
    ), part_of="Wachtlijst jeugdhulp"),
    Entry("jeugd", ("Pgb jeugd", "Persoonsgebonden budget jeugd", "Pgb", "Pgb jeugdhulp"), """
        pgb, persoonsgebonden budget, budgethouder, svb, sociale verzekeringsbank,
        zorgovereenkomst, zorgplan, budgetplan, declaratie, uitbetaling, zorgverlener
        betalen, informele zorg, ouders als zorgverlener, tarief, uurtarief, zorg in natura,
        omzetten naar natura, budget verlaagd, verantwoording
        """, (
        "De SVB betaalt de zorgverlener van onze zoon niet uit, er ontbreekt een handtekening.",
        "Het pgb voor onze dochter is verlaagd en we kunnen de zorg niet meer inkopen.",
    )),
    Entry("jeugd", ("Jeugdbescherming", "Ondertoezichtstelling", "Veilig Thuis",
                    "Gecertificeerde instelling"), """
        jeugdbescherming, ondertoezichtstelling, ots, uithuisplaatsing, gezinsvoogd,
        jeugdbeschermer, raad voor de kinderbescherming, kinderrechter, veilig thuis,
        melding veilig thuis, gezag, omgangsregeling, pleeggezin, pleegouders
        """, (
        "Mijn kinderen zijn uit huis geplaatst en de gezinsvoogd reageert niet op mijn vragen.",
    )),
    Entry("jeugd", ("Verlengde jeugdhulp", "18-/18+", "Overgang 18 jaar",
                    "Jeugdhulp na 18"), """
        achttien, 18 jaar, 18e verjaardag, meerderjarig, verlengde jeugdhulp, overgang naar
        volwassenenzorg, 18 min 18 plus, pleegkind, zorg stopt bij 18
        """, (
        "Onze pleegzoon wordt binnenkort achttien en dan stopt alle hulp zonder dat er iets geregeld is.",
    )),
    # --- Onderwijs ------------------------------------------------------------------------
    Entry("onderwijs", ("Leerlingenvervoer", "Vervoer naar school", "Schoolvervoer",
                        "Leerlingvervoer"), """
        leerlingenvervoer, leerlingvervoer, schoolvervoer, vervoer naar school, taxi naar
        school, schooltaxi, taxibusje, busje, bus naar school, chauffeur, vervoerder,
        ophalen, opgehaald, te laat op school, lange rit, reistijd, afstand tot school,
        kilometer, zes kilometer, vergoeding, reiskosten, ov-abonnement, fietsen naar
        school, zelfstandig reizen, begeleiding tijdens de rit, speciaal onderwijs
        """, (
        "Het taxibusje brengt mijn zoon elke dag te laat naar zijn school voor speciaal onderwijs.",
        "De gemeente wijst het vervoer naar school af omdat de afstand te kort zou zijn.",
        "Mijn dochter zit anderhalf uur in de taxi voordat ze op school is.",
    )),
    Entry("onderwijs", ("Passend onderwijs", "Thuiszitters", "Leerplicht"), """
        passend onderwijs, thuiszitter, thuiszitten, geen school, geen passende school,
        vrijstelling, leerplicht, leerplichtambtenaar, samenwerkingsverband,
        toelaatbaarheidsverklaring, tlv, onderwijs zorgarrangement, schoolweigering
        """, (
        "Mijn kind zit al een jaar thuis omdat geen enkele school hem wil hebben.",
    )),
    # --- Participatie ---------------------------------------------------------------------
    Entry("participatie", ("Uitkering", "Bijstand", "Bijstandsuitkering", "Levensonderhoud",
                           "Aanvraag bijstand"), """
        uitkering, bijstand, bijstandsuitkering, algemene bijstand, levensonderhoud,
        aanvraag bijstand, uitkering gestopt, uitkering stopgezet, uitkering geblokkeerd,
        opgeschort, geen geld, niet uitbetaald, voorschot, uitbetaling, bedrag klopt niet,
        kostendelersnorm, inlichtingenformulier, wijzigingsformulier, bewijsstukken,
        gekort, korting, maatregel, verlaging, boete, afspraak gemist, inkomensconsulent,
        klantmanager, bijzondere bijstand, individuele inkomenstoeslag, huur betalen,
        eten kopen, voedselbank
        """, (
        "Mijn bijstand is stopgezet en ik heb deze maand niets om van te leven.",
        "De gemeente heeft mijn uitkering verlaagd met een maatregel die ik niet begrijp.",
        "Ik heb bijstand aangevraagd en wacht al weken op een besluit terwijl ik geen inkomen heb.",
    )),
    Entry("participatie", ("Bijzondere bijstand", "Minimaregelingen",
                           "Individuele inkomenstoeslag", "Minima"), """
        bijzondere bijstand, bijzondere kosten, noodzakelijke kosten, witgoed,
        koelkast, inrichtingskosten, bewindvoeringskosten, minimaregeling, meedoenregeling,
        individuele inkomenstoeslag, collectieve zorgverzekering, kindpakket
        """, (
        "Mijn aanvraag voor bijzondere bijstand voor een nieuwe koelkast is geweigerd.",
    ), part_of="Uitkering"),
    Entry("participatie", ("Terugvordering", "Terugvorderingen", "Fraude", "Handhaving",
                           "Invordering"), """
        terugvordering, terugvorderen, terugbetalen, te veel ontvangen, onverschuldigd
        betaald, vordering, invordering, fraude, schending inlichtingenplicht, boete,
        handhaving, onderzoek handhaving, huisbezoek, samenwonen, gezamenlijke huishouding,
        woonadres, vermogen, spaargeld, erfenis, inkomsten niet doorgegeven, bedrag
        terugbetalen, afbetalen, verrekenen, herziening
        """, (
        "De gemeente eist duizenden euro's terug omdat ik zou samenwonen, maar dat is niet zo.",
        "Ik moet bijstand terugbetalen omdat ik een spaarrekening niet zou hebben doorgegeven.",
    )),
    Entry("participatie", ("Re-integratie", "Reintegratie", "Werk", "Tegenprestatie",
                           "Arbeidsinschakeling", "Werkfit"), """
        re-integratie, reintegratie, werk, werken, baan, solliciteren, sollicitatieplicht,
        arbeidsplicht, werkcoach, werkconsulent, jobcoach, traject, re-integratietraject,
        werkervaringsplaats, participatieplaats, vrijwilligerswerk, tegenprestatie,
        scholing, opleiding, cursus, beschut werk, loonkostensubsidie, sociale werkvoorziening,
        arbeidsbeperking, ontheffing, arbeidsongeschikt, medisch advies, keuring
        """, (
        "Ik moet van de werkcoach een traject volgen dat niet past bij mijn gezondheid.",
        "Ik wil werken maar de gemeente helpt mij niet aan een opleiding of stage.",
    )),
    # --- Schulden -------------------------------------------------------------------------
    Entry("schulden", ("Schuldhulp wachttijd", "Schuldhulpverlening", "Schuldhulp",
                       "Toegang schuldhulp", "Schuldregeling", "Wachttijd schuldhulp"), """
        schuldhulpverlening, schuldhulp, schuldhulpverlener, aanmelden schuldhulp,
        aanmelding, intake, eerste gesprek, wachttijd, wachtlijst, lang wachten, geen
        reactie, schuldregeling, schuldsanering, minnelijk traject, wsnp, stabilisatie,
        budgetbeheer, kredietbank, afgewezen schuldhulp, toelating, dossier, schuldeisers
        aanschrijven, drie jaar, saneringskrediet
        """, (
        "Ik heb me aangemeld voor schuldhulp en wacht al maanden op een eerste gesprek.",
        "Mijn verzoek om een schuldregeling ligt stil terwijl de schulden oplopen.",
        "De gemeente wil mij niet toelaten tot de schuldhulpverlening.",
    )),
    Entry("schulden", ("Beslag", "Beslagvrije voet", "Loonbeslag", "Inhoudingen",
                       "Beslaglegging"), """
        beslag, beslaglegging, loonbeslag, beslag op uitkering, beslag op rekening,
        bankbeslag, beslagvrije voet, deurwaarder, deurwaarderskosten, executie, inhouding,
        inhouden, ingehouden, verrekening, te weinig over, leefgeld, belastingdienst,
        cjib, waterschap, kwijtschelding, gemeentelijke belastingen, beslaglegger
        """, (
        "Er wordt zoveel ingehouden door de deurwaarder dat ik geen leefgeld overhoud.",
        "De gemeente legt beslag op mijn uitkering zonder rekening te houden met de beslagvrije voet.",
    )),
    Entry("schulden", ("Bewindvoering", "Beschermingsbewind", "Bewind"), """
        bewindvoerder, bewindvoering, beschermingsbewind, onder bewind, leefgeld,
        kantonrechter, rekeningen niet betaald, weekgeld
        """, (
        "Mijn bewindvoerder betaalt mijn rekeningen niet en ik krijg te weinig leefgeld.",
    ), part_of="Schuldhulp wachttijd"),
    Entry("schulden", ("Kwijtschelding", "Gemeentelijke belastingen"), """
        kwijtschelding, kwijtschelding afgewezen, gemeentelijke belastingen, afvalstoffenheffing,
        rioolheffing, ozb, waterschapsbelasting, belastingaanslag, aanslag
        """, (
        "Mijn verzoek om kwijtschelding van de afvalstoffenheffing is afgewezen.",
    )),
    # --- Wonen ----------------------------------------------------------------------------
    Entry("wonen", ("Urgentie", "Urgentieverklaring", "Voorrang", "Woonruimteverdeling",
                    "Huisvesting"), """
        urgentie, urgentieverklaring, voorrang, voorrangsverklaring, medische urgentie,
        sociale urgentie, woningnood, dringend woning, andere woning, woningcorporatie,
        inschrijftijd, zoektijd, reageren op woningen, woningnet, uit huis, dakloos, op
        straat, bank slapen, bij familie slapen, scheiding, huiselijk geweld, onveilig,
        ontruiming, huisuitzetting, tijdelijke woning, noodwoning
        """, (
        "Ik heb geen dak boven mijn hoofd en mijn verzoek om voorrang op een woning is afgewezen.",
        "Wij wonen met vijf mensen in een te klein huis en krijgen geen urgentie.",
    )),
    Entry("wonen", ("Dakloosheid", "Daklozen", "Thuisloosheid", "Briefadres"), """
        dakloos, thuisloos, op straat, zwerven, briefadres, postadres, inschrijving brp,
        nachtopvang, daklozenopvang, bankslapen
        """, (
        "Ik heb geen woonadres en de gemeente geeft mij geen briefadres.",
    ), part_of="Urgentie"),
    Entry("wonen", ("Woningaanpassing", "Woningaanpassingen", "Woonvoorziening",
                    "Woonvoorzieningen", "Verhuiskostenvergoeding"), """
        woningaanpassing, woonvoorziening, aanpassing woning, huis aanpassen, traplift,
        trapliften, drempels, drempelhulpen, badkamer aanpassen, badkameraanpassing,
        inloopdouche, douche, toilet, verhoogd toilet, hellingbaan, deurverbreding,
        aanbouw, slaapkamer beneden, aannemer, bouwtekening, offerte, verhuizen
        goedkoper, verhuiskosten, verhuiskostenvergoeding, gelijkvloers, trap
        """, (
        "De gemeente wil de badkamer niet aanpassen en zegt dat ik moet verhuizen.",
        "Het plaatsen van de traplift wordt steeds uitgesteld en ik kom niet meer boven.",
    )),
    # --- Zorg -----------------------------------------------------------------------------
    Entry("zorg", ("Zorgaanbieder komt afspraken niet na", "Kwaliteit zorg",
                   "Kwaliteit van zorg", "Zorgaanbieder", "Zorgaanbieders"), """
        zorgaanbieder, zorgorganisatie, zorginstelling, thuiszorg, wijkverpleging,
        verzorgende, verpleegkundige, afspraken niet nagekomen, komt niet, te laat, niet
        gekomen, steeds andere, personeelstekort, wisselende gezichten, kwaliteit,
        verwaarlozing, douchen, wassen, aankleden, medicijnen niet gegeven,
        klacht bij de zorgaanbieder, zorgplan niet uitgevoerd,
        zorg stopt, overdracht, verpleeghuis, tehuis
        """, (
        "De thuiszorg komt op andere tijden dan afgesproken en soms helemaal niet.",
        "De zorginstelling doet niet wat in het zorgplan staat en reageert niet op klachten.",
        "Zonder overleg is de zorgaanbieder gestopt en niemand heeft iets anders geregeld.",
    )),
    Entry("zorg", ("Wlz", "Wet langdurige zorg", "Indicatie Wlz", "CIZ"), """
        wlz, wet langdurige zorg, ciz, wlz-indicatie, zorgkantoor, zorgprofiel,
        verpleeghuisplaats, wachtlijst verpleeghuis, volledig pakket thuis, modulair pakket
        """, (
        "Het CIZ geeft mijn vader geen indicatie voor het verpleeghuis terwijl thuis niet meer gaat.",
    )),
    Entry("zorg", ("Zorgverzekering", "Zorgverzekeraar", "Zorgverzekeringswet"), """
        zorgverzekering, zorgverzekeraar, zorgverzekeringswet, basisverzekering,
        aanvullende verzekering, vergoeding, eigen risico, machtiging, declaratie
        afgewezen, hoortoestel, fysiotherapie, tandarts
        """, (
        "De zorgverzekeraar vergoedt mijn behandeling niet en verwijst mij naar de gemeente.",
    )),
    # --- Overig ---------------------------------------------------------------------------
    Entry("overig", ("Bejegening", "Houding medewerker", "Omgang", "Bejegening medewerker"), """
        bejegening, onheus, onbeschoft, onvriendelijk, grof, respectloos, niet serieus
        genomen, uitgelachen, vernederd, gekleineerd, neerbuigend, toon, afgeblaft,
        geschreeuwd, boos, beledigd, discriminatie, vooroordeel, niet geloofd,
        over mijn hoofd heen, niet luisteren, geen respect, geïntimideerd, dreigen
        """, (
        "De ambtenaar sprak mij uit de hoogte toe en nam mijn verhaal niet serieus.",
        "Ik werd aan de balie afgesnauwd en voelde me behandeld als een crimineel.",
    )),
    Entry("overig", ("Bereikbaarheid", "Bereikbaarheid gemeente", "Telefonische bereikbaarheid",
                     "Contact met de gemeente"), """
        bereikbaarheid, bereikbaar, onbereikbaar, telefoon, bellen, gebeld, terugbellen,
        belt niet terug, teruggebeld, wachtrij, in de wacht, keuzemenu, kcc,
        klantcontactcentrum, e-mail, mail, geen antwoord, geen reactie, loket,
        balie, openingstijden, alleen op afspraak, online, digitaal, digid, computer,
        website, contactpersoon, vaste consulent, niemand bereikbaar
        """, (
        "Ik kan de gemeente niet bereiken, de telefoon wordt niet opgenomen en mails blijven onbeantwoord.",
        "Mijn consulent heeft beloofd terug te bellen maar ik hoor al weken niets.",
    )),
    Entry("overig", ("Communicatie", "Brieven", "Informatievoorziening",
                     "Duidelijkheid brieven"), """
        brief, brieven, onduidelijk, moeilijke taal, niet te begrijpen, ambtelijke taal,
        uitleg, informatie, geen uitleg, tegenstrijdig, verkeerde informatie, laaggeletterd,
        taal, tolk
        """, (
        "De brieven van de gemeente zijn zo ingewikkeld dat ik niet weet wat er van mij verwacht wordt.",
    ), part_of="Bereikbaarheid"),
    Entry("overig", ("Privacy", "Gegevens", "AVG", "Persoonsgegevens"), """
        privacy, persoonsgegevens, gegevens gedeeld, datalek, dossier inzien, inzage,
        medische gegevens, beroepsgeheim, avg, verkeerde gegevens
        """, (
        "De gemeente heeft mijn medische gegevens zonder toestemming doorgestuurd.",
    )),
]


def _likeness(name: str, other: str) -> int:
    """How many words of ``name`` are in ``other``: the same stem, or part of a compound
    ("aanpassing" in "Woningaanpassing")."""
    theirs = [(w, stem(w)) for w in words(other)]
    return sum(1 for w in words(name)
               if any(stem(w) == s or (len(w) >= 5 and w in t) for t, s in theirs))


def match_theme(domain: str, name: str) -> Entry | None:
    """Return the entry of a municipality's theme ``name`` in ``domain``, or ``None``.

    An entry matches by one of its names (case and accents ignored); failing that, the entry
    of the same domain whose names share the most content words with ``name``, by stem or
    inside a compound ("Wachttijd huishoudelijke hulp" → the entry sharing two words wins
    over the one sharing one; "Aanpassing van de woning" → "Woningaanpassing").
    """
    folded = fold(name).strip()
    entries = [e for e in THEMES if e.domain == domain]
    for entry in entries:
        if folded in {fold(n) for n in entry.names}:
            return entry
    best, shared = None, 0
    for entry in entries:
        overlap = max(_likeness(name, n) for n in entry.names)
        if overlap > shared:
            best, shared = entry, overlap
    return best


def entries_of(domain: str) -> list[Entry]:
    """The domain's own entry and the entries of all its themes."""
    own = [DOMAINS[domain]] if domain in DOMAINS else []
    return own + [e for e in THEMES if e.domain == domain]
