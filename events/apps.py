from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from hub.accounts.dashboard import register_panel
        from hub.accounts.privacy import member_deleting, register_export_section
        from hub.notifications.kinds import register_kind
        from hub.privacy.retention import register_retention_task

        from . import receivers, services

        register_retention_task(
            "event_attendees",
            _("Attendee lists of past events"),
            _("Registrations, answers and attendance of an event are deleted this long after it."),
            services.registrations_purge_past,
        )
        register_kind(
            "events.registered",
            label=_("My event registrations"),
            one=_("Your registration for “%(target)s” is confirmed"),
        )
        register_kind(
            "events.promoted",
            label=_("A seat opened up for me"),
            one=_("A seat opened up: you are registered for “%(target)s”"),
        )
        register_kind(
            "events.changed",
            label=_("Changes to my events"),
            one=_("“%(target)s” has changed: check the new date, time or place"),
        )
        register_kind(
            "events.cancelled",
            label=_("Cancelled events"),
            one=_("“%(target)s” has been cancelled"),
        )
        register_kind(
            "events.replay",
            label=_("Replays of my events"),
            one=_("The replay of “%(target)s” is online"),
        )
        register_panel("events/panels/my_events.html", receivers.my_events_panel, order=20)
        register_export_section("events", receivers.export_member_events)
        member_deleting.connect(receivers.on_member_deleting, dispatch_uid="events.member_deleting")
        page_published.connect(receivers.on_page_published, dispatch_uid="events.page_published")
