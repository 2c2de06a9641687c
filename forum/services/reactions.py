"""Reactions to a post, and the one notification its author gets per member who reacts."""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.models import Post

from hub.notifications.services import notify

from .. import access
from ..errors import ForumError
from ..models import Reaction
from .publishing import post_url

# A reaction removed and added again does not notify twice within this time.
REACTION_NOTIFIED_TTL = 30 * 24 * 3600


def reaction_toggle(*, post: Post, user, kind: str) -> bool:
    """Adds the member's reaction of this kind, or removes it if it was there. Returns True
    when added. One reaction per kind per member (a unique constraint backs this).

    The post's author hears of the first reaction a member gives to the post (one
    "forum.reaction" notification, collapsed per topic while unread); removing a reaction,
    adding it again or adding a second kind notifies nobody."""
    access.check_can_react(post=post, user=user)
    if kind not in Reaction.Kind.values:
        raise ForumError(_("Unknown reaction."))
    with transaction.atomic():
        deleted, _unused = Reaction.objects.filter(post=post, user=user, kind=kind).delete()
        if deleted:
            return False
        try:
            with transaction.atomic():
                Reaction.objects.create(post=post, user=user, kind=kind)
        except IntegrityError:  # two clicks at once: the first one won (and notified)
            return True
        reaction_notify(post=post, user=user)
    return True


def reaction_notify(*, post: Post, user) -> None:
    """Tells the post's author that `user` reacted, once per member and post. Reaction rows
    are deleted when taken back, so what was already notified is remembered in the cache
    (Redis in production) for REACTION_NOTIFIED_TTL: at worst, after that time or a cache
    flush, a reaction taken back and given again notifies a second time."""
    author = post.poster
    if author is None or author.pk == user.pk:
        return
    # The post's creation time keeps a reused id (a restored database) from matching.
    key = f"forum:reaction-notified:{post.pk}:{post.created.timestamp()}:{user.pk}"
    if not cache.add(key, 1, REACTION_NOTIFIED_TTL):
        return
    notify(
        recipients=[author],
        kind="forum.reaction",
        actor=user,
        target=post.topic,
        url=post_url(post),
    )
