"""Every URL pattern of the project, walked with hostile values as a visitor and as a member:
no answer is ever a 5xx (issue 11, finding 7). Each converter or regex group of each pattern
gets each hostile value; paths without parameters (and a few real pages) also get hostile
query strings; and every pattern is POSTed a hostile form. Meaningful on PostgreSQL (CI),
where a NUL byte or an out-of-range number reaches the database driver."""

import re
import time
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

pytestmark = pytest.mark.django_db

# Raw text, percent-encoded when put in a URL; "%ff%fe" is already encoded (invalid UTF-8).
HOSTILE = [
    "\x00",
    "a\x00b",
    "²",
    "١٢",
    "9" * 5000,
    "99999999999999999999",
    "-1",
    "0",
    '"',
    "'",
    "%ff%fe",
    "abc",
]
QUERY_NAMES = [
    "q", "page", "after", "token", "theme", "next", "id", "type", "format", "unread", "kind",
    "sort", "order", "region", "organisation", "status", "lang", "slug", "pk", "step",
    "forum", "topic", "user", "s", "p",
]  # fmt: skip
ADMIN_PREFIXES = ("admin/", "django-admin/")


def _encode(value: str) -> str:
    return value if value.startswith("%") else quote(value, safe="")


_ROUTE_PARAM = re.compile(r"<(?:[^>:]+:)?[^>]+>")


def _regex_to_path(regex: str, value: str) -> str:
    """A URL for a regex pattern: each top-level group replaced by `value`, anchors and
    escapes dropped (good enough for the patterns Django, Wagtail and machina use)."""
    out, depth = [], 0
    i = 0
    while i < len(regex):
        char = regex[i]
        if char == "\\" and i + 1 < len(regex):
            if depth == 0:
                out.append(regex[i + 1] if regex[i + 1] not in "dws" else value)
            i += 2
            continue
        if char == "(":
            if depth == 0:
                out.append(value)
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0 and char not in "^$?*+":
            out.append(char)
        i += 1
    return "".join(out)


def _piece(pattern, value: str, language: str) -> str:
    if isinstance(pattern, LocalePrefixPattern):
        return f"{language}/"
    if isinstance(pattern, RoutePattern):
        return _ROUTE_PARAM.sub(value, str(pattern))
    if isinstance(pattern, RegexPattern):
        return _regex_to_path(pattern.regex.pattern, value)
    return str(pattern)


def url_patterns():
    """Every URL pattern, as the chain of patterns that leads to it."""
    found = []

    def walk(patterns, chain):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, [*chain, entry.pattern])
            elif isinstance(entry, URLPattern):
                found.append([*chain, entry.pattern])

    walk(get_resolver().url_patterns, [])
    return found


def build(chain, value: str, language: str) -> str:
    return "/" + "".join(_piece(p, _encode(value), language) for p in chain)


def has_parameters(chain) -> bool:
    return any(
        isinstance(p, RegexPattern)
        and "(" in p.regex.pattern
        or isinstance(p, RoutePattern)
        and _ROUTE_PARAM.search(str(p))
        for p in chain
    )


@pytest.fixture
def real_pages(site, member):
    """A few real pages with parameters, so hostile query strings reach their views."""
    from events.tests.factories import event_page
    from forum.tests.conftest import topic_url
    from forum.tests.factories import programme_forums, topic_with_first_post

    programme_forums()
    from machina.apps.forum.models import Forum

    forum = Forum.objects.filter(type=Forum.FORUM_POST).first()
    topic = topic_with_first_post(forum=forum, poster=member)
    event = event_page()
    return [
        topic_url(topic),
        f"/fr/forum/forum/{forum.slug}-{forum.pk}/",
        f"/fr/forum/member/profile/{member.pk}/",
        f"/fr/forum/member/profile/{member.pk}/posts/",
        f"/fr/evenements/{event.pk}/rejoindre/",
        f"/fr/evenements/{event.pk}.ics",
        event.url,
    ]


def test_no_hostile_request_to_any_url_pattern_gets_a_server_error(real_pages, member):
    """To stay near a minute, roles and languages take turns: hostile value number i is
    sent as the visitor when i is even and as the member when it is odd, in French for
    i = 0, 1 (mod 4) and in English otherwise, so every pattern meets both roles and both
    languages, and every value meets every pattern."""
    visitor = Client(raise_request_exception=False)
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(member)
    patterns = url_patterns()
    offenders: list[str] = []
    requests = 0
    started = time.monotonic()

    def hit(i, method, url, **kwargs):
        nonlocal requests
        requests += 1
        who, client = ("visitor", visitor) if i % 2 == 0 else ("member", signed_in)
        response = getattr(client, method)(url, **kwargs)
        if response.status_code >= 500:
            offenders.append(f"{response.status_code} {who} {method.upper()} {url[:160]!r}")

    def language(i):
        return "fr" if i % 4 < 2 else "en"

    def query(value):
        return "&".join(f"{name}={_encode(value)}" for name in QUERY_NAMES)

    for index, chain in enumerate(patterns):
        admin = str(chain[0]).startswith(ADMIN_PREFIXES)
        with_parameters = has_parameters(chain)
        if admin:
            # The admin is for staff: one hostile value per pattern, in turn.
            i = index % len(HOSTILE)
            hit(i, "get", build(chain, HOSTILE[i], "fr"))
            continue
        for i, value in enumerate(HOSTILE):
            if with_parameters:
                hit(i, "get", build(chain, value, language(i)))
            else:
                hit(i, "get", build(chain, "", language(i)) + "?" + query(value))
        base = build(chain, "1", "fr")
        for i in (index % len(HOSTILE), (index + 5) % len(HOSTILE)):
            hit(1, "post", base, data={name: HOSTILE[i] for name in QUERY_NAMES})
    for url in real_pages:
        for i, value in enumerate(HOSTILE):
            hit(i, "get", f"{url}?{query(value)}")
    elapsed = time.monotonic() - started
    print(f"{len(patterns)} URL patterns, {requests} requests in {elapsed:.1f} s")
    assert not offenders, f"{len(offenders)} of {requests} requests gave 5xx:\n" + "\n".join(
        offenders
    )
