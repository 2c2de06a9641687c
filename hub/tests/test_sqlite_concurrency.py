"""The embedded default (`make run`: Daphne on a SQLite file) under ordinary use: several
tabs loading and writing at once must all be answered, never a "database is locked" 500
(issue 18, item 14)."""

import threading
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from events.tests.factories import event_index, event_page
from forum.tests.factories import programme_forums, topic_with_first_post
from hub.accounts.tests.factories import UserFactory
from hub.notifications.tests.conftest import session_cookie_for

sqlite_only = pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the SQLite default only; PostgreSQL has row locks and MVCC",
)
CSRF = "c" * 32  # an unmasked CSRF secret: the cookie and the header agree


@sqlite_only
def test_the_sqlite_default_uses_wal_a_busy_timeout_and_immediate_transactions(db):
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000


def _request(url: str, *, cookie: str, data: bytes | None = None) -> int:
    headers = {"Cookie": f"{cookie}; csrftoken={CSRF}", "X-CSRFToken": CSRF}
    request = urllib.request.Request(url, data=data, headers=headers)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=60) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@sqlite_only
def test_twenty_simultaneous_requests_with_writes_are_all_answered(daphne_server, site):
    forums = programme_forums()
    topic = topic_with_first_post(forum=forums["Demandes d'aide"], subject="Question commune")
    topic_path = reverse(
        "forum_conversation:topic",
        args=[topic.forum.slug, topic.forum.pk, topic.slug, topic.pk],
    )
    index = event_index(site)
    events = [event_page(index=index, capacity=3) for _ in range(2)]
    members = [UserFactory() for _ in range(20)]
    cookies = [session_cookie_for(member) for member in members]
    calls = []
    for number, cookie in enumerate(cookies):
        if number % 2:  # a write: registering (reads seats, then inserts, in one transaction)
            path = reverse("events:register", args=[events[number // 2 % 2].pk])
            calls.append((path, cookie, b""))
        else:  # a read that writes too: the topic page counts its views and marks it read
            calls.append((topic_path, cookie, None))
    barrier = threading.Barrier(len(calls))
    statuses: list[int] = []
    errors: list[BaseException] = []

    def fire(path, cookie, data):
        try:
            barrier.wait(timeout=30)
            statuses.append(_request(f"{daphne_server}{path}", cookie=cookie, data=data))
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)

    threads = [threading.Thread(target=fire, args=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sorted(statuses) == sorted([302] * 10 + [200] * 10), statuses
    from events.models import Registration

    assert Registration.objects.count() == 10
