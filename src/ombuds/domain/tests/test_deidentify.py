"""Personal data in texts for publication: what is found, how it is named, how it is replaced."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombuds.domain.deidentify import deidentify, describe, findings

TODAY = date(2026, 12, 15)


def kinds(text, **kwargs):
    return [(f.kind, f.text) for f in findings(text, **kwargs)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bel haar op 06-12345678.", [("telefoon", "06-12345678")]),
    ("Bel 0612345678 of 038 - 123 45 67.", [("telefoon", "0612345678"),
                                             ("telefoon", "038 - 123 45 67")]),
    ("Nummer +31 6 12345678 werkt.", [("telefoon", "+31 6 12345678")]),
    ("Zijn nummer (038) 4567890.", [("telefoon", "(038) 4567890")]),
    ("Mail naar a.jansen@example.nl graag.", [("e-mail", "a.jansen@example.nl")]),
    ("BSN 111222333 staat erin.", [("bsn", "111222333")]),
    ("BSN 1112.22.333 ook.", [("bsn", "1112.22.333")]),
    ("Postcode 8331 AB klopt.", [("postcode", "8331 AB")]),
    ("Zij woont Kerkstraat 12a sinds kort.", [("adres", "Kerkstraat 12a")]),
    ("Aan de Oude Steenwijkerweg 101 staat het huis.", [("adres", "de Oude Steenwijkerweg 101")]),
    ("Op 12 maart 2026 kwam de brief.", [("datum", "12 maart 2026")]),
    ("Op 3 mrt. kwam de brief.", [("datum", "3 mrt.")]),
    ("Besluit van 12-03-2026 en 2026-04-01.", [("datum", "12-03-2026"), ("datum", "2026-04-01")]),
    ("Zaak STW-2026-0042 is gesloten.", [("zaaknummer", "STW-2026-0042")]),
    ("Rekening NL91ABNA0417164300 graag.", [("iban", "NL91ABNA0417164300")]),
    ("Rekening DE89 3704 0044 0532 0130 00 graag.", [("iban", "DE89 3704 0044 0532 0130 00")]),
    ("Zij is 42 jaar en werkt.", [("leeftijd", "42 jaar")]),
    ("Een 42-jarige vrouw belde.", [("leeftijd", "42-jarige")]),
    ("Hij is 67 jaar oud.", [("leeftijd", "67 jaar oud")]),
    ("Een man van 55 jaar belde.", [("leeftijd", "55 jaar")]),
    ("Op de leeftijd van 18 verhuisde zij.", [("leeftijd", "18")]),
    ("Mijn moeder is 84. Zij woont alleen.", [("leeftijd", "84")]),
])
def test_it_finds_each_kind_of_personal_data(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text", [
    "Zij wacht al 3 jaar op een besluit.",
    "Het is 2 jaar geleden dat zij belde.",
    "Zij was 2 jaar werkloos.",
    "Het antwoord is 12.5 procent.",
    "Een moeder van 3 kinderen kreeg een brief.",
    "In maart 2026 kwam het besluit.",                # month and year: already general
    "Het bedrag was 123456789 euro.",                 # nine digits failing the eleven test
    "Artikel 4:13 Awb en artikel 9:11 Awb.",
    "De gemeente GM1708 kreeg 2026 AB-signalen.",
    "In 2026 kwamen 45 zaken binnen, 12 via de telefoon.",
    "Bel 0800-1234 voor het Juridisch Loket.",        # a service number, not a person's
    "Rekening NL00 is geen IBAN.",
    "Een groot probleem voor de bakker.",
])
def test_it_leaves_ordinary_text_alone(text):
    assert findings(text, names=["Willem de Groot", "Piet Bakker"]) == []


def test_a_name_is_found_whole_and_by_its_parts_in_any_case():
    text = "Anna de Vries belde. Later belde mevrouw De Vries weer; anna was boos. VRIES ook."
    assert kinds(text, names=["Anna de Vries"]) == [
        ("naam", "Anna de Vries"), ("naam", "De Vries"), ("naam", "anna"), ("naam", "VRIES")]


def test_a_name_part_must_be_a_whole_word():
    assert findings("Annabel en Vriesland en Jansenstraat", names=["Anna Jansen de Vries"]) == []


def test_a_name_part_that_is_a_common_word_counts_only_when_capitalised_mid_sentence():
    names = ["Willem de Groot"]
    assert findings("Het was een groot probleem.", names=names) == []
    assert kinds("Toen belde meneer Groot.", names=names) == [("naam", "Groot")]
    assert kinds("De Groot belde.", names=names) == [("naam", "De Groot")]


def test_short_parts_and_particles_are_not_names_on_their_own():
    assert findings("Hij zei: van de ene naar de andere Li, berg op.",
                    names=["Li van der Berg"]) == []
    assert kinds("Toen zei Li van der Berg het.", names=["Li van der Berg"]) == [
        ("naam", "Li van der Berg")]


def test_the_given_places_are_found_as_whole_words():
    places = ["Giethoorn", "Sint Jansklooster"]
    assert kinds("Van Giethoorn naar sint  jansklooster, niet naar Giethoornse.",
                 places=places) == [("plaats", "Giethoorn"), ("plaats", "sint  jansklooster")]


def test_an_email_holding_a_name_is_one_finding():
    assert kinds("anna.devries@example.nl", names=["Anna de Vries"]) == [
        ("e-mail", "anna.devries@example.nl")]


def test_describe_names_words_but_not_numbers():
    text = "Jansen belde met 06-12345678."
    assert describe(findings(text, names=["Jansen"])) == (
        "Er staat nog een naam (Jansen) en een telefoonnummer in de tekst.")


def test_describe_counts_and_groups_by_kind():
    text = "Jansen en jansen en Pietersen; 111222333 en 06-12345678 of 0612345679."
    sentence = describe(findings(text, names=["Jansen", "Pietersen"]))
    assert sentence == ("Er staan nog twee namen (Jansen, Pietersen), een burgerservicenummer "
                        "en twee telefoonnummers in de tekst.")
    assert "111222333" not in sentence and "0612345679" not in sentence


def test_describe_of_nothing_says_so():
    assert describe([]) == "Er staan geen persoonsgegevens in de tekst."


def test_deidentify_gives_roles_and_generalises():
    text = ("Mevrouw Anna de Vries (42 jaar oud) woont aan de Kerkstraat 12 in Giethoorn. "
            "Op 12 maart 2026 belde zij met 06-12345678 over STW-2026-0042. Haar zoon Piet "
            "de Vries belde ook. Op 3 februari 2024 verhuisde zij. Een 16-jarige jongen hielp.")
    names = {"Anna de Vries": "de inwoner", "Piet de Vries": "haar zoon"}
    draft = deidentify(text, names=names, places=["Giethoorn"], today=TODAY)
    assert draft == (
        "De inwoner (in de veertig) woont aan [adres] in een kern in de gemeente. "
        "In maart 2026 belde zij met [telefoonnummer] over [zaaknummer]. Haar zoon belde "
        "ook. In de winter van 2024 verhuisde zij. Een jongen van tussen de tien en "
        "twintig hielp.")


def test_a_part_shared_by_two_people_gets_no_role():
    names = {"Anna de Vries": "de inwoner", "Piet de Vries": "haar zoon"}
    assert deidentify("Familie De Vries belde.", names=names) == "[naam] belde."


def test_without_roles_a_name_becomes_a_placeholder():
    assert deidentify("Gesprek met de heer Jansen.", names=["Jansen"]) == "Gesprek met [naam]."


def test_a_street_from_the_places_becomes_a_street():
    assert deidentify("Overlast in de Molenstraat.", places=["Molenstraat"]) == (
        "Overlast in een straat in de gemeente.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Op 12 maart 2026 kwam het.", "In maart 2026 kwam het."),
    ("Sinds 1 december 2025 wacht zij.", "Sinds december 2025 wacht zij."),
    ("Sinds 1 december 2024 wacht zij.", "Sinds eind 2024 wacht zij."),
    ("Sinds 14-07-2023 wacht zij.", "Sinds de zomer van 2023 wacht zij."),
    ("Het besluit van 3 mei kwam laat.", "Het besluit van mei kwam laat."),
])
def test_dates_become_the_month_or_the_season(text, expected):
    assert deidentify(text, today=TODAY) == expected


@pytest.mark.parametrize(("age", "words"), [
    (7, "jonger dan tien"), (19, "tussen de tien en twintig"), (20, "in de twintig"),
    (42, "in de veertig"), (99, "in de negentig"), (101, "honderd of ouder"),
])
def test_ages_become_a_band_of_ten_years(age, words):
    assert deidentify(f"Zij is {age} jaar oud.") == f"Zij is {words}."


# --- properties ---------------------------------------------------------------------------

LETTERS = "abcdefghijklmnopqrstuvwxyz"
name_words = st.text(alphabet=LETTERS, min_size=3, max_size=10).map(str.capitalize).filter(
    lambda w: findings(w.lower()) == [] and w.lower() not in {
        "van", "der", "den", "het", "ter", "ten", "aan", "uit", "bij", "von", "del", "dos",
        "des", "los", "heer", "mevr", "dhr", "fam", "drs", "ing", "prof"})
full_names = st.lists(name_words, min_size=1, max_size=3).map(" ".join)
filler = st.sampled_from([
    "De inwoner belde over de bijstand.", "Het besluit kwam te laat.",
    "Er was een gesprek met de consulent.", "Zij wacht al 3 jaar.", "In maart 2026 kwam post.",
    "De gemeente reageerde niet.", "Het ging om een groot bedrag.", ""])
personal = st.sampled_from([
    "Bel 06-12345678.", "Mail a@b.nl.", "BSN 111222333.", "Postcode 8331 AB.",
    "Adres Kerkstraat 12.", "Op 12 maart 2026.", "Zaak STW-2026-0042.",
    "IBAN NL91ABNA0417164300.", "Zij is 42 jaar oud.", "Een 42-jarige vrouw.",
    "Uit Giethoorn.", "Gesprek op 3-4-2025 met mevrouw X."])


def _valid_bsn(eight: str) -> str | None:
    total = sum(int(d) * w for d, w in zip(eight, range(9, 1, -1), strict=True))
    last = total % 11
    return eight + str(last) if last < 10 and eight != "0" * 8 else None


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_every_number_passing_the_eleven_test_is_a_bsn(eight):
    bsn = _valid_bsn(eight)
    if bsn is None or bsn == "0" * 9:
        return
    assert kinds(f"Nummer {bsn} hier.") == [("bsn", bsn)]
    wrong = bsn[:-1] + str((int(bsn[-1]) + 1) % 10)
    assert ("bsn", wrong) not in kinds(f"Nummer {wrong} hier.")


@given(full_names, st.lists(filler, max_size=4), st.integers(min_value=0, max_value=4))
def test_a_given_name_is_always_found_wherever_it_stands(name, parts, at):
    parts.insert(min(at, len(parts)), f"Daarna sprak {name} met ons.")
    text = " ".join(parts)
    found = findings(text, names=[name])
    assert any(f.kind == "naam" and f.text == name for f in found)
    assert "naam" in describe(found) and name in describe(found)


@given(st.lists(st.one_of(filler, personal), max_size=8), full_names)
def test_findings_are_ordered_disjoint_and_quote_the_text(parts, name):
    text = " ".join(parts + [f"Met {name}."])
    found = findings(text, names=[name], places=["Giethoorn"])
    for f in found:
        assert text[f.start:f.end] == f.text
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@given(st.lists(st.one_of(filler, personal), max_size=8), full_names,
       st.sampled_from([None, "de inwoner", "haar moeder"]))
def test_a_deidentified_text_has_nothing_left_to_find(parts, name, role):
    text = " ".join(parts + [f"Met {name} gesproken.", f"{name} was blij."])
    names = {name: role} if role else [name]
    draft = deidentify(text, names=names, places=["Giethoorn"], today=TODAY)
    assert findings(draft, names=[name], places=["Giethoorn"]) == []
    assert name not in draft


def test_titles_and_initials_go_with_the_name():
    names = {"Anna Jansen": "de inwoner", "Jan de Boer": "de consulent"}
    assert deidentify("Brief aan A.Jansen en J. de Boer. Dhr. J. de Boer belde.",
                      names=names) == "Brief aan de inwoner en de consulent. De consulent belde."


def test_a_description_after_the_name_is_not_a_name():
    names = ["Ellen Kramer, Wmo-consulent", "Piet (buurman)"]
    assert kinds("De Wmo-consulent sprak met de buurman. Ellen Kramer en Piet belden.",
                 names=names) == [("naam", "Ellen Kramer"), ("naam", "Piet")]
