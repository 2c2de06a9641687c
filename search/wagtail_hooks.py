"""Staff find "Searches without result" in the Wagtail admin's Reports menu."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class SearchMissMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchmiss")


@hooks.register("register_reports_menu_item")
def register_search_misses_report():
    return SearchMissMenuItem(
        _("Searches without result"),
        reverse("admin:search_searchmiss_changelist"),
        icon_name="search",
        order=900,
    )
