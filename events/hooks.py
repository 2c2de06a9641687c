"""Where events plugs into the other rooms: "Mes événements" in Mon espace, its section of
the member's data download, what happens to a leaving member's registrations, the
retention of attendee lists, its kinds of notification, what runs when staff publish
an event page in Wagtail, when a theme (cms.Theme) is deleted, new events on followed
themes (Mon espace's news), its sections of the digest email, and its events in the site
search."""

from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published

from cms.models import Theme
from hub import extensions
from hub.notifications.kinds import Kind

from . import exports, myspace, panels, search, services
from .models import EventPage

ATTENDEE_LISTS = extensions.RetentionTask(
    key="event_attendees",
    label=_("Attendee lists of past events"),
    description=_(
        "Registrations, answers and attendance of an event are deleted this long after it."
    ),
    run=services.registrations_purge_past,
)

NOTIFICATION_KINDS = [
    Kind(
        "events.registered",
        label=_("My event registrations"),
        one=_("Your registration for “%(target)s” is confirmed"),
    ),
    Kind(
        "events.promoted",
        label=_("A seat opened up for me"),
        one=_("A seat opened up: you are registered for “%(target)s”"),
    ),
    Kind(
        "events.changed",
        label=_("Changes to my events"),
        one=_("“%(target)s” has changed: check the new date, time or place"),
    ),
    Kind(
        "events.cancelled",
        label=_("Cancelled events"),
        one=_("“%(target)s” has been cancelled"),
    ),
    Kind(
        "events.theme_event",
        label=_("New events on themes you follow"),
        one=_("New event on your themes: “%(target)s”"),
    ),
    Kind(
        "events.replay",
        label=_("Replays of my events"),
        one=_("The replay of “%(target)s” is online"),
    ),
]


DIGEST_SECTIONS = {
    "events.new_events": extensions.DigestSection(
        label=_("New events on my themes"),
        description=_("Webinars and trainings announced on the themes you follow."),
        build=myspace.new_events_section,
    ),
    "events.upcoming": extensions.DigestSection(
        label=_("My upcoming registrations"),
        description=_("The events you are registered for in the next two weeks."),
        build=myspace.upcoming_registrations_section,
        alone=False,  # a reminder beside the news, not a reason to email every day
    ),
}


def member_deleting(sender, user, **kwargs) -> None:
    """A leaving member's registrations and calendar token go; their seats free up for the
    waitlist (see the service)."""
    services.member_events_delete(user=user)


def page_published_received(sender, instance, **kwargs) -> None:
    if isinstance(instance, EventPage):
        services.event_published(page=instance)


def theme_deleting_received(sender, instance, **kwargs) -> None:
    services.theme_deleting(theme=instance)


def register() -> None:
    extensions.dashboard_panels.register(
        "events/panels/my_events.html", panels.my_events_panel, order=20
    )
    extensions.member_exports.register("events", exports.member_events_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="events.member_deleting")
    extensions.retention_tasks.register(ATTENDEE_LISTS.key, ATTENDEE_LISTS, order=80)
    for kind in NOTIFICATION_KINDS:
        extensions.notification_kinds.register(kind.code, kind)
    page_published.connect(page_published_received, dispatch_uid="events.page_published")
    pre_delete.connect(theme_deleting_received, sender=Theme, dispatch_uid="events.theme_deleting")
    extensions.theme_news.register("events", myspace.event_news, order=20)
    extensions.digest_sections.register(
        "events.new_events", DIGEST_SECTIONS["events.new_events"], order=40
    )
    extensions.digest_sections.register(
        "events.upcoming", DIGEST_SECTIONS["events.upcoming"], order=50
    )
    extensions.search_providers.register(
        "events",
        extensions.SearchProvider(
            label=_("Events"), search=search.search_events, words=search.event_words
        ),
        order=30,
    )
