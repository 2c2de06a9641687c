from .services import unread_count


def bell(request):
    """The unread count shown by the header bell (one query, signed-in members only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user=user)}
