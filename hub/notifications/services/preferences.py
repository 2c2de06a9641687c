"""Writing each member's delivery preferences (reading them is `selectors.preferences_for`)."""

from django.db import transaction

from ..kinds import DIGEST, EMAIL, get_kind
from ..models import Notification, NotificationPreference


def preferences_set(*, user, deliveries: dict[str, str]) -> None:
    """Stores the member's choice for each kind given (unknown kinds are refused). Pending
    emails of a kind switched to "site" or "never" are cancelled at once."""
    with transaction.atomic():
        for code, delivery in deliveries.items():
            get_kind(code)
            NotificationPreference.objects.update_or_create(
                user=user, kind=code, defaults={"delivery": delivery}
            )
            if delivery not in (EMAIL, DIGEST):
                Notification.objects.filter(
                    recipient=user, kind=code, read_at__isnull=True
                ).exclude(email_delivery="").update(email_delivery="")
            else:
                Notification.objects.filter(
                    recipient=user, kind=code, read_at__isnull=True
                ).exclude(email_delivery="").update(email_delivery=delivery)
