"""Which library themes (`cms.Theme`) an event is about, the one place events asks.

Until events file under `cms.Theme` (issue 13, "one taxonomy"), an event's theme is the
library theme with the same slug. Matched on the theme's `translation_key`, so both
languages count."""

from django.db.models import Q

from cms.selectors.follows import theme_keys_for_slugs
from cms.selectors.registry import cms_model


def event_theme_keys(event) -> set:
    """The translation keys of the event's themes (two queries)."""
    return theme_keys_for_slugs(event.themes.values_list("slug", flat=True))


def on_themes_q(theme_keys) -> Q:
    """Filters EventPage rows down to those on one of these themes (one query to build)."""
    slugs = list(
        cms_model("Theme")
        .objects.filter(translation_key__in=list(theme_keys))
        .values_list("slug", flat=True)
    )
    return Q(themes__slug__in=slugs)
