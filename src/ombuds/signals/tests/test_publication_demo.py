"""The demo's signals carry texts for publication, marked publishable through the service;
one stays a draft (issue 16)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from ombuds.cases.models import Person
from ombuds.core.models import AuditEntry
from ombuds.domain.deidentify import findings
from ombuds.reports.periods import Period
from ombuds.signals.models import Recommendation, Signal
from ombuds.signals.publication import report_items

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_most_signals_and_some_recommendations_without_personal_data():
    call_command("load_demo", stdout=io.StringIO())
    published = Signal.objects.exclude(publishable_at=None)
    assert published.count() == 3
    draft = Signal.objects.get(publishable_at=None)
    assert draft.public_title and draft.municipality.cbs_code == "GM1701"
    assert Recommendation.objects.exclude(publishable_at=None).count() == 3
    assert AuditEntry.objects.filter(event="signal.marked_publishable").count() == 3
    names = list(Person.objects.values_list("name", flat=True))
    for signal in published.prefetch_related("recommendations"):
        texts = [signal.public_title, signal.public_text, signal.public_response,
                 *(r.public_text for r in signal.recommendations.all()),
                 *(r.public_response for r in signal.recommendations.all())]
        assert all(not findings(text, names=names) for text in texts), signal.title
    today = timezone.localdate()
    period = Period(today - timedelta(days=365), today, "jaar")
    stw = Signal.objects.filter(municipality__cbs_code="GM1708").values_list(
        "municipality_id", flat=True).first()
    items = report_items([stw], period, publishable_only=True)
    assert [i.title for i in items] == ["Brieven over terugvordering van bijstand zonder uitleg",
                                        "Inwoners wachten te lang op hulpmiddelen",
                                        "Huishoudelijke hulp stopt zonder overdracht"]
    assert [r.adoption_label for r in items[1].recommendations] == ["Overgenomen",
                                                                    "Nog niet bekend"]
    assert items[0].response.startswith("De gemeente heeft de standaardbrief aangepast")
