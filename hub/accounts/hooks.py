"""Where accounts plugs into the other rooms: its retention task. (Accounts reads two
extension points itself: the panels of Mon espace in dashboard.py, the sections of the
member's data and the deletion signal in services.py.)"""

from django.utils.translation import gettext_lazy as _

from hub import extensions

from . import retention

UNVERIFIED_ACCOUNTS = extensions.RetentionTask(
    key="unverified_accounts",
    label=_("Accounts never confirmed"),
    description=_("Sign-ups whose email address was never confirmed are deleted."),
    run=retention.unverified_accounts_purge,
)


def register() -> None:
    extensions.retention_tasks.register(UNVERIFIED_ACCOUNTS.key, UNVERIFIED_ACCOUNTS, order=10)
