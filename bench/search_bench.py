"""Site search benchmark (issue 13): one search over the forum, the library and events.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_search_bench \\
        .venv/bin/python -m bench.search_bench

Builds its own database (test_<name>, dropped at the end): the forum benchmark's
BENCH_TOPICS topics (10,000) and BENCH_POSTS posts (200,000, see forum_bench.build),
BENCH_RESOURCES resources (2,000) and BENCH_EVENTS events (500, half past with a replay),
then the "did you mean" vocabulary. Signed in as a member, it times BENCH_RUNS requests
(after two warm-up ones) of /fr/recherche/ for a one-word and a three-word query, and a
misspelt one: median and 95th percentile of the server time (Django's full stack through
the test client), the CPU time of the Django process, and the query count. Target: p95 at
most 150 ms. Note `uptime`'s load with the figures: the machine is shared."""

import os
import statistics
import sys
import time
from datetime import timedelta

from bench import forum_bench

RESOURCES = int(os.environ.get("BENCH_RESOURCES", "2000"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "500"))
RUNS = int(os.environ.get("BENCH_RUNS", "40"))
WORDS = [
    "sécurité",
    "données",
    "bénévoles",
    "trousse",
    "infolettre",
    "sauvegarde",
    "logiciel",
    "subvention",
    "formation",
    "courriel",
    "tableur",
    "gouvernance",
]
QUERIES = [
    ("one word: 'securite'", "securite"),
    ("three words: 'securite des donnees'", "securite des donnees"),
    ("three words: 'sauvegarde des benevoles'", "sauvegarde des benevoles"),
    ("misspelt: 'sauvgarde'", "sauvgarde"),
]


def build_library(log):
    from django.utils import timezone

    from cms.models import ResourcePage, Theme
    from cms.services import library_setup, site_setup

    site_setup()
    index = library_setup()
    themes = [
        Theme.objects.get_or_create(locale=index.locale, slug=slug, defaults={"name": slug})[0]
        for slug in ("cybersecurite", "gestion-des-donnees", "outils-collaboratifs")
    ]
    started = time.perf_counter()
    for number in range(RESOURCES):
        a, b = WORDS[number % len(WORDS)], WORDS[(number * 7 + 3) % len(WORDS)]
        page = ResourcePage(
            title=f"Ressource {number} : {a} et {b}",
            slug=f"ressource-{number}",
            summary=f"Un guide sur {a} pour les organismes. Il parle aussi de {b}.",
            format="guide",
            level="beginner",
            locale=index.locale,
            live=True,
            first_published_at=timezone.now(),
            body=[{"type": "rich_text", "value": f"<p>{'Un paragraphe sur ' + a + '. ' * 30}</p>"}],
        )
        page.themes = [themes[number % len(themes)]]
        index.add_child(instance=page)
    log(f"{RESOURCES} resources in {time.perf_counter() - started:.0f} s")


def build_events(log):
    from django.utils import timezone
    from wagtail.models import Page

    from events.models import EventIndexPage, EventPage

    home = Page.objects.get(depth=2, locale__language_code="fr")
    index = home.add_child(instance=EventIndexPage(title="Événements", slug="evenements"))
    start = timezone.now().replace(second=0, microsecond=0) - timedelta(days=EVENTS // 4)
    started = time.perf_counter()
    for number in range(EVENTS):
        when = start + timedelta(days=number // 2, hours=9 + 3 * (number % 2))
        word = WORDS[number % len(WORDS)]
        index.add_child(
            instance=EventPage(
                title=f"Webinaire {number} : {word} au quotidien",
                slug=f"webinaire-{number}",
                summary=f"Un webinaire sur {word} pour les organismes communautaires.",
                start=when,
                end=when + timedelta(minutes=90),
                replay_url="https://video.example/replay" if number % 2 else "",
                capacity=100,
            )
        )
    log(f"{EVENTS} events in {time.perf_counter() - started:.0f} s")


def measure(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(RUNS):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return wall, cpu, len(queries), response.context["found"].total


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main() -> int:
    os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_search_bench")
    forum_bench.setup_django()
    from urllib.parse import quote

    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from search.services import vocabulary_rebuild

    setup_test_environment()
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        log = lambda message: print("  " + message, flush=True)  # noqa: E731
        _topic, member = forum_bench.build(log)
        build_library(log)
        build_events(log)
        log(f"vocabulary: {vocabulary_rebuild()} words")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        client = Client()
        client.force_login(member)
        print(
            f"\nsearch_bench: {forum_bench.TOPICS} topics, {forum_bench.POSTS} posts,"
            f" {RESOURCES} resources, {EVENTS} events; signed-in member; {RUNS} requests"
            f" each; load before: {os.getloadavg()[0]:.2f}"
        )
        print(f"{'query':48} {'found':>6} {'median':>7} {'p95':>7} {'cpu':>6} {'q':>3}")
        for label, text in QUERIES:
            wall, cpu, queries, total = measure(client, f"/fr/recherche/?q={quote(text)}")
            print(
                f"{label:48} {total:6d} {statistics.median(wall):7.1f} {p95(wall):7.1f}"
                f" {statistics.median(cpu):6.1f} {queries:3d}"
            )
        print(f"load after: {os.getloadavg()[0]:.2f} (1-minute average, 2 cores)")
    finally:
        if os.environ.get("BENCH_KEEP") != "1":  # BENCH_KEEP=1 keeps it, to profile
            connection.creation.destroy_test_db(original_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
