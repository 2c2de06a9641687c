from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Pages and resources")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import hooks

        hooks.register()
        self.connect_cache_invalidation()
        from .translation_admin import format_comment_dates_through_the_locale

        format_comment_dates_through_the_locale()

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
