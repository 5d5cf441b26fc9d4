import time

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


class ServerTimingMiddleware:
    """Add ``Server-Timing: app;dur=<ms>`` with the time Django spent on the request.

    Enabled only with ``OMBUDS_SERVER_TIMING`` (the benchmark sets it): it measures from the
    top of the middleware stack to the response, so the figure is the server's own time
    without the network and the load tool. Off in normal operation: the header would tell
    an outsider how long a lookup took.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.2f}"
        return response
