"""How a worklist search text is read, and the search keys it is looked up by (domain/search.py)."""

from __future__ import annotations

import pytest

from ombuds.domain.search import (
    ReferencePart,
    SearchKind,
    email_key,
    parse_search,
    phone_key,
    postcode_key,
)


@pytest.mark.parametrize("text", ["06-12345678", "06 1234 5678", "+31 6 12345678", "0612345678",
                                  "+31 (0)6 1234 5678", "0031 6 12345678", "06.12.34.56.78",
                                  "(06) 12345678"])
def test_every_spelling_of_a_mobile_number_has_one_key(text):
    assert phone_key(text) == "0612345678"
    assert parse_search(text).kind == SearchKind.PHONE
    assert parse_search(text).key == "0612345678"


@pytest.mark.parametrize(("text", "key"), [
    ("0521-123456", "0521123456"),
    ("+31 521 123 456", "0521123456"),
    ("+49 151 12345678", "004915112345678"),
    ("0049 151 12345678", "004915112345678"),
])
def test_landlines_and_foreign_numbers_keep_their_digits(text, key):
    assert phone_key(text) == key


@pytest.mark.parametrize("text", ["8331 AB", "8331ab", "8331 ab", " 8331AB ", "8331  Ab"])
def test_a_postcode_is_found_with_or_without_space_in_any_case(text):
    terms = parse_search(text)
    assert terms.kind == SearchKind.POSTCODE and terms.key == "8331AB"
    assert postcode_key(text) == "8331AB"


def test_an_email_address_is_lower_case():
    terms = parse_search(" Piet.Jansen@Example.ORG ")
    assert terms.kind == SearchKind.EMAIL and terms.key == "piet.jansen@example.org"
    assert email_key("A@B.nl") == "a@b.nl"


@pytest.mark.parametrize(("text", "part"), [
    ("STW-2026-0031", ReferencePart(number="31", prefix="STW", year="2026")),
    ("stw-2026-0031", ReferencePart(number="31", prefix="STW", year="2026")),
    ("2026-0031", ReferencePart(number="31", year="2026")),
    ("0031", ReferencePart(number="31")),
    ("31", ReferencePart(number="31")),
    ("STW-0031", ReferencePart(number="31", prefix="STW")),
    ("BAB-2026-000031", ReferencePart(number="31", prefix="BAB", year="2026")),
    ("2026-0100", ReferencePart(number="100", year="2026")),
])
def test_a_case_number_or_part_of_one_is_read_as_its_number(text, part):
    terms = parse_search(text)
    assert terms.kind == SearchKind.REFERENCE
    assert terms.reference == part


def test_seven_digits_or_more_are_a_phone_number_not_a_case_number():
    assert parse_search("123456").kind == SearchKind.REFERENCE
    assert parse_search("0521123").kind == SearchKind.PHONE
    assert parse_search("06-12345678").kind == SearchKind.PHONE  # not prefix "06", number …


@pytest.mark.parametrize("text", ["Jansen", "Piet Jansen", "scootmobiel kapot", "0000",
                                  "traplift 2026", "abc<script>", "06-1234"])
def test_anything_else_is_words(text):
    terms = parse_search(text)
    assert terms.kind == SearchKind.WORDS
    assert terms.text == text


def test_words_are_lower_case_without_punctuation():
    assert parse_search("Zwiers-Hoogland, Geertje").words == ("zwiers", "hoogland", "geertje")
    assert parse_search("  ") is None


def test_only_details_of_a_person_are_a_personal_kind():
    assert {k for k in SearchKind if k.personal} == {
        SearchKind.PHONE, SearchKind.EMAIL, SearchKind.POSTCODE}
