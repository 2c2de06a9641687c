"""Health endpoints, outside the language prefix and never redirected to HTTPS
(SECURE_REDIRECT_EXEMPT): the proxy, compose and probes call them on plain HTTP.

- /livez: the process answers (touches neither the database nor Redis). The proxy routes
  on it, so a database restart does not take every web process out of the proxy: members
  get the translated "réessayez" page instead of the proxy's bare 502/503.
- /readyz: the database and Redis answer; 503 with a JSON body naming what failed.
- /healthz: the database answers (kept for the image's HEALTHCHECK and older probes)."""

import json

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


def _ok(text: str = "ok", status: int = 200) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain")


@never_cache
def livez(request):
    return _ok()


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # any failure is "not ready", never a 500
        return f"error: {error.__class__.__name__}"
    return "ok"


def _redis() -> str:
    url = getattr(settings, "REDIS_URL", "")
    if not url:
        return "not used"
    try:
        import redis

        client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as error:
        return f"error: {error.__class__.__name__}"
    return "ok"


@never_cache
def readyz(request):
    checks = {"database": _database(), "redis": _redis()}
    ready = all(value in {"ok", "not used"} for value in checks.values())
    body = json.dumps({"ready": ready, **checks})
    return HttpResponse(body, status=200 if ready else 503, content_type="application/json")


@never_cache
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return _ok()
