"""hub.redirects.safe_next: a `next` is followed only when it is a path on this site."""

import pytest
from django.test import RequestFactory

from hub.redirects import is_safe_path, safe_next

HOSTILE = [
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "///evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\x00/x",
    "http://testserver/fr/",  # our own host, but absolute: not needed, not accepted
    "fr/forum/",  # relative to the current path: not a path on this site
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_anything_but_a_path_on_this_site_falls_back_to_the_default(value):
    request = RequestFactory().post("/fr/x/", {"next": value})
    assert not is_safe_path(value)
    assert safe_next(request, "/fr/") == "/fr/"


@pytest.mark.parametrize("value", ["/fr/forum/", "/fr/forum/?page=2#p3", "/fr/ressources/%C3%A9"])
def test_a_path_on_this_site_is_followed(value):
    assert safe_next(RequestFactory().post("/fr/x/", {"next": value}), "/fr/") == value
    assert safe_next(RequestFactory().get("/fr/x/", {"next": value}), "/fr/") == value


def test_a_posted_next_comes_before_the_query_string():
    request = RequestFactory().post("/fr/x/?next=/fr/b/", {"next": "/fr/a/"})
    assert safe_next(request, "/fr/") == "/fr/a/"
