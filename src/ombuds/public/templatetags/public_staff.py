"""The web-request section on the staff case page (``{% load public_staff %}``).

``cases`` never imports ``public``: its case page calls ``{% case_status_link case %}``.
"""

from __future__ import annotations

from django import template

from ombuds.public.models import WebRequest

register = template.Library()


@register.inclusion_tag("public/staff/case_status_link.html", takes_context=True)
def case_status_link(context, case):
    web_request = WebRequest.objects.filter(case=case).select_related("revoked_by").first()
    return {"case": case, "web_request": web_request, "csrf_token": context.get("csrf_token")}
