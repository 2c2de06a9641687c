"""Where cms plugs into the other rooms: its pages in the site search (the "Resources" type),
the library panel in Mon espace, the library's section of the member's data download, and
what goes when a member leaves."""

from django.utils.translation import gettext_lazy as _

from hub import extensions

from . import exports, panels, services
from .page_search import page_words, search_pages


def member_deleting(sender, user, **kwargs) -> None:
    services.member_library_delete(user=user)


def register() -> None:
    extensions.search_providers.register(
        "resources",
        extensions.SearchProvider(label=_("Resources"), search=search_pages, words=page_words),
        order=10,
    )
    extensions.dashboard_panels.register(
        "cms/panels/my_library.html", panels.library_panel, order=30
    )
    extensions.member_exports.register("library", exports.member_library_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="cms.member_deleting")
