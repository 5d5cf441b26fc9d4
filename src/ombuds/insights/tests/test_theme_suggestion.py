"""The theme suggestion at intake: the shipped vocabulary refined per municipality by its
own closed cases, trained by the worker (or at the first suggestion), shown in words by an
HTMX partial (or a button without JavaScript), and counted when staff take it or not."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ombuds.core.models import Domain, Theme
from ombuds.insights import services
from ombuds.insights.models import SuggestionEvent, ThemeModel
from ombuds.insights.selectors import suggestion_acceptance
from ombuds.insights.services import theme_model_train, theme_suggest
from ombuds.insights.tasks import retrain_theme_models
from ombuds.insights.tests.factories import case, theme
from ombuds.tests.worker import run_worker_batch

pytestmark = pytest.mark.django_db

HULPMIDDEL = [
    ("Scootmobiel komt niet", "Ik wacht al maanden op mijn scootmobiel."),
    ("Traplift", "De traplift is nog niet geplaatst, de leverancier komt niet."),
    ("Rolstoel kapot", "Mijn rolstoel is kapot en de leverancier reageert niet."),
    ("Scootmobiel stuk", "De scootmobiel is stuk en wordt niet gerepareerd."),
    ("Aanpassing woning", "De traplift en de aanpassing van de badkamer duren lang."),
    ("Hulpmiddel", "Ik heb een rolstoel nodig maar de aanvraag ligt stil."),
]
SCHULD = [
    ("Schuldhulp afgewezen", "Mijn aanvraag voor schuldhulp is afgewezen."),
    ("Beslag op loon", "Er ligt beslag op mijn loon en de schulden lopen op."),
    ("Bewindvoering", "De bewindvoerder betaalt mijn rekeningen niet."),
    ("Schulden", "Ik kom er met mijn schulden niet uit, de schuldhulp reageert niet."),
    ("Aflossing", "De aflossing van mijn schulden is te hoog voor mijn inkomen."),
    ("Schuldhulpverlening", "De schuldhulpverlening heeft mijn dossier kwijt."),
]


@pytest.fixture
def trained(office):
    """Steenwijkerland with two themes and twelve closed cases to learn from."""
    aids = theme(office, "Hulpmiddelen")
    debts = theme(office, "Schulden")
    for title, story in HULPMIDDEL:
        case(office, title=title, story=story, themes=[aids], closed=True)
    for title, story in SCHULD:
        case(office, title=title, story=story, themes=[debts], closed=True)
    theme_model_train(municipality=office.steenwijkerland)
    return aids, debts


def test_the_retrain_task_learns_from_closed_cases_only(office):
    aids, debts = theme(office, "Hulpmiddelen"), theme(office, "Schulden")
    before = theme_model_train(municipality=office.steenwijkerland).model["themes"]
    for title, story in HULPMIDDEL[:5]:
        case(office, title=title, story=story, themes=[aids], closed=True)
    for title, story in SCHULD[:5]:
        case(office, title=title, story=story, themes=[debts], closed=True)
    # open cases and cases of another municipality never teach Steenwijkerland's model
    for title, story in SCHULD:
        case(office, title=title, story=story, themes=[aids])
    case(office, title="Elders", story="Schulden in Westerveld",
         municipality=office.westerveld, closed=True, domains=[office.wmo])

    result = retrain_theme_models.call()

    assert result == {"GM1708": 10, "GM1701": 1}
    model = ThemeModel.objects.get(municipality=office.steenwijkerland)
    assert model.n_cases == 10
    after = model.model["themes"]
    # the counts of the cases come on top of the vocabulary's
    for label in (str(aids.pk), str(debts.pk)):
        assert after["doc_counts"][label] - before["doc_counts"][label] == 5
    assert ThemeModel.objects.get(municipality=office.westerveld).n_cases == 1


def test_every_municipality_gets_a_model_without_any_closed_case(office):
    """Westerveld has no closed case at all: it still gets the vocabulary's suggestion."""
    aids = theme(office, "Hulpmiddelen", municipality=office.westerveld)
    assert retrain_theme_models.call() == {"GM1708": 0, "GM1701": 0}
    stored = ThemeModel.objects.get(municipality=office.westerveld)
    assert stored.n_cases == 0
    found = theme_suggest(user=office.ombudsman, municipality=office.westerveld,
                          text="Mijn scootmobiel is kapot en de leverancier komt niet")
    assert found.themes[0].theme == aids
    assert found.themes[0].likelihood in {"waarschijnlijk", "zeer waarschijnlijk"}
    assert found.domains[0].domain == office.wmo
    assert all(t.probability < 1 for t in found.themes)


def test_a_municipality_never_trained_is_trained_at_its_first_suggestion(office):
    aids = theme(office, "Hulpmiddelen")
    assert not ThemeModel.objects.exists()
    found = theme_suggest(user=office.secretariaat, municipality=office.steenwijkerland,
                          text="De rolstoel past niet en de leverancier doet niets")
    assert found.themes[0].theme == aids
    assert ThemeModel.objects.get(municipality=office.steenwijkerland).n_cases == 0


def test_a_new_theme_or_an_old_model_format_is_trained_anew(office, trained):
    aids, debts = trained
    urgency = Theme.objects.create(municipality=office.steenwijkerland, name="Urgentie",
                                   domain=Domain.objects.get(code="wonen"))
    found = theme_suggest(user=office.secretariaat, municipality=office.steenwijkerland,
                          text="Wij moeten uit huis en onze aanvraag voor urgentie is afgewezen")
    assert found.themes[0].theme == urgency
    # a model stored by an older Ombuds, read by a new process
    ThemeModel.objects.update(model={"version": 1, "doc_counts": {}})
    services._loaded.clear()
    found = theme_suggest(user=office.secretariaat, municipality=office.steenwijkerland,
                          text="Mijn scootmobiel is kapot en de leverancier komt niet")
    assert found.themes[0].theme == aids
    assert ThemeModel.objects.get().model["version"] == 2


def test_the_command_retrains_now_or_queues_the_task(office, trained):
    out = StringIO()
    call_command("retrain_theme_models", stdout=out)
    assert "GM1708: trained on the vocabulary and 12 closed cases" in out.getvalue()
    assert "GM1701: trained on the vocabulary and 0 closed cases" in out.getvalue()
    call_command("retrain_theme_models", "--enqueue", stdout=out)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "ombuds.insights.tasks.retrain_theme_models"
    assert str(queued.id) in out.getvalue()


# The worker closes its database connection between tasks, which on PostgreSQL would close
# the connection of the test's own transaction: this test commits for real.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_trains_every_municipality(office, trained):
    ThemeModel.objects.all().delete()
    call_command("retrain_theme_models", "--enqueue", stdout=StringIO())
    run_worker_batch()
    assert dict(ThemeModel.objects.values_list("municipality__cbs_code", "n_cases")) == {
        "GM1708": 12, "GM1701": 0}
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def post_story(client, office, story, **extra):
    return client.post(reverse("insights:theme_suggest"),
                       {"municipality": office.steenwijkerland.pk, "title": "",
                        "story": story, **extra}, HTTP_HX_REQUEST="true")


def test_the_partial_suggests_the_theme_of_the_story(office, client, trained):
    aids, debts = trained
    client.force_login(office.secretariaat)
    response = post_story(client, office, "Mijn scootmobiel is kapot en de leverancier komt niet")
    body = response.content.decode()
    assert response.status_code == 200
    assert (f'Voorstel: Hulpmiddelen ({office.wmo.name}) <span class="ombuds-muted">'
            "— zeer waarschijnlijk") in body
    assert f'name="themes" value="{aids.pk}"' in body
    assert f"Domein: {office.wmo.name}" in body
    assert "%" not in body and "100" not in body  # said in words, never as a certainty
    event = SuggestionEvent.objects.get()
    assert event.suggested[0] == aids.pk
    assert event.outcome == ""
    assert f'name="insights_event" value="{event.pk}"' in body


def test_one_intake_form_keeps_one_event(office, client, trained):
    client.force_login(office.secretariaat)
    post_story(client, office, "Mijn scootmobiel is kapot en de leverancier komt niet")
    event = SuggestionEvent.objects.get()
    post_story(client, office, "Er ligt beslag op mijn loon door de schulden",
               insights_event=event.pk)
    event.refresh_from_db()
    assert SuggestionEvent.objects.count() == 1
    assert event.suggested[0] == trained[1].pk


def test_a_short_story_or_no_theme_gives_no_suggestion(office, client, trained):
    client.force_login(office.secretariaat)
    response = post_story(client, office, "scootmobiel")
    assert "Voorstel:" not in response.content.decode()
    assert "Nog geen voorstel" in response.content.decode()
    # Westerveld keeps no theme in this office: nothing to suggest
    response = client.post(reverse("insights:theme_suggest"),
                           {"municipality": office.westerveld.pk,
                            "story": "Mijn scootmobiel is kapot en de leverancier komt niet"},
                           HTTP_HX_REQUEST="true")
    assert "Nog geen voorstel" in response.content.decode()
    assert not SuggestionEvent.objects.exists()


def test_a_municipality_without_cases_gets_the_vocabularys_suggestion_on_the_page(
        office, client):
    theme(office, "Hulpmiddelen", municipality=office.westerveld)
    client.force_login(office.ombudsman_westerveld)
    response = client.post(reverse("insights:theme_suggest"),
                           {"municipality": office.westerveld.pk,
                            "story": "De regiotaxi laat mij steeds staan met mijn rolstoel"},
                           HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "Voorstel: Hulpmiddelen" in body
    assert "waarschijnlijk" in body


def test_without_javascript_the_button_shows_the_intake_page_with_the_suggestion(
        office, client, trained):
    client.force_login(office.secretariaat)
    response = client.post(reverse("insights:theme_suggest"), {
        "municipality": office.steenwijkerland.pk, "name": "Jan Jansen",
        "story": "Mijn scootmobiel is kapot en de leverancier komt niet",
        "action": "themavoorstel"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nieuwe aanmelding" in body
    assert "Voorstel: Hulpmiddelen" in body
    assert 'value="Jan Jansen"' in body  # what was typed is kept
    assert "Vul een onderwerp in" not in body  # and no errors yet


def test_policy_users_get_no_suggestion(office, client, trained):
    client.force_login(office.beleid)
    assert post_story(client, office, "Mijn scootmobiel is kapot").status_code == 403


def record(client, event, themes):
    return client.post(reverse("insights:suggestion_record"),
                       {"insights_event": event.pk, "themes": themes}, HTTP_HX_REQUEST="true")


@pytest.mark.parametrize(
    ("chosen", "outcome"),
    [("first", "ja"), ("second", "deels"), ("none", "nee")],
)
def test_what_staff_chose_is_recorded(office, client, trained, chosen, outcome):
    aids, debts = trained
    client.force_login(office.secretariaat)
    event = SuggestionEvent.objects.create(municipality=office.steenwijkerland,
                                           created_by=office.secretariaat,
                                           suggested=[aids.pk, debts.pk])
    other = theme(office, "Anders").pk
    themes = {"first": [aids.pk, other], "second": [debts.pk, other], "none": [other]}[chosen]
    assert record(client, event, themes).status_code == 204
    event.refresh_from_db()
    assert event.outcome == outcome
    assert event.chosen == sorted(themes)


def test_only_the_user_who_saw_it_records_it(office, client, trained):
    client.force_login(office.secretariaat)
    post_story(client, office, "Mijn scootmobiel is kapot en de leverancier komt niet")
    event = SuggestionEvent.objects.get()
    client.force_login(office.ombudsman)
    record(client, event, [event.suggested[0]])
    event.refresh_from_db()
    assert event.outcome == ""


def test_a_form_back_with_an_error_shows_the_same_suggestion_ticked(office, client, trained):
    aids, _ = trained
    client.force_login(office.secretariaat)
    post_story(client, office, "Mijn scootmobiel is kapot en de leverancier komt niet")
    event = SuggestionEvent.objects.get()
    response = client.post(reverse("cases:register"), {
        "municipality": office.steenwijkerland.pk, "story": "Scootmobiel kapot",
        "themes": [aids.pk], "insights_event": event.pk, "action": "registreer"})
    body = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_voorstel_{aids.pk}" name="themes" value="{aids.pk}" checked' in body
    assert SuggestionEvent.objects.count() == 1


def test_acceptance_is_counted_and_shown_on_the_patterns_page(office, client, trained):
    aids, debts = trained
    m = office.steenwijkerland
    for outcome in ["ja", "ja", "ja", "deels", "nee", ""]:
        SuggestionEvent.objects.create(municipality=m, created_by=office.secretariaat,
                                       suggested=[aids.pk], outcome=outcome)
    acceptance = suggestion_acceptance(office.ombudsman)
    assert (acceptance.shown, acceptance.decided, acceptance.accepted) == (6, 5, 3)
    assert acceptance.accepted_share == pytest.approx(0.6)
    assert acceptance.any_share == pytest.approx(0.8)
    assert suggestion_acceptance(office.ombudsman_westerveld).shown == 0
    client.force_login(office.coordinator)
    body = client.get(reverse("insights:patterns")).content.decode()
    assert "3 (60%)" in body
    assert "80%" in body
