"""The forum in the Wagtail admin: moderators find the forum's reports in the menu, under
a name of their own ("Rapports" is Wagtail's: locked pages, site history…)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import access


class ForumReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_see_reports(user=request.user)


@hooks.register("register_admin_menu_item")
def register_forum_reports_menu_item():
    return ForumReportsMenuItem(
        _("Forum reports"),
        reverse("community:reports"),
        icon_name="warning",
        name="forum-reports",
        order=850,
    )
