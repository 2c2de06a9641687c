from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Pages and resources")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.accounts.dashboard import register_panel
        from hub.accounts.privacy import member_deleting, register_export_section

        from . import members
        from .page_search import search_pages
        from .search import register_search_provider

        register_search_provider(
            "pages", label=_("Resources and pages"), search=search_pages, order=10
        )
        register_panel("cms/panels/my_library.html", members.dashboard_panel, order=30)
        register_export_section("library", members.export_library)
        member_deleting.connect(members.on_member_deleting, dispatch_uid="cms.member_deleting")
