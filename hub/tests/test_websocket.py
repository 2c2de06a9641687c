"""The websocket path, end to end through the real ASGI application (origin check, session
auth, routing), with Channels' WebsocketCommunicator."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from hub.asgi import application
from hub.notifications.services import send_live_event

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]


@database_sync_to_async
def session_cookie_for(user) -> bytes:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}".encode()


@database_sync_to_async
def make_member(email):
    from hub.accounts.tests.factories import UserFactory

    return UserFactory(email=email)


def communicator(cookie: bytes | None = None, origin: bytes = b"http://localhost"):
    headers = [(b"origin", origin), (b"host", b"localhost")]
    if cookie:
        headers.append((b"cookie", cookie))
    return WebsocketCommunicator(application, "/ws/notifications/", headers=headers)


async def test_an_anonymous_visitor_is_refused():
    ws = communicator()
    connected, code = await ws.connect()
    assert not connected
    assert code == 4401


async def test_a_foreign_origin_is_refused():
    member = await make_member("ana@exemple.org")
    ws = communicator(await session_cookie_for(member), origin=b"https://evil.example")
    connected, _ = await ws.connect()
    assert not connected


async def test_a_signed_in_member_gets_a_heartbeat_answer():
    member = await make_member("ana@exemple.org")
    ws = communicator(await session_cookie_for(member))
    connected, _ = await ws.connect()
    assert connected
    await ws.send_json_to({"type": "ping"})
    assert await ws.receive_json_from(timeout=2) == {"type": "pong"}
    await ws.disconnect()


async def test_a_member_receives_only_their_own_events():
    ana = await make_member("ana@exemple.org")
    ben = await make_member("ben@exemple.org")
    ws_ana = communicator(await session_cookie_for(ana))
    ws_ben = communicator(await session_cookie_for(ben))
    assert (await ws_ana.connect())[0] and (await ws_ben.connect())[0]

    await database_sync_to_async(send_live_event)(user_id=ana.pk, event={"type": "hello"})

    assert await ws_ana.receive_json_from(timeout=2) == {"type": "hello"}
    assert await ws_ben.receive_nothing(timeout=0.3)
    await ws_ana.disconnect()
    await ws_ben.disconnect()
