"""Staff work in the Wagtail admin: a "Privacy" menu leads to the request queue, the
incident register and the consent log (Django admin screens) and to the CSV exports."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def _items():
    return [
        PermissionMenuItem(
            _("Privacy requests"),
            reverse("admin:privacy_privacyrequest_changelist"),
            icon_name="mail",
            permission="privacy.view_privacyrequest",
            order=100,
        ),
        PermissionMenuItem(
            _("Confidentiality incident register"),
            reverse("admin:privacy_incident_changelist"),
            icon_name="warning",
            permission="privacy.view_incident",
            order=200,
        ),
        PermissionMenuItem(
            _("Consent and unsubscribe log"),
            reverse("admin:privacy_consentevent_changelist"),
            icon_name="list-ul",
            permission="privacy.view_consentevent",
            order=300,
        ),
        PermissionMenuItem(
            _("Privacy moderation"),
            reverse("admin:privacy_moderationentry_changelist"),
            icon_name="edit",
            permission="privacy.view_moderationentry",
            order=350,
        ),
        PermissionMenuItem(
            _("Export the consent log (CSV)"),
            reverse("privacy:consent_log_csv"),
            icon_name="download",
            permission="privacy.view_consentevent",
            order=400,
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_privacy_menu():
    return SubmenuMenuItem(
        _("Privacy"), Menu(items=_items()), icon_name="lock", name="privacy", order=900
    )
