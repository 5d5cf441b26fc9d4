"""The optional sections of the case page per variant of the council note."""

from __future__ import annotations

import pytest

from ombuds.domain.case_sections import MEETINGS, REFERRALS, applicable_sections
from ombuds.domain.variants import VARIANTS


@pytest.mark.parametrize("variant,sections", [
    (1, {MEETINGS, REFERRALS}),  # listening ear: a conversation, advice or a referral
    (2, {MEETINGS, REFERRALS}),  # mediation
    (3, {MEETINGS, REFERRALS}),
    (4, set()),                  # complaint handling: the Awb hearing, no referral outcome
    (5, {MEETINGS, REFERRALS}),
    (6, {REFERRALS}),            # second line: may refer, hears under the Awb
])
def test_each_variant_gets_the_sections_its_work_has(variant, sections):
    assert applicable_sections(VARIANTS[variant]) == sections
