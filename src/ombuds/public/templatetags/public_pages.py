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


@register.filter
def objection_sentence(end) -> str:
    """The objection date for a resident, from ``terms.objection_sentence`` (the one wording
    every channel uses): ``{{ term.end|objection_sentence }}``."""
    from ombuds.public.terms import objection_sentence as sentence

    return sentence(end) if end else ""


@register.filter
def resident_day(day) -> str:
    """A date as residents read it (``terms.day_text``): 'maandag 4 januari 2027'."""
    from ombuds.public.terms import day_text

    return day_text(day) if day else ""
