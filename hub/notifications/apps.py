from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "hub.notifications"
    label = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.accounts.dashboard import register_panel
        from hub.accounts.privacy import member_deleting, register_export_section

        from . import panels, services

        register_panel("notifications/panels/notifications.html", panels.build, order=30)
        register_export_section("notifications", services.member_notifications_export)
        member_deleting.connect(
            panels.on_member_deleting, dispatch_uid="notifications.member_deleting"
        )
