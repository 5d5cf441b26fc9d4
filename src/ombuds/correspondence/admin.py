"""Beheer of the letter templates per municipality, with a preview.

A beheerder overrides the shipped wording of a letter for their own municipalities. Saving
renders the template for every process variant, once with every part of the example case
filled and once with every optional part empty, and refuses a template with an unknown
placeholder or a syntax error, so a letter never goes out with a hole in it.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from ombuds.core.admin import ScopedAdmin
from ombuds.core.audit import Action, audit_log
from ombuds.correspondence.context import PLACEHOLDERS, example_context
from ombuds.correspondence.models import LetterKind, LetterTemplate
from ombuds.correspondence.rendering import (
    LetterTemplateError,
    LetterText,
    blocks,
    default_template,
    render_letter,
)
from ombuds.domain.readability import readability
from ombuds.domain.variants import VARIANTS


def template_problems(municipality, subject: str, body: str) -> list[str]:
    """Return the Dutch errors of a template, checked on every variant (empty: usable)."""
    problems: list[str] = []
    for variant in sorted(VARIANTS):
        for minimal in (False, True):
            try:
                render_letter(LetterText(subject, body),
                              example_context(municipality, variant, minimal=minimal))
            except LetterTemplateError as error:
                if str(error) not in problems:
                    problems.append(str(error))
    return problems


class LetterTemplateForm(forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = ["municipality", "kind", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 30, "cols": 100})}

    def clean(self):
        data = super().clean()
        municipality = data.get("municipality")
        if municipality and data.get("subject") is not None and data.get("body") is not None:
            for problem in template_problems(municipality, data["subject"], data["body"]):
                self.add_error(None, f"Dit sjabloon kan niet worden opgeslagen. {problem}")
        return data


def _letter_html(letter: LetterText):
    parts = [format_html("<p><strong>{}</strong></p>", letter.subject)]
    for block in blocks(letter.body):
        if block["type"] == "h2":
            parts.append(format_html("<h3>{}</h3>", block["text"]))
        elif block["type"] == "ul":
            parts.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>",
                                                                     ((i,) for i in block["items"]))))
        else:
            parts.append(format_html("<p>{}</p>", format_html_join("", "{}<br>",
                                                                   ((x,) for x in block["lines"]))))
    return format_html('<article class="ombuds-letter-preview" aria-label="Voorbeeldbrief">{}</article>',
                       format_html_join("", "{}", ((p,) for p in parts)))


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ScopedAdmin):
    form = LetterTemplateForm
    list_display = ["kind", "municipality", "updated_at", "preview_link"]
    list_filter = ["kind", "municipality"]
    readonly_fields = ["placeholders", "preview"]
    fieldsets = [
        (None, {"fields": ["municipality", "kind", "subject", "body"],
                "description": "Zonder eigen sjabloon gebruikt Ombuds de standaardtekst. Begin "
                               "een nieuw sjabloon vanuit de standaardtekst: kies de soort in de "
                               "lijst van briefsjablonen via 'toevoegen' met ?kind=afsluiting."}),
        ("Velden die u kunt gebruiken", {"fields": ["placeholders"]}),
        ("Voorbeeld", {"fields": ["preview"]}),
    ]

    @admin.display(description="velden")
    def placeholders(self, obj=None):
        rows = format_html_join("", "<tr><td><code>{{{{ {} }}}}</code></td><td>{}</td></tr>",
                                PLACEHOLDERS.items())
        return format_html("<table><tbody>{}</tbody></table><p>Een veld dat leeg kan zijn zet u "
                           "tussen <code>{{% if … %}}</code> en <code>{{% endif %}}</code>. Een "
                           "regel die begint met ## wordt een kopje.</p>", rows)

    @admin.display(description="voorbeeld met een verzonnen zaak")
    def preview(self, obj=None):
        if obj is None or obj.pk is None:
            return "Sla het sjabloon op om het voorbeeld te zien."
        return self._render(obj)

    @admin.display(description="voorbeeld")
    def preview_link(self, obj):
        return format_html('<a href="{}">Voorbeeld bekijken</a>',
                           reverse("admin:correspondence_lettertemplate_preview", args=[obj.pk]))

    def _render(self, obj):
        try:
            letter = render_letter(LetterText(obj.subject, obj.body),
                                   example_context(obj.municipality))
        except LetterTemplateError as error:
            return format_html('<p class="errornote">{}</p>', str(error))
        score = readability(letter.body)
        warning = (" Deze tekst is moeilijker dan taalniveau B1: maak de zinnen korter en kies "
                   "gewone woorden (zie docs/letters.md)." if score.above_b1 else "")
        return format_html('<p class="{}">{}{}</p>{}', "errornote" if score.above_b1 else "help",
                           score.summary, warning, _letter_html(letter))

    def get_urls(self):
        return [path("<int:object_id>/voorbeeld/", self.admin_site.admin_view(self.preview_view),
                     name="correspondence_lettertemplate_preview"), *super().get_urls()]

    def preview_view(self, request, object_id: int):
        if not self.has_view_permission(request):
            raise PermissionDenied
        obj = get_object_or_404(self.get_queryset(request), pk=object_id)
        context = {**self.admin_site.each_context(request), "opts": self.model._meta,
                   "title": f"Voorbeeld: {obj}", "template": obj, "letter": self._render(obj)}
        return TemplateResponse(request, "correspondence/admin/preview.html", context)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        kind = request.GET.get("kind")
        if kind in LetterKind.values:
            default = default_template(kind)
            initial.setdefault("subject", default.subject)
            initial.setdefault("body", default.body)
        return initial

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        audit_log(user=request.user, action=Action.UPDATE if change else Action.CREATE,
                  event="letter_template.saved", object_type="correspondence.lettertemplate",
                  object_id=str(obj.pk), municipality_code=obj.municipality.cbs_code,
                  details={"kind": obj.kind})
