"""Which phone numbers and postcodes a resident can be reached on (domain/contact.py)."""

from __future__ import annotations

import pytest

from ombuds.domain.contact import (
    is_phone,
    is_postcode,
    phone_display,
    phone_e164,
    postcode_normal,
)


@pytest.mark.parametrize("text,e164", [
    ("06 1234 5678", "+31612345678"),
    ("0612345678", "+31612345678"),
    ("06-12345678", "+31612345678"),
    ("+31 6 12345678", "+31612345678"),
    ("+31612345678", "+31612345678"),
    ("+31 (0)6 1234 5678", "+31612345678"),
    ("0031 6 1234 5678", "+31612345678"),
    ("0521 123 456", "+31521123456"),
    ("(0521) 123456", "+31521123456"),
    ("010-1234567", "+31101234567"),
    ("088 123 45 67", "+31881234567"),
    ("0800 1234", "+318001234"),
    ("0800-0123456", "+318000123456"),
    ("+49 151 12345678", "+4915112345678"),
    ("0032 470 12 34 56", "+32470123456"),
])
def test_it_accepts_dutch_and_international_numbers(text, e164):
    assert phone_e164(text) == e164
    assert is_phone(text)


@pytest.mark.parametrize("text", [
    "", "   ", "abc<script>", "06", "061234567", "06123456789", "6 12345678",
    "0012345678",  # 00 and then a number that is no country
    "+31 6 1234567", "+31 6 123456789", "+31 06 12345678", "0031 (0)6 1234 567",
    "+1 234", "+12345678901234567", "06 1234 567x", "06 1234 5678 toestel 2", "++31612345678",
    "112", "14 0521",
])
def test_it_refuses_what_is_not_a_number_to_call(text):
    assert phone_e164(text) is None
    assert not is_phone(text)


@pytest.mark.parametrize("text,shown", [
    ("+31 6 1234 5678", "06 12345678"),
    ("06-1234-5678", "06 12345678"),
    ("0521-123456", "0521 123456"),
    ("(0521) 12 34 56", "0521 12 34 56"),
    ("+31 521 123456", "0521123456"),
    ("+49 151 12345678", "+4915112345678"),
    ("onzin", None),
])
def test_it_shows_a_number_the_dutch_way(text, shown):
    assert phone_display(text) == shown


@pytest.mark.parametrize("text,normal", [
    ("1234 AB", "1234 AB"), ("1234AB", "1234 AB"), ("1234 ab", "1234 AB"),
    (" 8331hk ", "8331 HK"), ("9999 ZZ", "9999 ZZ"),
])
def test_it_accepts_a_dutch_postcode_as_1234_ab(text, normal):
    assert postcode_normal(text) == normal
    assert is_postcode(text)


@pytest.mark.parametrize("text", [
    "", "abc<script>", "0123 AB", "123 AB", "12345 AB", "1234 A", "1234 ABC", "1234  AB",
    "1234-AB", "1234 SS", "1234 SA", "1234 sd", "AB 1234", "1234 A1",
])
def test_it_refuses_what_is_not_a_dutch_postcode(text):
    assert postcode_normal(text) is None
    assert not is_postcode(text)
