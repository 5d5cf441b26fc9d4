"""A form renderer that writes Django's plain widgets in Python.

The case page shows three to five forms on every view (timeline entry, assignment, each
closing move); Django renders every ``<input>``, ``<textarea>`` and ``<option>`` through
two or three templates, which cost more than the rest of the forms. This renderer writes
the markup of Django's own templates from the same widget context; any other template
(radio buttons, file inputs, error lists, a project template) still goes through the
templates. ``test_rendering.py`` checks the output against Django's.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData

WIDGETS = "django/forms/widgets/"
INPUTS = {f"{WIDGETS}{name}.html" for name in (
    "input", "text", "email", "number", "url", "password", "hidden", "date", "datetime",
    "time", "checkbox", "tel", "search", "color")}


def _value(value) -> str:
    """``{{ value|stringformat:'s' }}``: a safe string as it is, anything else escaped."""
    return value if isinstance(value, SafeData) else conditional_escape(str(value))


def attrs_html(attrs: dict) -> str:
    """``django/forms/widgets/attrs.html``."""
    return "".join(
        f" {conditional_escape(name)}" if value is True
        else f' {conditional_escape(name)}="{_value(value)}"'
        for name, value in attrs.items() if value is not False)


def input_html(widget: dict) -> str:
    value = f' value="{_value(widget["value"])}"' if widget["value"] is not None else ""
    return (f'<input type="{conditional_escape(widget["type"])}" '
            f'name="{conditional_escape(widget["name"])}"{value}{attrs_html(widget["attrs"])}>')


def textarea_html(widget: dict) -> str:
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return (f'<textarea name="{conditional_escape(widget["name"])}"'
            f'{attrs_html(widget["attrs"])}>\n{value}</textarea>')


def option_html(option: dict) -> str:
    """``select_option.html``, with the line end its file has."""
    return (f'<option value="{_value(option["value"])}"{attrs_html(option["attrs"])}>'
            f'{conditional_escape(option["label"])}</option>\n')


def select_html(widget: dict) -> str:
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attrs_html(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        parts.extend(f"\n  {option_html(o)}" for o in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FastWidgetRenderer(DjangoTemplates):
    """Django's template renderer, except for the plain widgets (see the module)."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None:
            if template_name in INPUTS:
                return input_html(widget)
            if template_name == f"{WIDGETS}textarea.html":
                return textarea_html(widget)
            if template_name == f"{WIDGETS}select.html" and all(
                    o["template_name"] == f"{WIDGETS}select_option.html"
                    for _, options, _ in widget["optgroups"] for o in options):
                return select_html(widget)
        return super().render(template_name, context, request=request)


fast_widgets = FastWidgetRenderer()
