"""Events benchmark: iCal feeds and simultaneous registrations.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_events_bench \
        .venv/bin/python -m bench.events_bench

Builds its own database (test_<name>, dropped at the end), then measures:
1. the public feed with 1,000 events: cold (full build) and conditional (If-None-Match →
   304), medians over several requests through Django's full request stack;
2. a member's private feed with 100 registrations, cold and conditional;
3. 200 simultaneous registrations (real HTTP POSTs, all released at once by a barrier)
   for a 50-seat event, spread over several Daphne processes so they really contend for
   the row lock: expects exactly 50 confirmed, 150 waitlisted and no error response."""

import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
REGISTRATIONS = 100
SEATS = 50
CLICKS = 200
DAPHNES = 4
# Daphne gives every in-flight request its own thread and database connection, and there
# is no connection pool in this stack: 200 requests at once would need 200 connections,
# twice PostgreSQL's default max_connections (they fail with "too many clients"). The
# clicks are released together, and at most this many are in flight, as a pool would do.
IN_FLIGHT = int(os.environ.get("BENCH_IN_FLIGHT", "48"))
RUNS = 11
UNUSABLE = "!"  # an unusable password hash: these members never sign in


def setup_django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_events_bench")
    import django

    django.setup()


def median_ms(function, runs=RUNS) -> tuple[float, object]:
    timings, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), result


def build_events(index, theme):
    from django.utils import timezone

    from events.models import EventPage

    through = EventPage.themes.through
    start = timezone.now().replace(second=0, microsecond=0) - timedelta(days=200)
    pages = []
    for number in range(EVENTS):
        when = start + timedelta(days=number // 3, hours=9 + 2 * (number % 3))
        page = index.add_child(
            instance=EventPage(
                title=f"Webinaire n° {number} : données, vie privée et outils collaboratifs",
                slug=f"webinaire-{number}",
                summary="Un webinaire pour les organismes communautaires du Québec. " * 3,
                start=when,
                end=when + timedelta(minutes=90),
                platform="Zoom",
                join_url="https://zoom.example/j/secret",
                capacity=100,
            )
        )
        pages.append(page)
    through.objects.bulk_create([through(eventpage_id=p.pk, theme_id=theme.pk) for p in pages])
    return pages


def start_daphne(database_name: str) -> tuple[subprocess.Popen, str]:
    from hub.testing import start_daphne as start

    # A loaded 2-core machine starts Daphne slowly.
    return start(database_name=database_name, log_name="events-bench-daphne", timeout=240)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def simultaneous_registrations(index) -> dict:
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.urls import reverse
    from django.utils import timezone

    from events.models import EventPage, Registration
    from hub.accounts.models import User

    start = timezone.now() + timedelta(days=3)
    page = index.add_child(
        instance=EventPage(
            title="Webinaire très demandé",
            slug="tres-demande",
            start=start,
            end=start + timedelta(hours=1),
            capacity=SEATS,
        )
    )
    users = User.objects.bulk_create(
        [
            User(email=f"rush{n}@exemple.org", first_name="Rush", password=UNUSABLE)
            for n in range(CLICKS)
        ]
    )
    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    csrf = secrets.token_hex(16)  # 32 characters, a valid unmasked token
    path = reverse("events:register", args=[page.pk])
    database_name = connection.settings_dict["NAME"]
    servers = [start_daphne(database_name) for _ in range(DAPHNES)]
    opener = urllib.request.build_opener(NoRedirect)
    barrier = threading.Barrier(CLICKS)
    gate = threading.BoundedSemaphore(IN_FLIGHT)
    statuses, latencies = [], []
    lock = threading.Lock()

    def click(number: int):
        base = servers[number % DAPHNES][1]
        request = urllib.request.Request(
            f"{base}{path}",
            data=b"",
            method="POST",
            headers={
                "Cookie": f"{settings.SESSION_COOKIE_NAME}={cookies[number]}; "
                f"{settings.CSRF_COOKIE_NAME}={csrf}",
                "X-CSRFToken": csrf,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        barrier.wait(timeout=60)
        started = time.perf_counter()
        with gate:
            try:
                with opener.open(request, timeout=120) as response:
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:
                status = repr(error)
        with lock:
            statuses.append(status)
            latencies.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=click, args=(n,)) for n in range(CLICKS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = (time.perf_counter() - began) * 1000
    for process, _ in servers:
        process.terminate()
        process.wait(timeout=10)
    rows = Registration.objects.filter(event=page)
    latencies.sort()
    return {
        "statuses": {status: statuses.count(status) for status in set(statuses)},
        "confirmed": rows.filter(status="confirmed").count(),
        "waitlisted": rows.filter(status="waitlisted").count(),
        "distinct_places": len(
            set(rows.exclude(waitlist_order=None).values_list("waitlist_order", flat=True))
        ),
        "wall_ms": wall,
        "p50_ms": statistics.median(latencies),
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1],
    }


def main() -> int:
    setup_django()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from django.utils import translation

    from cms.models import Theme
    from cms.services import site_setup
    from events import services
    from events.models import EventIndexPage, Registration
    from hub.accounts.models import User

    setup_test_environment()
    original_name = connection.settings_dict["NAME"]
    print(f"database: {connection.vendor} (test copy of {original_name})", flush=True)
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        home = site_setup()
        index = home.add_child(instance=EventIndexPage(title="Événements", slug="evenements"))
        theme = Theme.objects.create(locale=home.locale, slug="donnees", name="Données")
        started = time.perf_counter()
        pages = build_events(index, theme)
        print(f"built {EVENTS} events in {time.perf_counter() - started:.1f} s", flush=True)
        member = User.objects.create_user(email="bench@exemple.org", password="x" * 12)
        upcoming = [page for page in pages if not page.is_past][:REGISTRATIONS]
        if len(upcoming) < REGISTRATIONS:
            upcoming = pages[-REGISTRATIONS:]
        Registration.objects.bulk_create(
            [Registration(event=page, user=member, status="confirmed") for page in upcoming]
        )
        token = services.calendar_token_get_or_create(user=member).token
        client = Client()
        with translation.override("fr"):
            public = reverse("events:feed")
            private = reverse("events:private_feed", args=[token])

        for label, path, expected in (
            (f"public feed, {EVENTS} events", public, EVENTS),
            (f"member feed, {REGISTRATIONS} registrations", private, REGISTRATIONS),
        ):

            def cold_get(path=path):
                cache.clear()  # no cached VEVENT fragments: a full build
                return client.get(path)

            cold, response = median_ms(cold_get)
            assert response.status_code == 200, response.status_code
            count = response.content.count(b"BEGIN:VEVENT")
            assert count == expected, count
            warm, again = median_ms(lambda path=path: client.get(path))
            assert again.content == response.content
            etag = response["ETag"]
            conditional_ms, conditional = median_ms(
                lambda path=path, etag=etag: client.get(path, HTTP_IF_NONE_MATCH=etag)
            )
            assert conditional.status_code == 304
            print(
                f"{label}: cold median {cold:.0f} ms ({len(response.content) / 1024:.0f} KiB), "
                f"unconditional with cached fragments {warm:.0f} ms, "
                f"conditional (304) median {conditional_ms:.1f} ms",
                flush=True,
            )

        if connection.vendor != "postgresql":
            print("simultaneous registrations: skipped (needs PostgreSQL)")
            return 0
        result = simultaneous_registrations(index)
        print(
            f"{CLICKS} simultaneous registrations for {SEATS} seats over {DAPHNES} Daphne "
            f"processes ({IN_FLIGHT} in flight at most): {result['confirmed']} confirmed, "
            f"{result['waitlisted']} waitlisted, "
            f"{result['distinct_places']} distinct waitlist places; responses "
            f"{result['statuses']}; wall {result['wall_ms']:.0f} ms, latency p50 "
            f"{result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms",
            flush=True,
        )
        ok = (
            result["confirmed"] == SEATS
            and result["waitlisted"] == CLICKS - SEATS
            and result["statuses"] == {302: CLICKS}
        )
        print("OK" if ok else "FAILED", flush=True)
        return 0 if ok else 1
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())
