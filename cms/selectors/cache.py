"""The library's cache version. Every cached piece of the library (counts, cards, themes,
toolkits, private sections) has it in its key; services.library_changed() bumps it when a
page is published, unpublished or deleted, or a theme or a restriction changes."""

from django.core.cache import cache

LIBRARY_VERSION_KEY = "cms:library:version"
LISTING_CACHE_SECONDS = 600  # a safety net: publishing bumps the version at once


def library_version() -> int:
    """Part of every cache key of the library; services.library_changed() bumps it."""
    return cache.get_or_set(LIBRARY_VERSION_KEY, 1, None)


def cached(key: str, compute):
    """The value cached under `key`, computed (and cached) on a miss."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, LISTING_CACHE_SECONDS)
    return value
