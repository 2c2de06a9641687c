"""Scale-out: two Daphne processes behind one Redis. A notification written in one process
(this test, or Daphne A answering an HTTP request) reaches a websocket held by Daphne B."""

import asyncio
import json
import re
import urllib.request

import pytest
import websockets
from channels.db import database_sync_to_async
from django.conf import settings
from django.db import connections

from hub.notifications.services import notify

from .conftest import session_cookie_for

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.postgres,
    pytest.mark.skipif(
        not (settings.USING_POSTGRES and settings.REDIS_URL),
        reason="needs PostgreSQL and Redis shared between processes: run with "
        "DATABASE_URL=postgres://… and REDIS_URL=redis://… (CI does)",
    ),
]


async def next_event(ws, wanted: str, timeout: float = 10) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            event = json.loads(await ws.recv())
            if event.get("type") == wanted:
                return event


def post_with_csrf(base_url: str, path: str, cookie: str, page: str) -> dict:
    """Signs a POST like a browser would: GET a page for the CSRF cookie and token first."""
    request = urllib.request.Request(base_url + page, headers={"Cookie": cookie})
    with urllib.request.urlopen(request, timeout=10) as response:
        html = response.read().decode()
        set_cookie = response.headers.get_all("Set-Cookie") or []
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    csrf_cookie = next(c.split(";")[0] for c in set_cookie if c.startswith("csrftoken="))
    request = urllib.request.Request(
        base_url + path,
        method="POST",
        data=b"",
        headers={
            "Cookie": f"{cookie}; {csrf_cookie}",
            "X-CSRFToken": token,
            "Accept": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


async def test_a_notification_reaches_a_browser_connected_to_another_process(
    live_daphne, test_kinds, make_member, topic
):
    ana = await database_sync_to_async(make_member)(first_name="Ana")
    ben = await database_sync_to_async(make_member)(first_name="Ben")
    cookie = await database_sync_to_async(session_cookie_for)(ana)
    base_a, base_b = await asyncio.to_thread(live_daphne), await asyncio.to_thread(live_daphne)
    assert base_a != base_b

    ws_url = base_b.replace("http://", "ws://") + "/ws/notifications/"
    async with websockets.connect(
        ws_url, additional_headers={"Cookie": cookie, "Origin": base_b}
    ) as ws:
        await ws.send(json.dumps({"type": "ping"}))
        assert await next_event(ws, "pong") == {"type": "pong"}  # joined its group

        # 1. Written in this process, delivered by Daphne B.
        rows = await database_sync_to_async(notify)(
            recipients=[ana], kind="test.reply", actor=ben, target=topic, url="/fr/t/1/"
        )
        event = await next_event(ws, "notification")
        assert event["id"] == rows[0].pk
        assert event["unread"] == 1
        assert event["text"] == "Ben T. a répondu dans « Budget 2027 »"

        # 2. Marked read through Daphne A's HTTP: Daphne B's tab hears of it.
        answer = await asyncio.to_thread(
            post_with_csrf, base_a, "/fr/notifications/tout-lu/", cookie, "/fr/notifications/"
        )
        assert answer == {"unread": 0}
        assert await next_event(ws, "read") == {"type": "read", "ids": None, "unread": 0}
    # The ORM ran in a worker thread: close its connection so the test database can be dropped.
    await database_sync_to_async(connections.close_all)()
