"""Themes, the one taxonomy every room files its things under (resources, toolkits, events,
forum categories). Rooms tag with whichever translation of a theme the editor picked; they
meet on its `translation_key` and show it in the reader's language through these reads."""

from django.db.models import BooleanField, Case, Exists, F, OuterRef, Q, When
from wagtail.models import Locale

from .registry import cms_model


def localized_themes(themes, locale: Locale | None = None, *, language: str = "") -> list:
    """`themes` in `locale` (or `language`) where translated, else as they are with their
    own language in `other_language` (for the "(en français)" note), in their order. One
    query, two when some are not translated (none for no themes)."""
    themes = list(themes)
    keys = [theme.translation_key for theme in themes]
    translated = themes_by_key(keys, locale=locale, language=language)
    shown = [translated.get(theme.translation_key, theme) for theme in themes]
    missing = [theme.pk for theme in shown if theme.translation_key not in translated]
    if missing:
        codes = dict(
            cms_model("Theme")
            .objects.filter(pk__in=missing)
            .values_list("pk", "locale__language_code")
        )
        for theme in shown:
            if theme.pk in codes:
                theme.other_language = codes[theme.pk]
    return shown


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


def themes_in_language(language: str = "", *, locale_id: int | None = None) -> list:
    """Every theme readers of `language` (or of the locale `locale_id`) see, in their order:
    those of their language, and those not translated into it yet, whose own language is
    in `other_language` (for the "(en français)" note). One query."""
    Theme = cms_model("Theme")
    if locale_id is not None:
        mine = Q(locale_id=locale_id)
    else:
        mine = Q(locale__language_code=language)
    translated = Theme.objects.filter(mine, translation_key=OuterRef("translation_key"))
    rows = (
        Theme.objects.filter(mine | ~Exists(translated))
        .annotate(
            own_language=F("locale__language_code"),
            is_mine=Case(When(mine, then=True), default=False, output_field=BooleanField()),
        )
        .order_by("sort_order", "name", "pk")
    )
    themes = []
    for theme in rows:
        theme.other_language = "" if theme.is_mine else theme.own_language
        themes.append(theme)
    return themes


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


def resources_on_themes(theme_keys, *, language: str, limit: int = 3, exclude=None) -> list:
    """The latest live, public resources filed under any of the themes (translation keys),
    in the reader's language or, not translated yet, in their own (marked by `locale`).
    One query, plus one for the locale when it is not cached."""
    from .visibility import visible_resources

    keys = list(theme_keys)
    if not keys:
        return []
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    through = cms_model("ResourcePage").themes.through
    tagged = through.objects.filter(theme__translation_key__in=keys).values("resourcepage_id")
    resources = visible_resources(locale).filter(pk__in=tagged)
    if exclude is not None:  # a page that already links it (an event its replay)
        resources = resources.exclude(translation_key=exclude.translation_key)
    return list(resources.select_related("locale").order_by("-first_published_at", "-pk")[:limit])
