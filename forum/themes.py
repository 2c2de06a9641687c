"""Which library themes (`cms.Theme`) a forum is about, the one place the forum asks.

Until forum categories name their themes (issue 13, "one taxonomy"), a forum is about the
theme whose slug is its own, accents folded (machina's `cybersécurité` → `cybersecurite`).
Matched on the theme's `translation_key`, so both languages count."""

from django.utils.text import slugify

from cms.selectors.follows import theme_keys_for_slugs


def forum_theme_keys(forum) -> set:
    """The translation keys of the themes of this forum (one query)."""
    return theme_keys_for_slugs([slugify(forum.slug)])


def forums_on_themes(forums, theme_keys) -> list:
    """Those of `forums` about one of these themes (one query)."""
    from cms.selectors.registry import cms_model

    slugs = set(
        cms_model("Theme")
        .objects.filter(translation_key__in=list(theme_keys))
        .values_list("slug", flat=True)
    )
    return [forum for forum in forums if slugify(forum.slug) in slugs]
