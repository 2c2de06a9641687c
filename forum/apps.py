from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Our additions to django-machina. The label differs from the package name because
    machina's own forum app already owns the label "forum"."""

    name = "forum"
    label = "community"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import hooks, receivers, tracking  # noqa: F401 - receivers connect on import

        # machina's signals: how the forum itself runs (read tracking, announcing posts).
        tracking.connect()
        # How the forum plugs into the other rooms.
        hooks.register()
