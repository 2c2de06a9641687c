"""Staff approve organisations proposed by members from the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organizations")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "region", "mission_field", "is_approved"]
    list_filter = ["is_approved", "region", "mission_field"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)
