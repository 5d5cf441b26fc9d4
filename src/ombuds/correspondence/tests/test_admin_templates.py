"""The beheerder's letter templates: scoped, checked on save, with a preview of the letter."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ombuds.correspondence.context import letter_context
from ombuds.correspondence.models import LetterTemplate
from ombuds.correspondence.services import letter_draft
from ombuds.correspondence.tests.factories import full_case
from ombuds.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

ADD = "admin:correspondence_lettertemplate_add"


def post(client, municipality, body, subject="Afsluiting (zaak {{ zaak.nummer }})"):
    return client.post(reverse(ADD), {"municipality": municipality.pk, "kind": "afsluiting",
                                      "subject": subject, "body": body})


def test_the_add_form_starts_from_the_shipped_text(client, office):
    client.force_login(office.beheer)
    page = client.get(reverse(ADD) + "?kind=afsluiting").content.decode()
    assert "Wij sluiten uw zaak af" in page and "inwoner.aanhef" in page


def test_a_template_with_an_unknown_placeholder_or_a_syntax_error_is_refused(client, office):
    client.force_login(office.beheer)
    response = post(client, office.steenwijkerland, "Beste {{ inwoner.voornaam }},")
    assert response.status_code == 200
    assert "Dit sjabloon kan niet worden opgeslagen" in response.content.decode()
    assert "inwoner.voornaam" in response.content.decode()
    response = post(client, office.steenwijkerland, "{% if ombudsman %}Naar {{ ombudsman.naam }}")
    assert "fout in de opmaak" in response.content.decode()
    response = post(client, office.steenwijkerland, "Verwezen naar {{ verwijzing.route }}.")
    assert "verwijzing.route" in response.content.decode(), "an unguarded optional part"
    assert LetterTemplate.objects.count() == 0


def test_a_good_template_is_saved_previewed_and_used_for_letters(client, office):
    client.force_login(office.beheer)
    body = ("{{ inwoner.aanhef }},\n\n## Klaar\nZaak {{ zaak.nummer }} is klaar.\n"
            "{% for route in open_routes %}- {{ route.naam }} uiterlijk {{ route.uiterste_datum }}\n"
            "{% endfor %}")
    assert post(client, office.steenwijkerland, body).status_code == 302
    template = LetterTemplate.objects.get()
    assert template.updated_by == office.beheer
    preview = client.get(reverse("admin:correspondence_lettertemplate_preview", args=[template.pk]))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Beste Jan de Voorbeeld" in html and "<h3>Klaar</h3>" in html
    assert "Bezwaar maken tegen het besluit over de scootmobiel uiterlijk" in html
    change = client.get(reverse("admin:correspondence_lettertemplate_change", args=[template.pk]))
    assert "Beste Jan de Voorbeeld" in change.content.decode()

    case, _, _ = full_case(office, 3)
    draft = letter_draft(case=case, kind="afsluiting")
    assert draft.subject == f"Afsluiting (zaak {case.reference})"
    assert "Beste Jan de Vries" in draft.body and "Bezwaar maken tegen het besluit" in draft.body
    assert letter_context(case)["inwoner"]["naam"] == "Jan de Vries"


def test_a_beheerder_sees_only_templates_of_their_municipalities(client, office):
    other = MunicipalityFactory(office=office.office)
    foreign = LetterTemplate.objects.create(municipality=other, kind="afsluiting", subject="x",
                                            body="y")
    client.force_login(office.beheer)
    url = reverse("admin:correspondence_lettertemplate_preview", args=[foreign.pk])
    assert client.get(url).status_code == 404
    assert post(client, other, "Tekst").status_code == 200  # not a choice for this beheerder
    assert LetterTemplate.objects.count() == 1
