from django.apps import AppConfig


class HubConfig(AppConfig):
    """The project package itself: base layout, design system, shared commands."""

    name = "hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .csv_export import protect_wagtail_exports

        protect_wagtail_exports()
