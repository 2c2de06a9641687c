"""Background work: emails leave the request. With the immediate backend (dev, tests) they
run at once after commit; in production a django-tasks worker runs them.

The task is defined in `services.email`, next to what it runs, so that `notify` enqueues it
without importing this module back; it is named here too, so rows queued under this path
before still resolve."""

from .services.email import send_notification_emails

__all__ = ["send_notification_emails"]
