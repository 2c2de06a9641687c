"""Private by default: nothing of a new member is visible to others, a fresh visit sets no
cookie beyond session/CSRF/language, and no page asks another origin for anything."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse

from hub.privacy.models import MemberPrivacy
from hub.privacy.selectors import profile_visible_to
from hub.privacy.services import privacy_for

pytestmark = pytest.mark.django_db

ALLOWED_COOKIES = {
    settings.SESSION_COOKIE_NAME,
    settings.CSRF_COOKIE_NAME,
    settings.LANGUAGE_COOKIE_NAME,
}


def test_a_first_anonymous_visit_sets_no_cookie_at_all(client, site):
    for path in ("/fr/", "/en/", "/fr/confidentialite/"):
        response = client.get(path)
        assert response.status_code == 200
        assert dict(response.cookies) == {}, path


def test_signing_up_and_in_sets_only_session_csrf_and_language_cookies(client, site):
    seen = set()
    for response in (
        client.get("/fr/compte/signup/"),
        client.get("/fr/compte/login/"),
        client.post("/i18n/setlang/", {"language": "en", "next": "/en/"}),
    ):
        seen |= set(response.cookies)
    from hub.accounts.tests.factories import PASSWORD, UserFactory

    UserFactory(email="karim@exemple.org")
    response = client.post(
        "/fr/compte/login/", {"login": "karim@exemple.org", "password": PASSWORD}
    )
    seen |= set(response.cookies)
    seen |= set(client.get("/fr/mon-espace/").cookies)
    assert seen and seen <= ALLOWED_COOKIES


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value:
                self.urls.append((tag, value))


def foreign_urls(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    foreign = [
        value
        for tag, value in parser.urls
        if re.match(r"^(https?:)?//", value)
        and not re.match(r"^https?://testserver/", value)
        # an ordinary link the visitor may follow is not a request; anything loaded is
        and tag != "a"
    ]
    foreign += re.findall(r"url\((?:['\"])?(?:https?:)?//[^)]+\)", html)
    foreign += re.findall(r"@import\s+['\"]?(?:https?:)?//", html)
    return foreign


def test_pages_load_nothing_from_another_origin(client, member_client, site):
    pages = ["/fr/", "/fr/confidentialite/", "/fr/compte/signup/", "/fr/compte/login/"]
    for path in pages:
        assert foreign_urls(client.get(path).content.decode()) == [], path
    for path in ("/fr/mon-espace/", reverse("privacy:history")):
        assert foreign_urls(member_client.get(path).content.decode()) == [], path


def test_the_css_loads_no_font_or_image_from_elsewhere():
    from django.contrib.staticfiles import finders

    for name in ("hub/css/hub.css",):
        css = open(finders.find(name), encoding="utf-8").read()
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", css), name


def test_a_new_members_profile_is_private(member):
    assert privacy_for(member).profile_visibility == MemberPrivacy.Visibility.PRIVATE
    from hub.accounts.tests.factories import UserFactory

    other = UserFactory()
    assert profile_visible_to(member, viewer=other) is False
    assert profile_visible_to(member, viewer=member) is True


def test_a_member_chooses_to_show_their_profile_to_members(member_client, member):
    response = member_client.post(reverse("privacy:visibility"), {"visibility": "members"})
    assert response.status_code == 302
    from django.contrib.auth.models import AnonymousUser

    from hub.accounts.tests.factories import UserFactory

    assert profile_visible_to(member, viewer=UserFactory()) is True
    assert profile_visible_to(member, viewer=AnonymousUser()) is False


def test_the_email_address_is_shown_nowhere_to_others(member_client, member, client, site):
    html = client.get("/fr/").content.decode()
    assert member.email not in html
