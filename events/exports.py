"""Events' section of a member's data download (Loi 25), registered from hooks.py."""

from .models import Registration


def member_events_export(user) -> list[dict]:
    """The member's registrations and what they answered."""
    return [
        {
            "event": registration.event.title,
            "start": registration.event.start.isoformat(),
            "status": registration.status,
            "answers": registration.answers,
            "attended": registration.attended,
            "registered_at": registration.created_at.isoformat(),
            "cancelled_at": registration.cancelled_at.isoformat()
            if registration.cancelled_at
            else None,
        }
        for registration in Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("created_at")
    ]
