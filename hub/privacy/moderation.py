"""Privacy's moderation register and noindex. Every moderation action taken for privacy is
written to the ModerationEntry audit log; post actions (unpublish a post, replace a name in
it) are the forum's, in forum/moderation.py, which records them here. Asking search engines
not to index a page works for any page of the site, so it stays here, with the
NoIndexMiddleware (middleware.py) that answers for those pages."""

from urllib.parse import urlsplit

from django.core.cache import cache
from django.db import transaction

from .models import ModerationEntry, NoIndexPath

NOINDEX_CACHE_KEY = "privacy:noindex-paths"


def moderation_entry_record(
    *, action: str, target: str, path: str = "", replacements: int = 0, reason: str, moderator
) -> ModerationEntry:
    """Appends one action to the audit log. Call it inside the transaction of the action,
    so the log and the change never disagree. `target` names the thing by number only."""
    return ModerationEntry.objects.create(
        action=action,
        target=target,
        path=path,
        replacements=replacements,
        reason=reason,
        moderator=moderator,
    )


def normalise_path(value: str) -> str:
    path = urlsplit(value.strip()).path or "/"
    return path if path.startswith("/") else f"/{path}"


def path_noindex(*, path: str, by, reason: str, noindex: bool = True) -> None:
    """Asks search engines not to index a page (or lifts it). Takes effect on the next
    request: the cached list is dropped after commit."""
    path = normalise_path(path)
    with transaction.atomic():
        if noindex:
            NoIndexPath.objects.get_or_create(path=path)
        else:
            NoIndexPath.objects.filter(path=path).delete()
        moderation_entry_record(
            action=ModerationEntry.Action.NOINDEX if noindex else ModerationEntry.Action.INDEX,
            target=path,
            path=path,
            reason=reason,
            moderator=by,
        )
        # Dropped now for this process, and again after commit in case another request
        # cached the old list in between.
        cache.delete(NOINDEX_CACHE_KEY)
        transaction.on_commit(lambda: cache.delete(NOINDEX_CACHE_KEY))


def noindex_paths() -> frozenset[str]:
    paths = cache.get(NOINDEX_CACHE_KEY)
    if paths is None:
        paths = frozenset(NoIndexPath.objects.values_list("path", flat=True))
        cache.set(NOINDEX_CACHE_KEY, paths, 3600)
    return paths
