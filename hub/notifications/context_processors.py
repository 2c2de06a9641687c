from .selectors import request_unread_count


def bell(request):
    """The unread count shown by the header bell (one query, signed-in members only)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": request_unread_count(request)}
