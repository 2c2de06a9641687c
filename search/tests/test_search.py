import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation

from cms.tests.factories import make_resource, translate
from hub import extensions
from hub.sanitize import highlight

pytestmark = pytest.mark.django_db


def titles(response):
    return [hit.title for hit in response.context["found"].hits]


def test_the_search_page_keeps_its_french_and_english_addresses():
    with translation.override("fr"):
        assert reverse("search:search") == "/fr/recherche/"
    with translation.override("en"):
        assert reverse("search:search") == "/en/search/"


def test_an_empty_search_shows_guidance(client, site):
    response = client.get("/fr/recherche/?q=+++")
    assert response.status_code == 200
    assert "Tapez quelques mots" in response.content.decode()
    assert response.context["found"] is None


def test_search_finds_ranks_and_highlights(client, library):
    make_resource(
        library,
        title="Activer l'authentification multifacteur",
        summary="Protéger les comptes avec un deuxième facteur.",
    )
    make_resource(library, title="Tableurs", summary="Des colonnes bien nommées.")
    response = client.get("/fr/recherche/?q=authentification")
    html = response.content.decode()
    assert "Activer l&#x27;authentification multifacteur" in html
    assert "Tableurs" not in html
    hits = response.context["found"].hits
    assert len(hits) == 1 and hits[0].kind == "Guide" and hits[0].type == "resources"
    assert 'value="authentification"' in html  # the query stays in the box


def test_nothing_found_says_what_to_try(client, library):
    html = client.get("/fr/recherche/?q=zzzxqy").content.decode()
    assert "Aucun résultat" in html


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="accent folding is PostgreSQL's french_unaccent"
)
def test_search_without_accents_finds_accented_words_on_postgresql(client, library):
    make_resource(
        library,
        title="La sécurité des données de votre organisme",
        summary="La sécurité des données des participant·e·s.",
    )
    for query in ("securite", "SECURITE", "sécurité", "donnee"):
        response = client.get(f"/fr/recherche/?q={query}")
        assert titles(response) == ["La sécurité des données de votre organisme"], query
    assert "<mark>sécurité</mark>" in client.get("/fr/recherche/?q=securite").content.decode()


def test_english_search_prefers_the_translation_and_keeps_french_only_pages(
    client, library, english_library
):
    page = make_resource(
        library, title="Mots de passe", summary="Gérer les mots de passe.", slug="mots-de-passe"
    )
    translate(page, title="Passwords", summary="Managing passwords.", slug="passwords")
    make_resource(
        library,
        title="Mots de passe partagés",
        summary="Un coffre de mots de passe.",
        slug="coffre",
    )
    response = client.get("/en/search/?q=passe")
    hits = {hit.title: hit for hit in response.context["found"].hits}
    assert "Passwords" in hits and "Mots de passe" not in hits
    assert hits["Mots de passe partagés"].lang == "fr"
    assert hits["Mots de passe partagés"].url == "/en/resources/coffre/"
    languages = {f.value: f.count for f in response.context["found"].languages}
    assert languages == {"en": 1, "fr": 1}
    response = client.get("/en/search/?q=passe&lang=en")
    assert titles(response) == ["Passwords"]


def test_other_rooms_plug_in_through_one_provider_interface(client, site):
    def search_webinars(query):
        hit = extensions.SearchHit(title=f"Webinaire {query.text}", url="/fr/evenements/1/")
        return extensions.SearchResults(hits=[hit], count=1)

    provider = extensions.SearchProvider(label="Webinaires", search=search_webinars)
    with extensions.search_providers.override("webinars", provider, order=90):
        html = client.get("/fr/recherche/?q=teams").content.decode()
    assert "Webinaire teams" in html and "Webinaires (1)" in html


def test_highlight_marks_matches_without_accents_and_escapes_html():
    excerpt = highlight(
        "<b>La</b> Sécurité des données passe par des sauvegardes.", "securite donnees"
    )
    assert "<mark>Sécurité</mark>" in excerpt and "<mark>données</mark>" in excerpt
    assert "&lt;b&gt;" in excerpt


def test_highlight_shows_the_part_of_a_long_text_that_matches():
    text = " ".join(["mot"] * 100) + " trousse " + " ".join(["fin"] * 100)
    excerpt = highlight(text, "trousses")
    assert "<mark>trousse</mark>" in excerpt and excerpt.startswith("… ")


def test_the_theme_facet_counts_and_narrows_in_the_pages_language(client, library, themes):
    make_resource(library, title="Sauvegardes chiffrées", themes=[themes["cyber"]])
    make_resource(library, title="Sauvegardes des fichiers", themes=[themes["data"]])
    make_resource(library, title="Sauvegardes du CRM", themes=[themes["data"]])
    found = client.get("/fr/recherche/?q=sauvegardes").context["found"]
    assert [(f.value, f.label, f.count) for f in found.themes] == [
        ("gestion-des-donnees", "Gestion des données", 2),
        ("cybersecurite", "Cybersécurité", 1),
    ]
    response = client.get("/fr/recherche/?q=sauvegardes&theme=cybersecurite")
    assert titles(response) == ["Sauvegardes chiffrées"]
    assert [f.selected for f in response.context["found"].themes if f.value == "cybersecurite"]
    english = client.get("/en/search/?q=sauvegardes").context["found"]
    assert {(f.value, f.label) for f in english.themes} == {
        ("cybersecurity", "Cybersecurity"),
        ("data-management", "Data management"),
    }


def test_pagination_keeps_the_query_and_the_filters(client, library):
    for number in range(13):
        make_resource(library, title=f"Infolettre {number}", summary="Une infolettre.")
    response = client.get("/fr/recherche/?q=infolettre&type=resources")
    found = response.context["found"]
    assert (found.total, found.pages, len(found.hits)) == (13, 2, 10)
    html = response.content.decode()
    assert "q=infolettre&amp;type=resources&amp;page=2" in html
    second = client.get("/fr/recherche/?q=infolettre&type=resources&page=2").context["found"]
    assert len(second.hits) == 3
    assert not {h.title for h in second.hits} & {h.title for h in found.hits}
