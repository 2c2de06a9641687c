"""Following themes (writes of the cms room, re-exported by cms.services): a member follows
or stops following a theme, and everyone who follows a theme hears of what is new on it.

`theme_followers_notify` is the one way a room tells a theme's followers: the library when
a resource is first published (here), events and the forum for their own news (their
services call it), each with its own notification kind, so each member's preferences
apply. The theme's translations count as the theme."""

from collections.abc import Callable, Iterable

from django.db import IntegrityError, transaction
from wagtail.models import PageLogEntry

from hub.notifications.services import notify

from .models import ResourcePage, Theme, ThemeFollow
from .selectors.follows import theme_followers
from .selectors.visibility import public_q

RESOURCE_KIND = "cms.theme_resource"


def theme_follow_set(*, user, theme: Theme, follow: bool) -> bool:
    """The member follows the theme (in every language), or stops. Idempotent; a double
    click cannot make two rows. Returns whether the member now follows it."""
    rows = ThemeFollow.objects.filter(user=user, theme__translation_key=theme.translation_key)
    if not follow:
        rows.delete()
        return False
    if not rows.exists():
        try:
            with transaction.atomic():
                ThemeFollow.objects.create(user=user, theme=theme)
        except IntegrityError:  # a double click raced us: the row exists
            pass
    return True


def theme_follows_replace(*, user, themes: Iterable[Theme]) -> None:
    """The member follows exactly these themes (the sign-up and Mon espace forms)."""
    keys = {theme.translation_key: theme for theme in themes}
    with transaction.atomic():
        ThemeFollow.objects.filter(user=user).exclude(
            theme__translation_key__in=list(keys)
        ).delete()
        have = set(
            ThemeFollow.objects.filter(user=user).values_list("theme__translation_key", flat=True)
        )
        ThemeFollow.objects.bulk_create(
            [ThemeFollow(user=user, theme=t) for key, t in keys.items() if key not in have],
            ignore_conflicts=True,
        )


def theme_followers_notify(
    *,
    theme_keys,
    kind: str,
    target,
    url: str,
    actor=None,
    may_see: Callable | None = None,
) -> list:
    """Notifies every active follower of these themes once, with the room's `kind` (so
    their preference for that kind decides: bell, email at once, digest or never), in the
    caller's transaction; live events leave after commit (see notify). `may_see(user)`
    leaves out members who may not read the target (a private forum)."""
    if not theme_keys:
        return []
    followers = list(theme_followers(theme_keys=theme_keys))
    if may_see is not None:
        followers = [user for user in followers if may_see(user)]
    return notify(recipients=followers, kind=kind, actor=actor, target=target, url=url)


def resource_published(*, page) -> list:
    """Runs when a page is published. A resource's first publication (of any of its
    translations) tells the followers of its themes; later revisions, private pages and
    other page types tell no one."""
    page = page.specific
    if not isinstance(page, ResourcePage):
        return []
    # page_published is sent before Wagtail logs the publication: no log yet means this is
    # the first time any translation of the resource goes live.
    if PageLogEntry.objects.filter(
        page__translation_key=page.translation_key, action="wagtail.publish"
    ).exists():
        return []
    if not ResourcePage.objects.filter(pk=page.pk).filter(public_q()).exists():
        return []
    keys = set(page.themes.values_list("translation_key", flat=True))
    return theme_followers_notify(
        theme_keys=keys, kind=RESOURCE_KIND, target=page, url=page.url or ""
    )


def member_theme_follows_delete(*, user) -> None:
    ThemeFollow.objects.filter(user=user).delete()
