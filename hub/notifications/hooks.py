"""Where notifications plugs into the other rooms: its panel in Mon espace, its section of
the member's data download, what goes when a member leaves, its retention task, and its
section of the digest email (the other sections are the rooms').
(The kinds of notification are registered by the rooms that send them, in their hooks.py.)"""

from django.utils.translation import gettext_lazy as _

from hub import extensions

from . import panels, retention, services

NOTIFICATIONS = extensions.RetentionTask(
    key="notifications",
    label=_("Notifications"),
    description=_("Read notifications are deleted after 180 days, all others after this period."),
    run=retention.notifications_purge,
)


PENDING = extensions.DigestSection(
    label=_("My notifications"),
    description=_("The notifications you chose to get in the digest, until you read them."),
    build=services.pending_section,
)


def member_deleting(sender, user, **kwargs) -> None:
    services.member_notifications_delete(user=user)


def register() -> None:
    extensions.dashboard_panels.register(
        "notifications/panels/notifications.html", panels.notifications_panel, order=30
    )
    extensions.member_exports.register("notifications", services.member_notifications_export)
    extensions.member_deleting.connect(
        member_deleting, dispatch_uid="notifications.member_deleting"
    )
    extensions.retention_tasks.register(NOTIFICATIONS.key, NOTIFICATIONS, order=30)
    extensions.digest_sections.register("notifications.pending", PENDING, order=10)
