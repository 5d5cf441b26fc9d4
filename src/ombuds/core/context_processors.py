from django.conf import settings


def ombuds(request):
    """Template context every page needs: demo mode, and the user's roles for navigation."""
    user = getattr(request, "user", None)
    roles = set()
    if user is not None and user.is_authenticated:
        roles = {m.role for m in user.cached_memberships}
    return {"demo_mode": settings.DEMO_MODE, "user_roles": roles}
