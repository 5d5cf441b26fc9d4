"""Public pages for residents. The home page explains the ombudsfunctie and how to reach it."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ombuds.core.selectors import public_contact_points


@require_GET
def home(request):
    return render(request, "public/home.html", {"municipalities": public_contact_points()})
