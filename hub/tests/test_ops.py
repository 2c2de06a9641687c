"""What operators rely on (hub/ops/): health endpoints, a cache and live events that survive
Redis going away, the "try again" page while the database is away, one JSON line per request."""

import json
import logging
import subprocess
import sys

import pytest
from django.db import OperationalError
from django.test import RequestFactory

from hub.errors import server_error
from hub.notifications.services import live
from hub.ops.cache import DegradingRedisCache
from hub.ops.logs import JsonFormatter, RequestLogMiddleware

from .test_settings import PRODUCTION_ENV, ROOT


def test_liveness_answers_without_touching_the_database(client):
    # No django_db mark: a query here would raise.
    response = client.get("/livez")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readiness_checks_the_database_and_says_redis_is_not_used_without_it(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ready": True, "database": "ok", "redis": "not used"}


@pytest.mark.django_db
def test_readiness_is_503_when_redis_does_not_answer(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["redis"].startswith("error: ")
    assert response.json()["database"] == "ok"


def test_the_cache_degrades_to_misses_when_redis_is_away():
    cache = DegradingRedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 1}})
    assert cache.get("key", "default") == "default"
    cache.set("key", 1)
    assert cache.add("key", 1) is True
    assert cache.get_many(["a", "b"]) == {}
    assert cache.get_or_set("key", lambda: 7) == 7
    with pytest.raises(ValueError):  # what callers already handle for a missing key
        cache.incr("key")


def test_a_live_event_lost_with_redis_away_does_not_fail_the_request(monkeypatch, caplog):
    class AwayLayer:
        async def group_send(self, group, message):
            raise ConnectionError("Redis is restarting")

    monkeypatch.setattr(live, "get_channel_layer", lambda: AwayLayer())
    with caplog.at_level(logging.WARNING):
        live.send_live_event(user_id=1, event={"type": "notification", "id": 1})
    assert "clients will catch up" in caplog.text


@pytest.mark.parametrize(
    ("path", "title", "text"),
    [
        ("/fr/evenements/1/inscription/", "Le site est occupé", "Réessayez dans quelques secondes"),
        ("/en/evenements/1/inscription/", "The site is busy", "Please try again in a few seconds"),
    ],
)
def test_a_database_away_gets_the_translated_try_again_page(path, title, text):
    request = RequestFactory().post(path)
    try:
        raise OperationalError("connection refused")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert title in html
    assert text in html


def test_any_other_error_still_gets_the_generic_error_page():
    request = RequestFactory().get("/fr/")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(request)
    assert response.status_code == 500


@pytest.mark.django_db
def test_each_request_is_one_json_line_with_status_route_and_member_id(rf, django_user_model):
    member = django_user_model.objects.create_user(email="ana@example.org", password="x" * 12)
    request = rf.get(
        "/fr/evenements/calendrier/prive/SECRET-TOKEN.ics?q=mots", REMOTE_ADDR="203.0.113.9"
    )
    request.user = member

    def view(request):
        from django.urls import resolve

        request.resolver_match = resolve("/fr/evenements/calendrier/prive/SECRET-TOKEN.ics")
        from django.http import HttpResponse

        return HttpResponse(status=200)

    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("hub.requests")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        RequestLogMiddleware(view)(request)
    finally:
        logger.removeHandler(handler)
    line = JsonFormatter().format(records[0])
    entry = json.loads(line)
    assert entry["status"] == 200
    assert entry["user_id"] == member.pk
    assert entry["method"] == "GET"
    assert entry["time"].endswith("+00:00")
    assert "SECRET-TOKEN" not in line
    assert "ana@example.org" not in line
    assert "203.0.113.9" not in line
    assert "mots" not in line


def test_production_logs_json_degrades_its_cache_and_routes_health_without_https():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.MIDDLEWARE[0], s.LOGGING['handlers']['console']['formatter'], "
        "s.CACHES['default']['BACKEND'], *s.SECURE_REDIRECT_EXEMPT, "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS'], "
        "sorted(s.DATABASES['default']['OPTIONS']['pool']))"
    )
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://hub@127.0.0.1:1/hub",  # parsed only, never reached
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "hub.ops.logs.RequestLogMiddleware",
        "json",
        "hub.ops.cache.DegradingRedisCache",
        "^healthz$",
        "^livez$",
        "^readyz$",
        # A pooled connection broken by a PostgreSQL restart is replaced, not handed out.
        "True",
        "['max_size',",
        "'min_size',",
        "'timeout']",
    ]
