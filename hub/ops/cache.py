"""The production cache (Redis) degrades instead of failing: while Redis is down or
restarting, a read is a miss and a write is skipped, so pages still answer (slower) and no
request fails with a 500 because of the cache. Counters that rely on the cache (forum
anti-flood, preview limits) are lenient for as long as Redis is away; that is the trade."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


def _degrading(name: str, fallback):
    method = getattr(RedisCache, name)

    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except _DOWN as error:
            logger.warning("cache unavailable (%s): %s skipped", error.__class__.__name__, name)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    wrapper.__name__ = name
    return wrapper


def _default(key, default=None, *args, **kwargs):
    return default


def _incr_missing(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what Django says for a missing key


def _get_or_set(key, default, *args, **kwargs):
    return default() if callable(default) else default


class DegradingRedisCache(RedisCache):
    get = _degrading("get", _default)
    set = _degrading("set", None)
    add = _degrading("add", True)
    touch = _degrading("touch", False)
    delete = _degrading("delete", False)
    get_many = _degrading("get_many", lambda *a, **k: {})
    set_many = _degrading("set_many", lambda *a, **k: [])
    delete_many = _degrading("delete_many", None)
    has_key = _degrading("has_key", False)
    incr = _degrading("incr", _incr_missing)
    decr = _degrading("decr", _incr_missing)
    get_or_set = _degrading("get_or_set", _get_or_set)
    clear = _degrading("clear", False)
