from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Our additions to django-machina. The label differs from the package name because
    machina's own forum app already owns the label "forum"."""

    name = "forum"
    label = "community"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"
