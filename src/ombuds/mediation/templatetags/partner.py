"""The partner links and the survey on the case page (``{% load partner %}``).

``cases`` never imports ``mediation``: its case page calls ``{% case_partner_links case %}``.
"""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse

from ombuds.cases.rendering import fast_widgets
from ombuds.mediation import partner, survey
from ombuds.mediation.models import PartnerLink, SurveyInvitation
from ombuds.mediation.staff_forms import PartnerLinkForm
from ombuds.mediation.templatetags.mediation import mediation_file

register = template.Library()

SURVEY_LABELS = {
    "niet_verstuurd": "Nog niet verstuurd",
    "open": "Verstuurd, nog niet ingevuld",
    "verlopen": "Verlopen zonder antwoord",
    "ingevuld": "Ingevuld",
}


@register.inclusion_tag("partner/includes/case_partner_links.html", takes_context=True)
def case_partner_links(context, case):
    """The "Verzoeken aan partijen" section: the links of the case with their state, a
    revoke button for open ones, the form for a new request, and the survey after closure."""
    request = context.get("request")
    user = getattr(request, "user", None)
    try:
        create_url = reverse("partner-staff:link_create", args=[case.reference])
    except NoReverseMatch:  # the staff URLs are not mounted in this installation
        return {"available": False}
    file = mediation_file(context, case)
    links = [(link, partner.link_state(link)) for link in
             PartnerLink.objects.filter(case=case).select_related("party__organisation")
             ] if file.has_partner_links else []
    may_send = user is not None and partner.may_send_requests(user, case)
    form = None
    if may_send and case.closed_at is None:
        # The parties with their consents come from the mediation file the page read already.
        form = PartnerLinkForm(case=case, parties=file.parties,
                               renderer=fast_widgets)
    # The survey is offered after closure only; an open case's page does not show it.
    survey_state = survey.survey_state(
        SurveyInvitation.objects.filter(case=case).first()
        if case.closed_at and file.has_survey else None)
    return {
        "available": True, "case": case, "may_send": may_send,
        "links": [{"link": link, "state": state, "label": partner.STATE_LABELS[state]}
                  for link, state in links],
        "form": form,
        "create_url": create_url,
        "survey_state": survey_state, "survey_label": SURVEY_LABELS[survey_state],
        "csrf_token": context.get("csrf_token"),
    }
