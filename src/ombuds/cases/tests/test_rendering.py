"""The fast widget renderer writes what Django's widget templates write."""

from __future__ import annotations

from unittest import mock

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from ombuds.cases.forms import AssignForm, TimelineEntryForm, TransitionForm
from ombuds.cases.rendering import fast_widgets
from ombuds.tests.factories import register_case


class EverythingForm(forms.Form):
    text = forms.CharField(max_length=20, initial='Zeg "hoi" & <dag>', help_text="Uitleg")
    optional = forms.CharField(required=False)
    number = forms.IntegerField(initial=1234567)
    email = forms.EmailField(disabled=True)
    when = forms.DateTimeField(widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    hidden = forms.CharField(widget=forms.HiddenInput, initial="x'y")
    tick = forms.BooleanField(initial=True)
    untick = forms.BooleanField(required=False)
    story = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), initial="Regel <1>\nRegel 2")
    empty_story = forms.CharField(widget=forms.Textarea)
    choice = forms.ChoiceField(choices=[("", "Kies"), ("a", "A & B"), ("Groep", [("c", "C")])],
                               initial="a")
    safe = forms.CharField(widget=forms.TextInput(attrs={"data-x": mark_safe("<b>")}))
    radio = forms.ChoiceField(choices=[("j", "Ja"), ("n", "Nee")], widget=forms.RadioSelect)


def widgets(form) -> list[str]:
    return [str(field) for field in form]


def assert_same(make):
    assert widgets(make(None)) == widgets(make(fast_widgets))


def test_it_writes_every_plain_widget_as_django_does():
    assert_same(lambda renderer: EverythingForm(renderer=renderer))
    data = {"text": "<x>", "number": "12", "tick": "on", "story": "a\nb", "choice": "c"}
    assert_same(lambda renderer: EverythingForm(data, renderer=renderer))


def test_it_uses_no_template_for_them():
    form = EverythingForm(renderer=fast_widgets)
    with mock.patch.object(DjangoTemplates, "get_template", side_effect=AssertionError):
        for field in form:
            if field.name != "radio":  # radio buttons still go through the templates
                str(field)


def test_it_writes_the_forms_of_the_case_page_as_django_does(office):
    case = register_case(office, assignee=office.ombudsman)
    workflow = case.workflow.workflow
    assert_same(lambda renderer: TimelineEntryForm(renderer=renderer))
    assert_same(lambda renderer: TimelineEntryForm({"summary": "", "kind": "brief"},
                                                   renderer=renderer))
    assert_same(lambda renderer: AssignForm(case=case, renderer=renderer))
    for transition in workflow.transitions_from(case.status):
        assert_same(lambda renderer, t=transition: TransitionForm(case=case, transition=t,
                                                                  renderer=renderer))
