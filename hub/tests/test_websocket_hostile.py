"""Websockets refuse foreign origins and hostile frames quietly (issue 11, finding 8): the
origin must be the site's own (scheme, host and port), a bad path is refused at the
handshake, and a malformed, binary, deeply nested or huge frame never costs a traceback."""

import logging

import pytest
from channels.testing import WebsocketCommunicator

from hub.asgi import application

from .test_websocket import make_member, session_cookie_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.asyncio]


def communicator(
    path="/ws/notifications/",
    *,
    cookie=None,
    origin=b"http://127.0.0.1:8000",
    host=b"127.0.0.1:8000",
    scheme=None,
):
    headers = [(b"origin", origin), (b"host", host)]
    if cookie:
        headers.append((b"cookie", cookie))
    ws = WebsocketCommunicator(application, path, headers=headers)
    if scheme:
        ws.scope["scheme"] = scheme
    return ws


@pytest.fixture
async def cookie():
    return await session_cookie_for(await make_member("ana@exemple.org"))


FOREIGN_ORIGINS = [
    b"http://127.0.0.1:9999",  # the reported one: same host, another port
    b"https://127.0.0.1:8000",  # another scheme
    b"http://127.0.0.1",
    b"http://localhost:8000",  # an allowed host, but not this site's origin
    b"null",
    b"http://127.0.0.1:8000.evil.example",
    b"http://127.0.0.1:99999",
    b"",
]


async def test_an_origin_other_than_the_sites_own_is_refused(cookie):
    opened = [
        origin
        for origin in FOREIGN_ORIGINS
        if (await communicator(cookie=cookie, origin=origin).connect())[0]
    ]
    assert opened == []
    ws = WebsocketCommunicator(
        application,
        "/ws/notifications/",
        headers=[(b"host", b"127.0.0.1:8000"), (b"cookie", cookie)],
    )
    assert not (await ws.connect())[0]  # no Origin header at all
    # A host outside ALLOWED_HOSTS, even from its own origin.
    ws = communicator(cookie=cookie, origin=b"http://evil.example", host=b"evil.example")
    assert not (await ws.connect())[0]


async def test_the_sites_own_origin_is_accepted(cookie):
    ws = communicator(cookie=cookie)
    assert (await ws.connect())[0]
    await ws.disconnect()
    ws = communicator(cookie=cookie, origin=b"https://127.0.0.1:8000", scheme="wss")
    assert (await ws.connect())[0]
    await ws.disconnect()
    # The origin settings name (behind a proxy that terminates TLS, the socket looks plain).
    ws = communicator(cookie=cookie, origin=b"http://testserver", host=b"127.0.0.1:8000")
    assert (await ws.connect())[0]
    await ws.disconnect()


BAD_PATHS = [
    "/ws/forum/topic/-1/",
    "/ws/forum/topic/0/",
    "/ws/forum/topic/" + "9" * 5000 + "/",
    "/ws/forum/topic/99999999999999999999/",
    "/ws/forum/topic/²/",
    "/ws/forum/topic/١٢/",
    "/ws/forum/topic/abc/",
    "/ws/forum/topic/1\x00/",
    "/ws/forum/topic/999999/",
    "/ws/forum/topic/",
    "/ws/nothing-here/",
    "/ws/",
]


async def test_a_bad_path_is_refused_at_the_handshake_without_an_error(cookie, caplog):
    results = {}
    with caplog.at_level(logging.WARNING):
        for path in BAD_PATHS:
            results[path] = await communicator(path, cookie=cookie).connect()
    assert [path for path, (connected, code) in results.items() if connected or code == 1011] == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


HOSTILE_FRAMES = [
    {"text_data": "not json"},
    {"text_data": "{"},
    {"text_data": '"\\ud800"'},
    {"text_data": "[" * 4000 + "]" * 4},  # deeper than the parser's recursion limit
    {"text_data": '{"a":' * 600 + "1" + "}" * 600},
    {"text_data": "[]"},
    {"text_data": "null"},
    {"text_data": '{"type": ["ping"]}'},
    {"text_data": "1e999999"},
    {"text_data": "NaN"},
    {"bytes_data": b"\x00\xff\xfe binary"},
]


async def _topic_path():
    from channels.db import database_sync_to_async

    from forum.tests.factories import topic_with_first_post

    topic = await database_sync_to_async(topic_with_first_post)()
    return f"/ws/forum/topic/{topic.pk}/"


@pytest.mark.parametrize("which", ["notifications", "topic"])
async def test_hostile_frames_are_ignored_quietly_and_the_socket_lives_on(cookie, which, caplog):
    path = "/ws/notifications/" if which == "notifications" else await _topic_path()
    ws = communicator(path, cookie=cookie)
    assert (await ws.connect())[0]
    with caplog.at_level(logging.WARNING):
        for frame in HOSTILE_FRAMES:
            await ws.send_to(**frame)
            assert await ws.receive_nothing(timeout=0.05), frame
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    if which == "notifications":
        await ws.send_json_to({"type": "ping"})
        assert await ws.receive_json_from(timeout=2) == {"type": "pong"}
    await ws.disconnect()


@pytest.mark.parametrize(
    "frame",
    ["[" * 10_000 + "]" * 10_000, '{"type": "ping", "x": "' + "A" * 200_000 + '"}'],
    ids=["nested-10000", "200kB"],
)
async def test_a_frame_too_big_to_be_ours_closes_normally(cookie, frame, caplog):
    ws = communicator(cookie=cookie)
    assert (await ws.connect())[0]
    with caplog.at_level(logging.WARNING):
        await ws.send_to(text_data=frame)
        output = await ws.receive_output(timeout=2)
    assert output == {"type": "websocket.close", "code": 1009}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
