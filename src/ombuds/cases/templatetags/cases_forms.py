"""Rendering helpers for form fields in the NL Design System markup."""

from __future__ import annotations

from django import template

register = template.Library()

GROUP_WIDGETS = {"checkboxselectmultiple", "radioselect"}


@register.simple_tag
def field_widget(field):
    """Render the input of ``field`` pointing at its help text and error message."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs = {"aria-describedby": " ".join(described)} if described else {}
    return field.as_widget(attrs=attrs)


@register.filter
def field_anchor(field) -> str:
    """Return the id an error-summary link should point at (the first box of a group)."""
    if field.widget_type in GROUP_WIDGETS:
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.filter
def is_group(field) -> bool:
    return field.widget_type in GROUP_WIDGETS


@register.filter
def is_checkbox(field) -> bool:
    return field.widget_type == "checkbox"


@register.filter
def contact_channels(codes) -> str:
    """Return the Dutch labels of a list of contact-channel codes."""
    from ombuds.cases.models import ContactChannel

    labels = dict(ContactChannel.choices)
    return ", ".join(str(labels.get(code, code)) for code in codes or [])
