"""What notifications shows in "Mon espace" (registered from hooks.py)."""

from . import selectors
from .kinds import DIGEST, EMAIL


def notifications_panel(request) -> dict:
    preferences = selectors.preferences_for(user=request.user)
    return {
        "unread": selectors.unread_count(user=request.user),
        "by_email": sum(1 for _, delivery in preferences if delivery in (EMAIL, DIGEST)),
        "kinds": len(preferences),
    }
