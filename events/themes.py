"""Reads about the themes events are filed under (cms.Theme, the hub's one taxonomy): which
events a theme holds, the names a feed shows for them and the stamps its validators need.
Like selectors.py, it reaches the models through Django's app registry."""

from django.apps import apps
from django.db.models import Model, OuterRef, Subquery


def _model(name: str) -> type[Model]:
    return apps.get_model("events", name)


def filed_under(theme: Model):
    """The ids of the event pages filed under `theme`, in any of its translations."""
    through = _model("EventPage").themes.through
    return through.objects.filter(theme__translation_key=theme.translation_key).values(
        "eventpage_id"
    )


def former_theme_slug(slug: str) -> Model | None:
    """The theme an old per-theme feed slug (events.EventTheme's) became, if any."""
    row = _model("FormerThemeSlug").objects.filter(slug=slug).select_related("theme").first()
    return row.theme if row else None


def filed_themes(page_ids, *, language: str) -> list[tuple]:
    """(page id, theme id, translation_key, name, updated_at, shown name, its updated_at)
    for each theme the pages are filed under, its name shown in `language` where the theme
    is translated. One query."""
    through = _model("EventPage").themes.through
    Theme = apps.get_model("cms", "Theme")
    shown = Theme.objects.filter(
        translation_key=OuterRef("theme__translation_key"), locale__language_code=language
    )
    return list(
        through.objects.filter(eventpage_id__in=page_ids)
        .annotate(
            shown_name=Subquery(shown.values("name")[:1]),
            shown_at=Subquery(shown.values("updated_at")[:1]),
        )
        .order_by("eventpage_id", "theme__sort_order", "theme__name", "theme_id")
        .values_list(
            "eventpage_id",
            "theme_id",
            "theme__translation_key",
            "theme__name",
            "theme__updated_at",
            "shown_name",
            "shown_at",
        )
    )


def shown_themes(filed: list[tuple]) -> dict[int, list[Model]]:
    """page id → its themes (unsaved stand-ins holding the shown name), one per theme."""
    Theme = apps.get_model("cms", "Theme")
    themes: dict[int, list[Model]] = {}
    seen: set = set()
    for page_id, theme_id, key, name, _at, shown_name, _shown_at in filed:
        if (page_id, key) in seen:
            continue
        seen.add((page_id, key))
        themes.setdefault(page_id, []).append(
            Theme(pk=theme_id, translation_key=key, name=shown_name or name)
        )
    return themes


def theme_stamps(filed: list[tuple]) -> list:
    return [stamp for row in filed for stamp in (row[4], row[6]) if stamp]
