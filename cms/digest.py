"""What the library tells a member about the themes they follow: its entries in "Quoi de
neuf sur mes thèmes" (Mon espace) and its section of the digest email (registered from
hooks.py)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from hub import extensions, links

from .selectors.follows import followed_theme_keys, new_resources_on_themes


def resource_news(*, user, theme_keys, since, limit: int) -> list[extensions.ThemeNews]:
    label = _("Resource")
    return [
        extensions.ThemeNews(label=label, title=page.title, url=page.url or "", when=when)
        for page in new_resources_on_themes(theme_keys=theme_keys, since=since, limit=limit)
        if (when := page.first_published_at or timezone.now())
    ]


def new_resources_section(*, user, since, now) -> list[extensions.DigestEntry]:
    """New resources on my themes, published after the last digest."""
    keys = followed_theme_keys(user=user)
    return [
        extensions.DigestEntry(
            title=page.title, url=links.absolute_url(page.url or ""), detail=page.summary[:200]
        )
        for page in new_resources_on_themes(theme_keys=keys, since=since, until=now, limit=10)
    ]
