"""The case page as a workspace: its "Op deze pagina" navigation (``{% load cases_workspace %}``).

The sections of the case page come from ``cases`` and from every wing's template tags, and a
wing decides itself whether its section shows (by role, by variant, by what the case holds).
A list of links written in ``detail.html`` would drift from that; instead
``{% case_workspace %}…{% endcase_workspace %}`` renders the sections first and then links
to every ``<section>`` labelled by an ``<h2>`` among them, in page order. It works without
JavaScript: the links are anchors, and the page's CSS keeps the list in sight.
"""

from __future__ import annotations

import re
from html import unescape

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

#: The id of the navigation's own heading (the skip target of "Op deze pagina").
NAV_ID = "op-deze-pagina"

_SECTION = re.compile(r'<section\b[^>]*\baria-labelledby="([^"]+)"')
_HEADING = re.compile(r'<h2\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]+>")


def page_sections(html: str) -> list[tuple[str, str]]:
    """``(id, heading text)`` of every section in ``html`` that an ``<h2>`` labels, in order."""
    labelled = set(_SECTION.findall(html))
    return [(anchor, " ".join(unescape(_TAG.sub(" ", text)).split()))
            for anchor, text in _HEADING.findall(html) if anchor in labelled]


def workspace_nav(sections: list[tuple[str, str]]) -> SafeString:
    links = format_html_join(
        "\n    ", '<li class="ombuds-onthispage__item"><a class="utrecht-link '
        'ombuds-onthispage__link" href="#{}">{}</a></li>', sections)
    return format_html(
        '<nav class="ombuds-onthispage" aria-labelledby="{id}">\n'
        '  <h2 class="utrecht-heading-2 ombuds-onthispage__title" id="{id}">Op deze pagina</h2>\n'
        '  <ul class="ombuds-onthispage__list">\n    {links}\n  </ul>\n</nav>\n',
        id=NAV_ID, links=links)


class WorkspaceNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> SafeString:
        body = self.nodelist.render(context)
        return mark_safe(  # noqa: S308 - the body is the rendered template, the nav escaped
            f'<div class="ombuds-workspace">\n{workspace_nav(page_sections(body))}{body}</div>')


@register.tag
def case_workspace(parser, token):
    """``{% case_workspace %}<main column><aside>{% endcase_workspace %}``: the workspace grid
    with the navigation to its sections first."""
    nodelist = parser.parse(("endcase_workspace",))
    parser.delete_first_token()
    return WorkspaceNode(nodelist)
