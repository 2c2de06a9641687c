"""What notifications adds to "Mon espace", and its Loi 25 receiver."""

from . import services
from .kinds import DIGEST, EMAIL


def build(request) -> dict:
    preferences = services.preferences_for(user=request.user)
    return {
        "unread": services.unread_count(user=request.user),
        "by_email": sum(1 for _, delivery in preferences if delivery in (EMAIL, DIGEST)),
        "kinds": len(preferences),
    }


def on_member_deleting(sender, user, **kwargs):
    services.member_notifications_delete(user=user)
