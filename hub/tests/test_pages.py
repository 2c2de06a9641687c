import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_root_sends_visitors_to_the_french_home_page(client, site):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_the_french_home_page_speaks_french(client, site):
    html = client.get("/fr/").content.decode()
    assert '<html lang="fr-CA"' in html
    assert "Le numérique au service de votre mission" in html
    assert "Aller au contenu" in html  # skip link
    assert 'href="/langue/en/?next=/en/" hreflang="en"' in html


def test_the_english_home_page_is_the_translation(client, site):
    html = client.get("/en/").content.decode()
    assert '<html lang="en-CA"' in html
    assert "Digital tools in service of your mission" in html
    assert "Skip to content" in html
    assert 'href="/langue/fr/?next=/fr/" hreflang="fr"' in html


def test_the_language_switch_keeps_you_on_the_same_page(client, site):
    html = client.get("/fr/forum/").content.decode()
    assert 'href="/langue/en/?next=/en/forum/"' in html


# Choosing a language (a POST; a GET changes nothing): hub/tests/test_no_state_change_on_get.py


def test_a_missing_page_gets_a_helpful_french_404(client, site):
    response = client.get("/fr/cette-page-nexiste-pas/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Nous n’avons pas trouvé cette page" in html
    assert reverse("forum:index") in html


def test_the_health_check_answers(client, db):
    assert client.get("/healthz").content == b"ok"


def urls_in(html: str) -> list[str]:
    from html.parser import HTMLParser

    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.extend(value for name, value in attrs if name in {"src", "href"} and value)

    Collector().feed(html)
    return found


def test_pages_load_nothing_from_another_origin(client, site):
    # Members' privacy: no CDN, web font, tracker or script from elsewhere. Absolute links
    # may only point at the hub itself (canonical and hreflang links do).
    from urllib.parse import urlsplit

    for path in ("/fr/", "/en/", "/fr/compte/login/", "/fr/forum/"):
        html = client.get(path).content.decode()
        for url in urls_in(html):
            host = urlsplit(url).netloc
            assert host in {"", "testserver"}, f"{path} refers to {url}"


def test_the_home_page_has_landmarks_and_a_skip_link(client, site):
    html = client.get("/fr/").content.decode()
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert 'href="#main"' in html


def test_the_wagtail_admin_answers(client, site):
    from hub.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/users/new/").status_code == 200


def test_the_header_marks_the_current_section(member_client, site):
    html = member_client.get("/fr/mon-espace/").content.decode()
    assert 'href="/fr/mon-espace/" aria-current="page"' in html
    assert 'href="/fr/forum/" aria-current="page"' not in html


def test_staff_create_a_member_in_the_wagtail_admin_with_names_kept(client, site):
    # PITFALLS: Wagtail's user form demands first and last names; the model must keep them.
    from hub.accounts.models import User
    from hub.accounts.tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/users/new/",
        {
            "email": "nouvelle@exemple.org",
            "first_name": "Mireille",
            "last_name": "Gauthier",
            "password1": "Un-mot-de-passe-2026!",
            "password2": "Un-mot-de-passe-2026!",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    created = User.objects.get(email="nouvelle@exemple.org")
    assert (created.first_name, created.last_name) == ("Mireille", "Gauthier")
    assert created.get_public_name() == "Mireille G."
