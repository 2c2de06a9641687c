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
        from hub import emails
        from hub.accounts.dashboard import register_panel
        from hub.accounts.privacy import member_deleting, register_export_section

        from . import panels, services

        emails.set_consent_rule(services.consent_rule)
        register_panel("privacy/panels/choices.html", panels.choices_panel, order=90)
        register_export_section("privacy", panels.export_section)
        member_deleting.connect(
            panels.on_member_deleting, dispatch_uid="hub.privacy.member_deleting"
        )
