"""The web-request section on the staff case page (``{% load public_staff %}``).

``cases`` never imports ``public``: its case page calls ``{% case_status_link case %}``.
"""

from __future__ import annotations

from django import template

from ombuds.public.models import WebRequest

register = template.Library()


@register.inclusion_tag("public/staff/case_status_link.html", takes_context=True)
def case_status_link(context, case):
    """The status link panel. A link just made is shown here once (from the session)."""
    from ombuds.public.services import SHOWN_LINK_SESSION_KEY, status_link_email_to

    request = context.get("request")
    shown = request.session.pop(SHOWN_LINK_SESSION_KEY.format(case=case.pk), None) \
        if request is not None else None
    web_request = WebRequest.objects.filter(case=case).select_related(
        "revoked_by", "issued_by").first()
    return {"case": case, "web_request": web_request, "csrf_token": context.get("csrf_token"),
            "shown_link": shown, "email_to": status_link_email_to(case)}
