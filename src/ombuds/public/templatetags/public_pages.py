"""Helpers of the resident templates (``{% load public_pages %}``)."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def other_languages(context) -> list[dict]:
    """The other language versions of this page: code, own name and URL."""
    request = context.get("request")
    current = get_language()
    path = request.path if request is not None else "/"
    return [{"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES if code != current]


@register.filter
def tel(number: str) -> str:
    """A phone number as a tel: link target (no spaces)."""
    return "".join(ch for ch in number or "" if ch.isdigit() or ch == "+")
