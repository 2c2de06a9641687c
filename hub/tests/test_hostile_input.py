"""The reported 500s on hostile input, one by one (issue 11, finding 7); the walk over every
URL pattern is hub/tests/test_hostile_urls.py."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "url",
    [
        "/fr/recherche/?q=%00",
        "/fr/forum/recherche/?q=a%00b",
        "/fr/evenements/calendrier/prive/%00.ics",
        "/fr/forum/membres/suggestions/?q=%00",
        "/fr/recherche/?q=%ff%fe",
        "/fr/forum/%00/",
    ],
)
def test_a_nul_byte_or_invalid_utf8_gets_a_clear_400(client, site, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Cette requête ne peut pas être lue" in response.content.decode()


def test_the_400_speaks_the_language_of_the_page(client, site):
    response = client.get("/en/search/?q=%00")
    assert response.status_code == 400
    assert "This request cannot be read" in response.content.decode()


def test_a_nul_byte_in_a_form_answer_gets_a_400(member_client, site):
    response = member_client.post("/fr/evenements/1/inscription/", {"answer": "oui\x00"})
    assert response.status_code == 400
    response = member_client.post(
        "/fr/evenements/1/inscription/", {"answer": "oui\x00"}, format="multipart"
    )
    assert response.status_code == 400


def test_a_nul_byte_in_a_cookie_is_dropped(client, site):
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/fr/").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/fr/forum/member/profile/abc/",
        "/fr/forum/member/profile/%C2%B2/",
        "/fr/forum/member/profile/edit/",
        "/fr/forum/member/profile/abc/posts/",
        "/fr/forum/member/profile/" + "9" * 5000 + "/",
        "/documents/" + "9" * 5000 + "/x.pdf",
        "/fr/forum/forum/x-0/topic/create/",
        "/fr/forum/forum/x-1/topic/y-0/post/create/",
    ],
)
def test_a_bad_id_in_a_path_is_a_404(client, site, url):
    assert client.get(url).status_code == 404


def test_a_bad_cursor_on_the_notification_feed_is_ignored(member_client, site):
    for after in ("²", "-1", "9" * 5000, "١٢"):
        response = member_client.get(f"/fr/notifications/flux/?after={after}")
        assert response.status_code == 200


@pytest.mark.parametrize("q", ['"', "'", '"a', "a OR", "(", "*", "-", "AND NOT"])
def test_the_site_search_takes_any_text(client, site, q):
    assert client.get("/fr/recherche/", {"q": q}).status_code == 200
    assert client.get("/fr/forum/recherche/", {"q": q}).status_code == 200
