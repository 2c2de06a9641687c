"""Background work: emails leave the request. With the immediate backend (dev, tests) they
run at once after commit; in production a django-tasks worker runs them."""

from django_tasks import task

from . import services


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """Sends the "email at once" notifications that are still due; returns how many left."""
    return sum(services.notification_email_send(notification_id=pk) for pk in notification_ids)
