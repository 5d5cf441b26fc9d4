"""The benchmark's floor: the cheapest authenticated page the app can serve.

``make bench`` states every page's time as a multiple of this one: it passes the same
middleware (session, user, CSRF, audit origin) and the case-role guard, then does one
primary-key query on the case table, scoped like every case read. It returns no data
(204 whether the case exists or not), so it tells nobody anything and needs no audit entry.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from ombuds.cases.selectors import visible_cases
from ombuds.cases.views.common import case_role_required


@require_GET
@case_role_required
def floor(request):
    try:
        pk = int(request.GET.get("pk", "0"))
    except ValueError:
        pk = 0
    visible_cases(request.user).filter(pk=pk).exists()
    return HttpResponse(status=204)
