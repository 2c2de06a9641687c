"""Loi 25: a member's notifications in their data download, and what is deleted or
anonymised when a member leaves."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from ..models import DigestRun, DigestSubscription, Notification, NotificationPreference
from ..selectors import preferences_for


def member_notifications_export(user) -> dict:
    """The member's notifications and preferences, for their data download."""
    return {
        "preferences": {kind.code: delivery for kind, delivery in preferences_for(user=user)},
        "items": [
            {
                "kind": n.kind,
                "text": n.text,
                "url": n.url,
                "count": n.count,
                "created_at": n.created_at.isoformat(),
                "read_at": n.read_at.isoformat() if n.read_at else None,
                "emailed_at": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).order_by("id")
        ],
        "digest_emails": [
            run.created_at.isoformat()
            for run in DigestRun.objects.filter(recipient=user).order_by("id")
        ],
    }


def member_notifications_delete(*, user) -> None:
    """Deletes what belongs only to a member who leaves (their notifications, preferences and
    digest records), and takes their name out of the notifications others received about
    them (the text was written with it)."""
    name = user.get_public_name()
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
    DigestRun.objects.filter(recipient=user).delete()
    DigestSubscription.objects.filter(user=user).delete()
    if not name:
        return
    about = Notification.objects.filter(actor=user).select_related("recipient")
    for row in about.iterator():
        language = row.recipient.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            row.text = row.text.replace(name, gettext("Deleted member"))[:300]
        row.actor = None
        row.save(update_fields=["text", "actor"])
