"""Staff approve organisations proposed by members from the Wagtail admin; admin users
show as their initials."""

from urllib.parse import quote

from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
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


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    """Each admin user's initials on the accent colour, drawn inline: no Gravatar (it would
    send a hash of the address to gravatar.com) and no request that can fail."""
    initials = "".join(
        part[:1] for part in (getattr(user, "first_name", ""), getattr(user, "last_name", ""))
    )
    initials = escape((initials or str(user)[:1] or "?").upper())
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">'
        '<rect width="40" height="40" fill="#b3152a"/>'
        '<text x="20" y="26" text-anchor="middle" font-family="sans-serif" font-size="16" '
        f'fill="#ffffff">{initials}</text></svg>'
    )
    return "data:image/svg+xml," + quote(svg)
