"""What notifications shows in "Mon espace" (registered from hooks.py)."""

from . import selectors


def notifications_panel(request) -> dict:
    return {
        "unread": selectors.unread_count(user=request.user),
        **selectors.email_settings(user=request.user),
    }
