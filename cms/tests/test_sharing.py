import pytest

from .factories import make_resource, translate

pytestmark = pytest.mark.django_db


def test_library_pages_announce_the_feed_and_open_graph(client, library):
    page = make_resource(
        library, title="Mots de passe", summary="Gérer les mots de passe de l'équipe."
    )
    for url in ("/fr/ressources/", page.url):
        html = client.get(url).content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml"' in html
            and 'href="/fr/feeds/resources.rss"' in html
        )
    html = client.get(page.url).content.decode()
    assert '<meta name="description" content="Gérer les mots de passe de l&#x27;équipe.">' in html
    assert '<meta property="og:title" content="Mots de passe">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="fr_CA">' in html


def test_the_feeds_list_new_resources_in_the_language_of_the_address(
    client, library, english_library
):
    page = make_resource(library, title="Mots de passe", summary="En français.")
    translate(page, title="Passwords", slug="passwords", summary="In English.")
    make_resource(library, title="Seulement en français")
    french = client.get("/fr/feeds/resources.rss")
    assert french["Content-Type"].startswith("application/rss+xml")
    body = french.content.decode()
    assert (
        "<title>Mots de passe</title>" in body
        and "Seulement en français" in body
        and "Passwords" not in body
    )
    english = client.get("/en/feeds/resources.atom")
    assert english["Content-Type"].startswith("application/atom+xml")
    body = english.content.decode()
    assert "<title>Passwords</title>" in body and "Mots de passe" not in body
    assert "http://testserver/en/resources/passwords/" in body


def test_the_sitemap_lists_pages_with_hreflang_alternates(client, library, english_library):
    page = make_resource(library, title="Mots de passe", slug="mots-de-passe")
    translate(page, title="Passwords", slug="passwords")
    make_resource(library, title="Sondage", slug="sondage")
    body = client.get("/fr/sitemap.xml").content.decode()
    assert "<loc>http://testserver/fr/ressources/mots-de-passe/</loc>" in body
    assert "<loc>http://testserver/en/resources/passwords/</loc>" in body
    assert 'hreflang="en" href="http://testserver/en/resources/passwords/"' in body
    assert "<loc>http://testserver/fr/ressources/sondage/</loc>" in body
    assert "/en/resources/sondage/" not in body


def test_translated_pages_link_their_other_language_in_the_head(client, library, english_library):
    page = make_resource(library, title="Mots de passe", slug="mots-de-passe")
    translate(page, title="Passwords", slug="passwords")
    html = client.get(page.url).content.decode()
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/resources/passwords/">'
        in html
    )


def test_print_styles_are_loaded(client, library):
    html = client.get("/fr/ressources/").content.decode()
    assert "/static/cms/cms.css" in html
    from django.contrib.staticfiles import finders

    assert "@media print" in open(finders.find("cms/cms.css"), encoding="utf-8").read()
