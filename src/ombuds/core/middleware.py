from ombuds.core.audit import Origin, reset_origin, set_origin


class AuditContextMiddleware:
    """Record the request's origin (client address, web or API) for the audit log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        channel = "api" if request.path.startswith("/api/") else "web"
        token = set_origin(Origin(address=request.META.get("REMOTE_ADDR", ""), channel=channel))
        try:
            return self.get_response(request)
        finally:
            reset_origin(token)
