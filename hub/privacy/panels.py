"""What the privacy app plugs into accounts: the "Mon espace" panel, the export section and
the deletion receiver (connected in PrivacyConfig.ready())."""

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


def export_section(user) -> dict:
    """The member's choices and their whole consent log, for the data download."""
    privacy = services.privacy_for(user)
    return {
        "choices": {
            "profile_visibility": privacy.profile_visibility,
            "newsletter": privacy.newsletter,
            "directory": privacy.directory,
            "statistics": privacy.statistics,
            "email_notifications": privacy.email_notifications,
            "emails_stopped": privacy.emails_stopped,
        },
        "consent_log": [
            {
                "time": event.created_at.isoformat(),
                "subject": event.subject,
                "action": event.action,
                "wording_version": event.wording_version,
                "wording": str(event.wording.label) if event.wording else "",
                "method": event.method,
            }
            for event in ConsentEvent.objects.filter(user=user).order_by("created_at", "id")
        ],
    }


def on_member_deleting(sender, user, **kwargs):
    services.member_privacy_forget(user=user)
