"""The intake form names the purpose of each personal field (WCAG 1.3.5), per person: the
resident's and the representative's details are separate autofill sections (issue 15)."""

from __future__ import annotations

import re

import pytest


@pytest.mark.parametrize("field,token", [
    ("name", "section-inwoner name"), ("date_of_birth", "section-inwoner bday"),
    ("email", "section-inwoner email"), ("phone", "section-inwoner tel"),
    ("street", "section-inwoner street-address"), ("postcode", "section-inwoner postal-code"),
    ("city", "section-inwoner address-level2"),
    ("rep_name", "section-vertegenwoordiger name"), ("rep_phone", "section-vertegenwoordiger tel"),
    ("rep_email", "section-vertegenwoordiger email"),
])
def test_it_names_the_purpose_of_each_personal_field(client, office, field, token):
    client.force_login(office.secretariaat)
    html = client.get("/werk/zaken/nieuw/").content.decode()
    tag = re.search(rf'<input[^>]*name="{field}"[^>]*>', html).group(0)
    assert f'autocomplete="{token}"' in tag
    if field in ("phone", "rep_phone"):
        assert 'type="tel"' in tag
