"""Attachments are served only through this view: after the case check, audited."""

from __future__ import annotations

from django.http import FileResponse, Http404

from ombuds.cases import queries, selectors
from ombuds.cases.views.common import case_role_required
from ombuds.core.audit import Action


@case_role_required
def attachment_download(request, reference: str, uuid):
    case = selectors.access_case(request.user, reference, event="attachment.requested")
    attachment = queries.case_attachment(request.user, case, uuid)
    if attachment is None:
        raise Http404("Bijlage niet gevonden.")
    selectors.audit_case(user=request.user, case=case, action=Action.READ,
                         event="attachment.downloaded", details={"attachment": str(uuid)})
    response = FileResponse(attachment.file.open("rb"), as_attachment=True,
                            filename=attachment.original_name,
                            content_type=attachment.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
