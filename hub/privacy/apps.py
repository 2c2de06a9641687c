from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Loi 25 and Canada's anti-spam law turned into behaviour: consents, unsubscribe,
    requests, retention, incident register."""

    name = "hub.privacy"
    label = "privacy"
    verbose_name = _("Privacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import hooks

        hooks.register()
