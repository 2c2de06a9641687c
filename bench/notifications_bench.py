"""Notifications benchmark: live delivery latency and idle websockets per Daphne process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_notif_bench \
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python -m bench.notifications_bench

Builds its own database (test_<name>, dropped at the end), starts one Daphne process on it
that shares this process's Redis channel layer, then measures:
1. latency: for each of BENCH_NOTIFICATIONS (default 1,000) notifications, the time from
   calling notify() in this process (row written, transaction committed, group_send to
   Redis) to the JSON message arriving at a real websocket client signed in with a real
   session cookie on the Daphne process — median and 95th percentile; also how much of it
   is notify() itself;
2. idle connections: opens BENCH_CONNECTIONS (default 2,000) signed-in websockets to that
   one Daphne process (each authenticated from its session and joined to its member's
   group), checks a sample still answers a heartbeat and gets a notification, and reports
   the Daphne process's resident memory before and after (RSS delta per connection).
Raises the open-files limit (`ulimit -n`) of this process and of Daphne to the hard limit."""

import asyncio
import json
import os
import resource
import secrets
import statistics
import sys
import time
from pathlib import Path

from asgiref.sync import sync_to_async

ROOT = Path(__file__).resolve().parent.parent
NOTIFICATIONS = int(os.environ.get("BENCH_NOTIFICATIONS", "1000"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "2000"))
OPEN_AT_ONCE = 50  # connections being opened at the same time (a crowd arriving)
PREFIX = f"bench{secrets.token_hex(4)}"
UNUSABLE = "!"  # an unusable password hash: these members never sign in with one


def raise_open_files_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 65536
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def setup_django():
    sys.path.insert(0, str(ROOT))
    # Test settings, with a channel layer prefix shared with the Daphne process started below.
    os.environ["DJANGO_SETTINGS_MODULE"] = "hub.settings.test"  # reads HUB_TEST_CHANNELS_PREFIX
    os.environ["HUB_TEST_CHANNELS_PREFIX"] = PREFIX
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_notif_bench")
    import django

    django.setup()


def start_daphne():
    from hub.testing import start_daphne as start

    return start(
        env_overrides={"LOG_LEVEL": "WARNING"},
        log_name="bench-daphne",
        preexec_fn=raise_open_files_limit,
    )


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def make_members(count: int):
    from hub.accounts.models import User

    User.objects.bulk_create(
        [
            User(email=f"bench{i}@exemple.org", first_name=f"Membre{i}", password=UNUSABLE)
            for i in range(count)
        ]
    )
    return list(User.objects.order_by("pk"))


def session_cookies(users) -> list[str]:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    return cookies


async def connect(base: str, cookie: str):
    import websockets

    return await websockets.connect(
        base.replace("http://", "ws://") + "/ws/notifications/",
        additional_headers={"Cookie": cookie, "Origin": base},
        ping_interval=None,  # idle means idle: the hub's own heartbeat is every 25 s
        open_timeout=60,
        max_queue=4,
    )


async def receive(ws, wanted: str, timeout: float = 10) -> dict:
    async with asyncio.timeout(timeout):
        while True:
            event = json.loads(await ws.recv())
            if event.get("type") == wanted:
                return event


def timed_notify(**kwargs):
    from hub.notifications.services import notify

    started = time.perf_counter()
    notify(**kwargs)
    return started, time.perf_counter()


async def measure_latency(base, recipient, actor, cookie):
    # As a sync view under Daphne does: the ORM in a worker thread, the after-commit
    # group_send handed back to this event loop (one Redis connection pool).
    call = sync_to_async(timed_notify, thread_sensitive=True)
    ws = await connect(base, cookie)
    await ws.send(json.dumps({"type": "ping"}))
    await receive(ws, "pong")
    totals, calls = [], []
    for i in range(NOTIFICATIONS):
        started, returned = await call(
            recipients=[recipient], kind="bench.ping", actor=actor, url=f"/fr/b/{i}/"
        )
        event = await receive(ws, "notification")
        arrived = time.perf_counter()
        assert event["url"] == f"/fr/b/{i}/", event
        totals.append((arrived - started) * 1000)
        calls.append((returned - started) * 1000)
    await ws.close()
    await sync_to_async(close_connections, thread_sensitive=True)()
    return totals, calls


def p95(values):
    return statistics.quantiles(values, n=100)[94]


async def hold_connections(base, process, members, cookies):
    from hub.notifications.services import notify

    before = rss_kib(process.pid)
    sockets = []
    started = time.perf_counter()
    for first in range(0, len(cookies), OPEN_AT_ONCE):
        batch = cookies[first : first + OPEN_AT_ONCE]
        sockets += await asyncio.gather(*(connect(base, cookie) for cookie in batch))
    opened = time.perf_counter() - started
    await asyncio.sleep(3)  # let the server settle
    after = rss_kib(process.pid)
    # Still alive and still in their groups? A sample answers a heartbeat and gets an event.
    sample = list(range(0, len(sockets), max(1, len(sockets) // 20)))
    for index in sample:
        await sockets[index].send(json.dumps({"type": "ping"}))
        await receive(sockets[index], "pong")
    recipients = [members[index % len(members)] for index in sample]
    await sync_to_async(notify, thread_sensitive=True)(
        recipients=recipients, kind="bench.ping", url="/fr/x/"
    )
    for index in sample:
        await receive(sockets[index], "notification")
    await asyncio.gather(*(ws.close() for ws in sockets))
    await sync_to_async(close_connections, thread_sensitive=True)()
    return len(sockets), opened, before, after, len(sample)


def close_connections():
    from django.db import connections

    connections.close_all()


def main() -> int:
    limit = raise_open_files_limit()
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    from hub import extensions
    from hub.notifications.kinds import Kind

    if not settings.REDIS_URL or connection.vendor != "postgresql":
        print("needs DATABASE_URL=postgres://… and REDIS_URL=redis://… (see the docstring)")
        return 1
    setup_test_environment()
    original = connection.settings_dict["NAME"]
    print(f"database: {connection.vendor} (test copy of {original}); channel layer: Redis")
    print(f"open files limit: {limit}; cores: {os.cpu_count()}", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    extensions.notification_kinds.register(
        "bench.ping", Kind("bench.ping", label="Bench", one="%(actor)s: ping")
    )
    process = None
    try:
        members = make_members(max(2, CONNECTIONS))
        cookies = session_cookies(members[: CONNECTIONS + 1])
        process, base = start_daphne()
        print(f"Daphne pid {process.pid} at {base}", flush=True)

        totals, calls = asyncio.run(measure_latency(base, members[0], members[1], cookies[0]))
        print(
            f"latency notify() → websocket, {len(totals)} notifications: "
            f"median {statistics.median(totals):.2f} ms, p95 {p95(totals):.2f} ms "
            f"(max {max(totals):.1f} ms); of which notify() itself: "
            f"median {statistics.median(calls):.2f} ms, p95 {p95(calls):.2f} ms",
            flush=True,
        )

        held, opened, before, after, checked = asyncio.run(
            hold_connections(base, process, members, cookies[:CONNECTIONS])
        )
        print(
            f"idle websockets held by one Daphne process: {held} (opened in {opened:.1f} s, "
            f"{OPEN_AT_ONCE} at a time); {checked} sampled still answer and receive events",
            flush=True,
        )
        print(
            f"Daphne RSS: {before / 1024:.1f} MiB before, {after / 1024:.1f} MiB with {held} "
            f"connections: {(after - before) / held:.1f} KiB per connection",
            flush=True,
        )
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)
        connection.creation.destroy_test_db(original, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
