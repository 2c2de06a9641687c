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
        self.connect_cache_invalidation()

    def connect_cache_invalidation(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_published, page_unpublished

        from .models import Theme
        from .services import library_changed

        page_published.connect(library_changed, dispatch_uid="cms.library.published")
        page_unpublished.connect(library_changed, dispatch_uid="cms.library.unpublished")
        post_delete.connect(library_changed, sender=Page, dispatch_uid="cms.library.page_deleted")
        for model in (Theme, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    library_changed, sender=model, dispatch_uid=f"cms.library.{model.__name__}"
                )
