"""Admin: series as snippets (themes are the library's: cms.Theme, under "Themes"), and a
"Registrations" button on event pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import access
from .models import EventPage, EventSeries


class EventSeriesViewSet(SnippetViewSet):
    model = EventSeries
    icon = "list-ul"
    list_display = ["name_fr", "name_en", "slug"]


class EventsGroup(SnippetViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 250
    items = (EventSeriesViewSet,)


register_snippet(EventsGroup)


@hooks.register("register_page_listing_buttons")
def registrations_button(page, user, next_url=None, **kwargs):
    if issubclass(page.specific_class or object, EventPage) and access.can_see_registrations(user):
        yield ListingButton(
            _("Registrations"),
            reverse("events:registrations", args=[page.pk]),
            priority=60,
        )
