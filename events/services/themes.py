"""What happens to events when a theme (cms.Theme, the library's) changes."""

from django.utils import timezone

from ..models import EventPage


def theme_deleting(*, theme) -> None:
    """Runs before a theme is deleted, in the deletion's transaction. Every event filed
    under it (in any of its translations) names one theme fewer, or another translation of
    it, in the feeds and .ics files: their `changed_at` moves, and with it the files'
    Last-Modified (a rename moves it through the theme's own `updated_at`)."""
    through = EventPage.themes.through
    filed = through.objects.filter(theme__translation_key=theme.translation_key).values(
        "eventpage_id"
    )
    EventPage.objects.filter(pk__in=filed).update(changed_at=timezone.now())
