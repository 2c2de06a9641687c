"""Themes, the one taxonomy every room files its things under (resources, toolkits, events,
forum categories). Rooms tag with whichever translation of a theme the editor picked; they
meet on its `translation_key` and show it in the reader's language through these reads."""

from wagtail.models import Locale

from .registry import cms_model


def localized_themes(themes, locale: Locale | None = None, *, language: str = "") -> list:
    """`themes` in `locale` (or `language`) where translated, else as they are, in their
    order. One query (none for no themes)."""
    themes = list(themes)
    keys = [theme.translation_key for theme in themes]
    translated = themes_by_key(keys, locale=locale, language=language)
    return [translated.get(theme.translation_key, theme) for theme in themes]


def themes_by_key(keys, *, locale: Locale | None = None, language: str = "") -> dict:
    """translation_key → the theme in `locale` (or `language`), for the keys translated
    there. One query (none for no keys)."""
    keys = list(keys)
    if not keys:
        return {}
    rows = cms_model("Theme").objects.filter(translation_key__in=keys)
    if locale is not None:
        rows = rows.filter(locale=locale)
    else:
        rows = rows.filter(locale__language_code=language)
    return {theme.translation_key: theme for theme in rows}


def themes_in_language(language: str) -> list:
    """Every theme of `language`, in their order."""
    return list(
        cms_model("Theme")
        .objects.filter(locale__language_code=language)
        .order_by("sort_order", "name")
    )


def theme_for_slug(slug: str, *, language: str):
    """(theme, its slug in `language`) for a slug of either language, or (None, "").

    A theme's address names it in the reader's language; a slug of the other language (an
    address shared across languages) finds the same theme, whose own slug in `language` is
    returned so the caller can redirect to it."""
    Theme = cms_model("Theme")
    found = list(Theme.objects.filter(slug=slug).select_related("locale"))
    if not found:
        return None, ""
    theme = next((t for t in found if t.locale.language_code == language), found[0])
    if theme.locale.language_code == language:
        return theme, theme.slug
    translated = themes_by_key([theme.translation_key], language=language)
    theme = translated.get(theme.translation_key, theme)
    return theme, theme.slug
