"""Benchmark: the resource index with 2,000 resources and three filters, against a plain
Wagtail page of the same site (target: median within 1.5x).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub_cms_bench \
        .venv/bin/python bench/cms_bench.py

Builds its own database (created if missing, filled once, reused afterwards), then times
server-side rendering through Django's test client (no network), with DEBUG off."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hub_cms_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

RESOURCES = int(os.environ.get("BENCH_RESOURCES", "2000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "60"))
FILTERED = "/fr/ressources/?theme=cybersecurite&format=guide&level=beginner"
UNFILTERED = "/fr/ressources/"
PLAIN = "/fr/a-propos/"


def ensure_database() -> None:
    url = os.environ["DATABASE_URL"]
    if not url.startswith("postgres"):
        return
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def build() -> None:
    from django.core.management import call_command
    from django.utils import timezone

    from cms.models import ResourcePage, StandardPage, Theme
    from cms.services import library_setup

    call_command("migrate", verbosity=0)
    index = library_setup()
    home = index.get_parent().specific
    if not StandardPage.objects.filter(slug="a-propos").exists():
        about = StandardPage(
            title="À propos",
            slug="a-propos",
            intro="DATAide accompagne les organismes communautaires.",
            body="<p>" + "Un programme de trois ans. " * 40 + "</p>",
        )
        home.add_child(instance=about)
    slugs = [
        "cybersecurite",
        "gestion-des-donnees",
        "outils-collaboratifs",
        "gouvernance-des-donnees",
        "communications-numeriques",
        "materiel-et-licences",
    ]
    themes = []
    for slug in slugs:
        theme = Theme.objects.filter(locale=index.locale, slug=slug).first()
        themes.append(
            theme
            or Theme.objects.create(locale=index.locale, slug=slug, name=slug.replace("-", " "))
        )
    existing = ResourcePage.objects.count()
    formats = ["guide", "template", "checklist", "video", "webinar", "tool", "case"]
    levels = ["beginner", "intermediate", "advanced"]
    started = time.perf_counter()
    for number in range(existing, RESOURCES):
        page = ResourcePage(
            title=f"Ressource {number} sur la sécurité des données",
            slug=f"ressource-{number}",
            summary="Un résumé de deux phrases pour la liste. Il dit à qui sert la ressource.",
            format=formats[number % len(formats)],
            level=levels[number % len(levels)],
            locale=index.locale,
            live=True,
            first_published_at=timezone.now(),
            body=[{"type": "rich_text", "value": "<p>" + "Un paragraphe. " * 60 + "</p>"}],
        )
        page.themes = [themes[number % len(themes)], themes[(number * 7 + 1) % len(themes)]]
        index.add_child(instance=page)
        if number % 250 == 0:
            print(f"  {number} resources ({time.perf_counter() - started:.0f} s)", flush=True)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics, as autovacuum would give


def measure(client, url: str, cold: bool = False) -> tuple[float, int]:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(3):  # warm caches (site root paths, templates)
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(ROUNDS):
        if cold:  # the listing's counts and cards are cached until the library changes
            cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings) * 1000, len(queries)


def main() -> None:
    ensure_database()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    build()
    from cms.models import ResourcePage

    client = Client()
    total = ResourcePage.objects.count()
    print(f"database: {connection.vendor}, resources: {total}, rounds: {ROUNDS}")
    plain_ms, plain_q = measure(client, PLAIN)
    filtered_ms, filtered_q = measure(client, FILTERED)
    unfiltered_ms, unfiltered_q = measure(client, UNFILTERED)
    cold_ms, cold_q = measure(client, FILTERED, cold=True)
    count = client.get(FILTERED).context["results_page"].paginator.count
    rows = [
        ("plain Wagtail page", PLAIN, plain_ms, plain_q),
        (f"index, 3 filters ({count} results)", FILTERED, filtered_ms, filtered_q),
        ("index, no filter", UNFILTERED, unfiltered_ms, unfiltered_q),
        ("index, 3 filters, cache empty", FILTERED, cold_ms, cold_q),
    ]
    for label, url, ms, queries in rows:
        print(f"{label:<32} {url:<58} median {ms:7.1f} ms  {queries} queries")
    ratio = filtered_ms / plain_ms
    print(
        f"ratio filtered/plain: {ratio:.2f}x (target <= 1.5x) -> {'OK' if ratio <= 1.5 else 'OVER'}"
    )
    print(f"ratio with an empty cache: {cold_ms / plain_ms:.2f}x")


if __name__ == "__main__":
    main()
