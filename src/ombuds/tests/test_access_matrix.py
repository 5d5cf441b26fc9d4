"""Every staff URL and API endpoint × every role: nobody reaches what they may not.

The URL list is read from the URL configuration itself, so a new URL without an entry in
``RULES`` fails this test until someone decides who may reach it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from ombuds.cases.models import Case, CaseOrganisation, SavedFilter
from ombuds.cases.services import case_assign, case_transition, timeline_entry_add
from ombuds.interop.services import import_job_create
from ombuds.mediation.partner import partner_link_create
from ombuds.mediation.services import (
    AgreementData,
    consent_record,
    meeting_record,
    party_add,
    referral_create,
)
from ombuds.mediation.survey import survey_invite
from ombuds.privacy.services import avg_request_create
from ombuds.procedures.applications import application_create
from ombuds.procedures.complaints import complaint_of, element_create
from ombuds.procedures.services import decision_create
from ombuds.public.services import status_link_issue
from ombuds.signals.links import signal_link_create
from ombuds.signals.services import recommendation_add, signal_create
from ombuds.tests.factories import OrganisationFactory, register_case, workflow

ROLES = ["anonymous", "ombudsman", "secretariaat", "coordinator", "beleid", "beheer",
         "ombudsman-westerveld"]

CASE_ROLES = {"ombudsman", "secretariaat", "coordinator", "ombudsman-westerveld"}
#: The case under test is a Steenwijkerland case handled by the ombudsperson: the
#: secretariat (not involved) and the Westerveld-only ombudsperson must not reach it.
CASE_READERS = {"ombudsman", "coordinator"}
FIGURES = {"ombudsman", "coordinator", "beleid", "ombudsman-westerveld"}
EVERYONE = set(ROLES)
STAFF = EVERYONE - {"anonymous"}
ADMIN = {"beheer"}
AVG_HANDLERS = {"ombudsman"}


@dataclass(frozen=True)
class Rule:
    allowed: set[str]
    method: str = "get"


RULES: dict[str, Rule] = {
    # public
    "public:home": Rule(EVERYONE),
    "public:privacy": Rule(EVERYONE),
    "public:accessibility": Rule(EVERYONE),
    "public:municipality": Rule(EVERYONE),
    "public:routes": Rule(EVERYONE),
    "public:social_map": Rule(EVERYONE),
    "public:contact": Rule(EVERYONE),
    "public:request": Rule(EVERYONE),
    # the confirmation is only for the session that sent the request, the status page only
    # for the session that opened its private link; the world's token is a partner token,
    # so the status entry is a 404 too (public/tests/test_status.py covers the real ones)
    "public:request_sent": Rule(set()),
    "public:status": Rule(set()),
    "public:status_reminder": Rule(set(), "post"),
    "public:status_entry": Rule(set()),
    # staff: revoke a resident's status link (the world's case has one)
    "public-staff:status_link_revoke": Rule(CASE_READERS, "post"),
    # making the resident a status link: whoever may open the case
    "public-staff:status_link_issue": Rule(CASE_READERS, "post"),
    "accounts:login": Rule(EVERYONE),
    "accounts:logout": Rule(EVERYONE, "post"),
    # the second step of logging in (accounts/tests/test_second_factor.py): done here, so
    # the step sends staff on; the set-up sends a user who has an app back to the step; the
    # single sign-on pages are 404 (and the failure page 403) while OIDC is not configured
    "accounts:otp_verify": Rule(STAFF),
    "accounts:otp_setup": Rule(set()),
    "accounts:otp_recovery_codes": Rule(STAFF),
    "accounts:oidc_start": Rule(set()),
    "accounts:oidc_callback": Rule(set()),
    "accounts:oidc_failed": Rule(set()),
    # one's own account (accounts/tests/test_account.py): every staff member, no one else's
    "account:overview": Rule(STAFF),
    "account:password_change": Rule(STAFF),
    "account:recovery_codes": Rule(STAFF),
    # staff pages
    "cases:home": Rule(STAFF),
    "cases:worklist": Rule(CASE_ROLES),
    # reopening: the world's case is open, so a refusal (400) for those who may move it
    "cases:reopen": Rule(CASE_READERS, "post"),
    # the workload per handler (counts only): those who see all cases of a municipality
    "insights:workload": Rule({"ombudsman", "coordinator", "ombudsman-westerveld"}),
    # correcting the intake details: whoever may open the case (accounts with a case role)
    "cases:edit": Rule(CASE_READERS),
    # the benchmark floor (one scoped primary-key query, 204 without data)
    "cases:floor": Rule(CASE_ROLES),
    "cases:register": Rule(CASE_ROLES),
    "cases:saved_filter_save": Rule(CASE_ROLES, "post"),
    # reachable, but deletes only one's own filter (asserted below)
    "cases:saved_filter_delete": Rule(CASE_ROLES, "post"),
    "cases:detail": Rule(CASE_READERS),
    "cases:add_entry": Rule(CASE_READERS, "post"),
    "cases:assign": Rule(CASE_READERS, "post"),
    "cases:transition": Rule(CASE_READERS, "post"),
    # the closing page (the closing check and the closing form): whoever may move the case
    "cases:close": Rule(CASE_READERS),
    "cases:attachment": Rule(CASE_READERS),
    # procedures pages: each GET shows a form (or the letter); the POSTs use the same guard
    "procedures:decision_add": Rule(CASE_READERS),
    "procedures:decision_change": Rule(CASE_READERS),
    "procedures:decision_delete": Rule(CASE_READERS),
    "procedures:proforma_letter": Rule(CASE_READERS),
    # applications of a case (issue 14): each GET shows a form; the POSTs use the same guard
    "procedures:application_add": Rule(CASE_READERS),
    "procedures:application_change": Rule(CASE_READERS),
    "procedures:application_delete": Rule(CASE_READERS),
    # the complaint pages answer on the world's complaint case, a Westerveld (variant 5) case
    # handled by the ombudsperson: also its Westerveld ombudsperson (see ``COMPLAINT_CASE``)
    "procedures:complaint_edit": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    "procedures:complaint_element_add": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    "procedures:complaint_element_change": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    "procedures:complaint_element_delete": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    # letters: the GET shows the choice form; the POST steps use the same guard
    "correspondence:letter_add": Rule(CASE_READERS),
    # mediation pages: each GET shows a form; the POSTs use the same guard
    "mediation:my_agreements": Rule(CASE_ROLES),
    "mediation:party_add": Rule(CASE_READERS),
    "mediation:consent_add": Rule(CASE_READERS),
    "mediation:consent_revoke": Rule(CASE_READERS),
    "mediation:override_add": Rule(CASE_READERS),
    "mediation:meeting_plan": Rule(CASE_READERS),
    "mediation:meeting_detail": Rule(CASE_READERS),
    "mediation:meeting_edit": Rule(CASE_READERS),
    "mediation:meeting_cancel": Rule(CASE_READERS),
    "mediation:meeting_hold": Rule(CASE_READERS),
    "mediation:meeting_invite": Rule(CASE_READERS),
    "mediation:meeting_calendar": Rule(CASE_READERS),
    # meetings through the API: the same guard (a held meeting answers 409 or 400 to a POST)
    "api-mediation:meetings": Rule(CASE_READERS),
    "api-mediation:meeting": Rule(CASE_READERS),
    "api-mediation:meeting_cancel": Rule(CASE_READERS, "post"),
    "api-mediation:meeting_hold": Rule(CASE_READERS, "post"),
    "api-mediation:meeting_invitations": Rule(CASE_READERS, "post"),
    "mediation:agreement_status": Rule(CASE_READERS),
    "mediation:referral_add": Rule(CASE_READERS),
    "mediation:referral_arrival": Rule(CASE_READERS),
    # patterns: rising themes for those who see all cases; the theme suggestion at intake
    # and recording its acceptance for everyone who registers cases
    "insights:patterns": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    # the related cases and signals of a case (loaded into its page): those who see all of
    # its municipality's cases, not the secretariat
    "insights:case_related": Rule(CASE_READERS),
    "insights:theme_suggest": Rule(CASE_ROLES, "post"),
    "insights:suggestion_record": Rule(CASE_ROLES, "post"),
    # partner links and the survey: staff side
    "partner-staff:link_create": Rule(CASE_READERS),
    "partner-staff:link_revoke": Rule(CASE_READERS, "post"),
    "partner-staff:survey_invite": Rule(CASE_READERS),
    # the token pages: anyone with a valid token (they redirect to the page without it); a
    # wrong token is a 404, a closed link a 410 (test_partner*.py, test_survey.py)
    "partner:request": Rule(EVERYONE),
    "partner:survey": Rule(EVERYONE),
    "api-mediation:partner": Rule(EVERYONE),
    # reachable only in the session that opened the token page: nobody here
    "partner:page": Rule(set()),
    "partner:thanks": Rule(set()),
    "partner:survey_form": Rule(set()),
    "partner:survey_thanks": Rule(set()),
    # signals: ombudspersons and coordinators of the municipality; beleid reads the world's
    # signal because it is shared (never its cases); the Westerveld-only ombudsperson gets a
    # 404 for this Steenwijkerland signal but has lists and a create page of their own
    "signals:list": Rule(CASE_READERS | {"beleid", "ombudsman-westerveld"}),
    "signals:create": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    # recommendations of a variant-6 request: who may make and record them, never intake
    "signals:case_recommendation_add": Rule({"ombudsman", "coordinator",
                                             "ombudsman-westerveld"}),
    "signals:case_recommendation_response": Rule({"ombudsman", "coordinator",
                                                  "ombudsman-westerveld"}),
    "signals:detail": Rule(CASE_READERS | {"beleid"}),
    "signals:transition": Rule(CASE_READERS, "post"),
    "signals:link_cases": Rule(CASE_READERS),
    "signals:recommendation_add": Rule(CASE_READERS),
    "signals:recommendation_response": Rule(CASE_READERS),
    "signals:link_create": Rule(CASE_READERS),
    "signals:link_revoke": Rule(CASE_READERS, "post"),
    # the texts for publication and marking them publishable (signals.publication)
    "signals:publication": Rule(CASE_READERS, "post"),
    "signals:publication_withdraw": Rule(CASE_READERS, "post"),
    "signals:case_recommendation_publication": Rule({"ombudsman", "coordinator",
                                                     "ombudsman-westerveld"}),
    # the organisation's signal page: the world's token is a partner token, so a 404 here;
    # a valid signal token and the session pages are tested in signals/tests/test_lifecycle.py
    "signal-public:entry": Rule(set()),
    "signal-public:page": Rule(set()),
    "signal-public:thanks": Rule(set()),
    "socialmap:list": Rule(CASE_ROLES),
    "core:figures": Rule(FIGURES),
    "core:audit": Rule(ADMIN),
    # reports: the dashboard and files for the figures roles (beleid: publishable only)
    "reports:index": Rule(FIGURES),
    "reports:export": Rule(FIGURES),
    "reports:run_create": Rule(FIGURES, "post"),
    # a report run is reachable only by the user who asked for it; this world has none
    # (reports/tests/test_views.py checks the owner gets it and everyone else a 404)
    "reports:run": Rule(set()),
    "reports:run_download": Rule(set()),
    # the annual report of the world's municipality (GM1708, this year): the figures roles
    # of Steenwijkerland see it and make its files; only those with exact figures write it
    "reports:annual_index": Rule(FIGURES),
    "reports:annual": Rule({"ombudsman", "coordinator", "beleid"}),
    "reports:annual_run": Rule({"ombudsman", "coordinator", "beleid"}, "post"),
    "reports:annual_texts": Rule({"ombudsman", "coordinator"}, "post"),
    "reports:annual_story_add": Rule({"ombudsman", "coordinator"}, "post"),
    "reports:annual_story": Rule({"ombudsman", "coordinator"}, "post"),
    "core:audit_export": Rule(ADMIN),
    # retention: the ombudsperson and the beheerder of a municipality (references and dates
    # only); an empty POST is a form error (400); the world's case has no hold to lift, so
    # lifting redirects with a message; the Westerveld-only ombudsperson gets a 404 for it
    "records:overview": Rule({"ombudsman", "beheer", "ombudsman-westerveld"}),
    "records:hold_place": Rule({"ombudsman", "beheer", "ombudsman-westerveld"}, "post"),
    "records:hold_lift": Rule({"ombudsman", "beheer"}, "post"),
    # import and export: the beheerder only (a job is only reachable by its own uploader)
    "interop:import_start": Rule(ADMIN),
    "interop:import_mapping": Rule(ADMIN),
    "interop:import_report": Rule(ADMIN),
    "interop:import_go": Rule(ADMIN, "post"),
    "interop:import_progress": Rule(ADMIN),
    # the world's job is neither stalled nor failed: a refusal message and back to progress
    "interop:import_retry": Rule(ADMIN, "post"),
    "interop:export": Rule(ADMIN),
    "interop:export_cases": Rule(ADMIN),
    "interop:export_signals": Rule(ADMIN),
    # AVG requests: handled by the ombudsperson of the request's municipality (the world's
    # request is a Steenwijkerland one); "who saw this person?" also for the beheerder
    "privacy:list": Rule(AVG_HANDLERS | {"ombudsman-westerveld"}),
    "privacy:create": Rule(AVG_HANDLERS | {"ombudsman-westerveld"}),
    "privacy:detail": Rule(AVG_HANDLERS),
    "privacy:extend": Rule(AVG_HANDLERS, "post"),
    "privacy:decide": Rule(AVG_HANDLERS, "post"),
    "privacy:erase": Rule(AVG_HANDLERS, "post"),
    "privacy:correct": Rule(AVG_HANDLERS),
    "privacy:access_json": Rule(AVG_HANDLERS),
    "privacy:access_pdf": Rule(AVG_HANDLERS),
    "privacy:access_attachments": Rule(AVG_HANDLERS),
    "privacy:person_audit": Rule(AVG_HANDLERS | ADMIN),
    "privacy:person_audit_export": Rule(AVG_HANDLERS | ADMIN),
    # API
    "api-cases:cases": Rule(CASE_ROLES),
    "api-cases:case": Rule(CASE_READERS),
    "api-cases:timeline": Rule(CASE_READERS),
    "api-cases:attachment-download": Rule(CASE_READERS),
    "api-cases:assign": Rule(CASE_READERS, "post"),
    "api-cases:transitions": Rule(CASE_READERS),
    "api-interop:case-zgw": Rule(CASE_READERS),
    "api-procedures:decisions": Rule(CASE_READERS),
    "api-procedures:decision": Rule(CASE_READERS),
    "api-procedures:complaints": Rule(CASE_READERS),
    "api-procedures:complaint": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    "api-procedures:complaint_elements": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    "api-procedures:complaint_element": Rule(CASE_READERS | {"ombudsman-westerveld"}),
    "api-correspondence:letter_draft": Rule(CASE_READERS),
    "api-procedures:deadlines": Rule(CASE_READERS),
    "api-procedures:applications": Rule(CASE_READERS),
    "api-procedures:application": Rule(CASE_READERS),
    "api-signals:signals": Rule(CASE_READERS | {"beleid", "ombudsman-westerveld"}),
    "api-signals:signal": Rule(CASE_READERS | {"beleid"}),
    "api-signals:signal_publishable": Rule(CASE_READERS, "post"),
    # the domain and theme suggestion: intake staff (an empty body is a 400 for them)
    "api-insights:suggestions": Rule(CASE_ROLES, "post"),
    # report figures as JSON: the figures roles (without a query a 400 for them)
    "api-reports:figures": Rule(FIGURES),
    "api-core:municipalities": Rule(STAFF),
    "api-core:municipality": Rule(STAFF - {"ombudsman-westerveld"}),  # a GM1708 detail
    "api-socialmap:organisations": Rule(STAFF),
    "api-socialmap:organisation": Rule(STAFF - {"ombudsman-westerveld"}),  # a GM1708 one
    # The API description is public, like Open Zaak's: it holds no data.
    "api-schema": Rule(EVERYONE),
    "api-docs": Rule(EVERYONE),
}


def url_patterns(resolver=None, namespace=""):
    """Yield ``(name, parameter names)`` of every named URL pattern."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            yield from url_patterns(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", set(pattern.pattern.regex.groupindex)


def url_names():
    for name, _params in url_patterns():
        yield name


PARAMETERS = dict(url_patterns())


def app_url_names():
    return sorted({n for n in url_names() if not n.startswith(("admin:", "djdt"))})


@pytest.fixture
def world(office):
    organisation = OrganisationFactory()
    organisation.municipalities.add(office.steenwijkerland)
    case = register_case(office, name="Geertje Zwiers-Hoogland",
                         story="Mijn verhaal over de thuiszorg die niet komt.")
    case_assign(user=office.ombudsman, case=case, assignee=office.ombudsman)
    entry = timeline_entry_add(
        user=office.ombudsman, case=case, kind="document", summary="Brief",
        files=[SimpleUploadedFile("brief.txt", b"Beste mevrouw Zwiers-Hoogland")],
    )
    saved = SavedFilter.objects.create(user=office.ombudsman, name="Spoed", query="urgency=spoed")
    today = timezone.localdate()
    decision = decision_create(user=office.ombudsman, case=case, subject="Thuiszorg verlaagd",
                               made_known_on=today)
    application = application_create(user=office.ombudsman, case=case, kind="wmo_aanvraag",
                                     subject="Scootmobiel", submitted_on=today)
    # A complaint exists only through the workflow: a Westerveld case turned into one.
    complaint_case = register_case(office, municipality=office.westerveld,
                                   name="Geertje Zwiers-Hoogland")
    case_assign(user=office.ombudsman, case=complaint_case, assignee=office.ombudsman)
    case_transition(user=office.ombudsman, case=complaint_case, target="intake")
    case_transition(user=office.ombudsman, case=complaint_case, target="klacht")
    complaint = complaint_of(complaint_case)
    # A request to the ombudsfunctie as second line (variant 6), for its recommendations: new
    # Westerveld cases follow variant 6 for a moment.
    westerveld_workflow = office.westerveld.workflow
    office.westerveld.workflow = workflow(6)
    office.westerveld.save()
    request_case = register_case(office, municipality=office.westerveld,
                                 name="Geertje Zwiers-Hoogland")
    office.westerveld.workflow = westerveld_workflow
    office.westerveld.save()
    element = element_create(user=office.ombudsman, complaint=complaint, description="Bejegening")
    party = party_add(user=office.ombudsman, case=case, organisation=organisation)
    consent = consent_record(user=office.ombudsman, party=party, purpose="gesprek", scope="Alles",
                             given_on=today, given_how="mondeling", given_by="De inwoner")
    meeting = meeting_record(user=office.ombudsman, case=case, kind="apart",
                             starts_at=timezone.now(), place="Telefoon",
                             agreements=[AgreementData(description="Bellen", due_on=today,
                                                       owner="ombudsfunctie")])
    referral = referral_create(user=office.ombudsman, case=case, route="bezwaar",
                               referred_on=today, check_on=today)
    # Partner links: one on this case (to revoke), a valid one on another case (its page shows
    # that case's reference), and a survey invitation of a closed case.
    own_party = CaseOrganisation.objects.create(case=case, organisation=OrganisationFactory())
    own_link, _ = partner_link_create(user=office.ombudsman, case=case, party=own_party,
                                      purpose="informatie", question="Hoe staat het ervoor?")
    other = register_case(office)
    other_party = CaseOrganisation.objects.create(case=other, organisation=organisation)
    _, partner_token = partner_link_create(user=office.ombudsman, case=other, party=other_party,
                                           purpose="reactie", question="Wat is uw reactie?")
    closed = register_case(office)
    Case.objects.filter(pk=closed.pk).update(closed_at=timezone.now())
    closed.refresh_from_db()
    _, survey_token, _ = survey_invite(case=closed)
    # A signal on the case, shared through a link so that beleid may read it.
    signal = signal_create(user=office.ombudsman, municipality=office.steenwijkerland,
                           title="Zorg komt vaak te laat", description="Een patroon.",
                           organisation=organisation, cases=[case])
    recommendation_add(user=office.ombudsman, signal=signal, addressee="College",
                       text="Maak een plan.", due_on=today)
    signal_link_create(user=office.ombudsman, signal=signal)
    status_link_issue(user=office.ombudsman, case=case)
    job = import_job_create(user=office.beheer, filename="zaken.csv",
                            content=b"Datum;Naam;Onderwerp\n01-02-2026;A;B\n",
                            municipality=office.steenwijkerland)
    # An AVG request (a correction, so every page of it answers) of the case's resident.
    avg_request = avg_request_create(user=office.ombudsman, municipality=office.steenwijkerland,
                                     person=case.person, kind="rectificatie", received_on=today)
    kwargs = {
        "reference": case.reference, "uuid": entry.attachments.get().uuid,
        "cbs_code": "GM1708", "pk": organisation.pk,
        "decision_id": decision.pk, "application_id": application.pk,
        "complaint_id": complaint.pk, "step": "klacht",
        "element_id": element.pk, COMPLAINT_CASE: complaint_case.reference,
        REQUEST_CASE: request_case.reference,
        "link_id": own_link.pk, "token": partner_token, "survey_token": survey_token,
        "party_id": party.pk, "consent_id": consent.pk,
        "agreement_id": meeting.agreements.get().pk, "referral_id": referral.pk,
        "meeting_id": meeting.pk, "who": "inwoner",
        "signal_id": signal.pk, "job_id": job.pk, "fmt": "csv",
        "request_id": avg_request.pk, "person_id": case.person_id,
        "municipality": "steenwijkerland", "year": today.year,
    }
    return office, case, kwargs, saved


#: The world's key for the reference of its complaint case: the URLs of a complaint (its
#: steps, elements, the API item) are reversed with that case instead of the world's case.
COMPLAINT_CASE = "complaint_case_reference"
#: The world's key for the reference of its variant-6 case (the recommendations of a request).
REQUEST_CASE = "request_case_reference"


def build(name, kwargs, saved):
    """Reverse ``name`` with the world's objects for exactly the parameters it takes."""
    values = dict(kwargs)
    if name == "cases:saved_filter_delete":
        values["pk"] = saved.pk
    wanted = PARAMETERS[name]
    if name.startswith("procedures:complaint") or wanted & {"complaint_id", "element_id"}:
        values["reference"] = values[COMPLAINT_CASE]
    if name.startswith("signals:case_recommendation"):
        values["reference"] = values[REQUEST_CASE]
    missing = wanted - set(values)
    assert not missing, f"the matrix world has no value for {missing} of {name}"
    return reverse(name, kwargs={k: values[k] for k in wanted})


def client_for(role, office):
    client = Client()
    if role == "anonymous":
        return client
    user = office.users()[role]
    client.force_login(user)
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {Token.objects.get_or_create(user=user)[0].key}"
    return client


def test_every_url_has_a_rule():
    missing = [n for n in app_url_names() if n not in RULES]
    assert not missing, f"decide who may reach these URLs: {missing}"


def reached(response) -> bool:
    if response.status_code in (401, 403, 404):
        return False
    if response.status_code == 302:
        return not re.search(r"/(inloggen|beheer/login)/", response["Location"])
    return response.status_code in (200, 201, 204, 400, 405, 409)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_what_it_may(world, role):
    office, case, kwargs, saved = world
    wrong = []
    for name in app_url_names():
        rule = RULES[name]
        url = build(name, kwargs, saved)
        # A fresh client per URL: logging out (one of the URLs) must not affect the next one.
        client = client_for(role, office)
        if rule.method == "post" and name.startswith("api-"):
            response = client.post(url, data="{}", content_type="application/json")
        else:
            response = getattr(client, rule.method)(url)
        if reached(response) != (role in rule.allowed):
            wrong.append(f"{name} {url} → {response.status_code}")
    assert not wrong, f"{role}: " + "; ".join(wrong)
    if role != "ombudsman":
        assert SavedFilter.objects.filter(pk=saved.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["beleid", "beheer", "anonymous"])
def test_no_person_level_data_reaches_policy_admin_or_the_public(world, role):
    office, case, kwargs, saved = world
    client = client_for(role, office)
    for name in app_url_names():
        if RULES[name].method != "get":
            continue
        response = client.get(build(name, kwargs, saved))
        content = (b"".join(response.streaming_content) if response.streaming
                   else response.content)  # the exports stream
        body = content.decode(errors="replace")
        secrets = ["Zwiers-Hoogland", "thuiszorg die niet komt"]
        if role != "beheer":  # the audit log answers "who saw case X?" by its reference
            secrets.append(case.reference)
        for secret in secrets:
            assert secret not in body, f"{role} sees '{secret}' on {name}"


ADMIN_PAGES = ["admin:index", "admin:core_municipality_changelist",
               "admin:socialmap_organisation_changelist", "admin:accounts_user_changelist",
               "admin:core_auditentry_changelist"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_only_the_beheerder_reaches_the_admin(world, role):
    office = world[0]
    client = client_for(role, office)
    for name in ADMIN_PAGES:
        response = client.get(reverse(name))
        assert reached(response) == (role == "beheer"), f"{role} {name} {response.status_code}"


@pytest.mark.django_db
def test_cases_and_persons_are_not_in_the_admin(world):
    from django.contrib import admin

    from ombuds.cases.models import Case, Person, TimelineEntry

    for model in (Case, Person, TimelineEntry):
        assert not admin.site.is_registered(model)


@pytest.mark.django_db
def test_the_secretariat_reaches_the_intake_and_its_own_cases_not_what_it_handed_on(office):
    """PRODUCT.md: the secretariat sees the intake (new, unassigned cases) and what is
    assigned to it — not every case it registered (issue 15)."""
    intake = register_case(office)
    handed_on = register_case(office, user=office.secretariaat)
    case_assign(user=office.secretariaat, case=handed_on, assignee=office.ombudsman)
    closed = register_case(office, user=office.secretariaat)
    Case.objects.filter(pk=closed.pk).update(closed_at=timezone.now())
    client = client_for("secretariaat", office)
    for case, allowed in ((intake, True), (handed_on, False), (closed, False)):
        for url in (reverse("cases:detail", args=[case.reference]),
                    reverse("api-cases:case", args=[case.reference])):
            assert reached(client.get(url)) == allowed, url
    listed = client.get(reverse("cases:worklist"), {"view": "alle", "toestand": "alle"})
    assert [c.reference for c in listed.context["page"].object_list] == [intake.reference]
