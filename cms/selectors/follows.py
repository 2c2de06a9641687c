"""Reads about followed themes: what a member follows, who follows a theme, and the
resources published on themes since a moment (Mon espace, the digest). Themes are matched
on their `translation_key`, so a follow holds in both languages."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from wagtail.models import Locale

from .registry import cms_model
from .visibility import visible_resources


def followed_theme_keys(*, user) -> set:
    """The translation keys of the themes the member follows (one query)."""
    if not user.is_authenticated:
        return set()
    return set(
        cms_model("ThemeFollow")
        .objects.filter(user=user)
        .values_list("theme__translation_key", flat=True)
    )


def themes_in_locale(*, locale: Locale | None = None) -> list:
    """Every theme once, in the reader's language when translated, else in its own (one
    query): the choices of the follow forms."""
    locale = locale or Locale.get_active()
    by_key = {}
    for theme in cms_model("Theme").objects.order_by("sort_order", "name"):
        if theme.translation_key not in by_key or theme.locale_id == locale.pk:
            by_key[theme.translation_key] = theme
    return sorted(by_key.values(), key=lambda theme: (theme.sort_order, theme.name))


def theme_followers(*, theme_keys) -> QuerySet:
    """Active members who follow at least one of these themes, each once."""
    return (
        get_user_model()
        .objects.filter(is_active=True, theme_follows__theme__translation_key__in=list(theme_keys))
        .distinct()
    )


def new_resources_on_themes(
    *, theme_keys, since: datetime, until: datetime | None = None, locale=None, limit: int = 10
) -> list:
    """Public resources first published after `since` (up to `until`) on these themes, in
    the reader's language when translated, newest first (one query)."""
    if not theme_keys:
        return []
    locale = locale or Locale.get_active()
    rows = visible_resources(locale).filter(
        first_published_at__gt=since, themes__translation_key__in=list(theme_keys)
    )
    if until is not None:
        rows = rows.filter(first_published_at__lte=until)
    return list(rows.distinct().order_by("-first_published_at")[:limit])


def theme_filter_follow(*, listing, user) -> dict | None:
    """For the library filtered on one theme: that theme and whether the member follows it
    (the "Suivre ce thème" button), or None. One query, for members only: the theme comes
    from the listing's own themes."""
    slug = listing.active.get("theme")
    if not slug or not user.is_authenticated:
        return None
    theme = next((t for t in listing.themes.values() if t.slug == slug), None)
    if theme is None:
        return None
    following = (
        cms_model("ThemeFollow")
        .objects.filter(user=user, theme__translation_key=theme.translation_key)
        .exists()
    )
    return {"theme": theme, "following": following}
