"""What privacy shows in "Mon espace": the member's choices (registered from hooks.py)."""

from . import services, wordings
from .models import ConsentEvent


def choices_panel(request) -> dict:
    """Each purpose with its current state and when it was last given or withdrawn."""
    user = request.user
    privacy = services.privacy_for(user)
    last = {}
    for event in ConsentEvent.objects.filter(user=user).order_by("created_at", "id"):
        last[event.subject] = event
    purposes = [
        {
            "subject": subject,
            "wording": wordings.current_wording(subject),
            "given": getattr(privacy, subject),
            "event": last.get(subject),
        }
        for subject in wordings.PURPOSES
    ]
    return {
        "privacy": privacy,
        "purposes": purposes,
        "terms_event": last.get(wordings.TERMS),
        "visibility_choices": privacy.Visibility.choices,
    }
