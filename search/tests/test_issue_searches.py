"""The searches of issue 13, on the demo content (forum, library and events filled), in both
languages; a private forum's words never reach a visitor; hostile input; a fixed query
count. The full-text ones need PostgreSQL (french_unaccent, stored forum vectors)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SearchMiss, SearchWord
from search.services import vocabulary_rebuild

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search: PostgreSQL"
)


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    vocabulary_rebuild()


def found(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["found"]


def by_type(result):
    grouped = {}
    for hit in result.hits:
        grouped.setdefault(hit.type, []).append(hit.title)
    return grouped


@postgres_only
def test_the_issue_searches_find_every_room_in_both_languages(client, demo):
    # "bénévoles" finds the forum's topics, not only pages (typed without accents too).
    for text in ("bénévoles", "benevoles"):
        result = found(client, f"/fr/recherche/?q={text}")
        counts = {facet.value: facet.count for facet in result.types}
        assert counts["discussions"] >= 5, (text, counts)
        assert counts["resources"] >= 1, (text, counts)
    # "Données 101", an event title shown on the home page.
    result = found(client, "/fr/recherche/?q=Données 101")
    assert any(title.startswith("Données 101") for title in by_type(result)["events"])
    # The home page's own example finds the forum's topic and the library's guide.
    result = found(client, "/fr/recherche/?q=mot de passe")
    titles = by_type(result)
    assert "Gérer les mots de passe de votre organisme" in titles["resources"]
    assert any("mots de passe" in title for title in titles["discussions"])
    # English.
    result = found(client, "/en/search/?q=volunteer")
    assert "Volunteer scheduling software recommendations?" in by_type(result)["discussions"]
    result = found(client, "/en/search/?q=webinar")
    events = by_type(result)["events"]
    assert events and any(title.startswith("Data 101") for title in events), events
    assert all(hit.lang == "" for hit in result.hits if hit.type == "events")


@postgres_only
def test_a_private_forums_words_never_reach_a_visitor_or_a_member(client, demo):
    private = "Planification des webinaires de l'automne"
    for text in ("disponibilites", "webinaires automne"):
        result = found(client, f"/fr/recherche/?q={text}")
        assert private not in [hit.title for hit in result.hits]
        counts = {facet.value: facet.count for facet in result.types}
        if text == "disponibilites":  # only the private topic has the word
            assert counts["discussions"] == 0 and result.total == 0
    member = get_user_model().objects.filter(is_staff=False, is_superuser=False).first()
    client.force_login(member)
    result = found(client, "/fr/recherche/?q=disponibilites")
    assert result.total == 0
    # Nor the "did you mean" vocabulary, built from what a visitor may read.
    from forum.site_search import discussion_words

    assert private not in list(discussion_words())
    assert SearchWord.objects.exists()


@postgres_only
def test_did_you_mean_proposes_the_closest_public_word(client, demo):
    response = client.get("/fr/recherche/?q=benevols")
    assert response.context["suggestion"].lower() in ("bénévole", "bénévoles")
    assert "Vouliez-vous dire" in response.content.decode()


def test_hostile_input_never_fails(client, site):
    for text in [
        '"',
        "'",
        '"unbalanced',
        "(",
        ")",
        "*",
        "NEAR(",
        "a AND",
        "-",
        ":",
        "^",
        "<script>alert(1)</script>",
        "é" * 300,
        "mot " * 2500,
        "%00",
        "\\",
        "{{ x }}",
    ]:
        response = client.get("/fr/recherche/", {"q": text})
        assert response.status_code == 200, text
        assert "<script>alert" not in response.content.decode()
    response = client.get("/fr/recherche/", {"q": "x" * 10000})
    assert response.status_code == 200
    assert "200 premiers caractères" in response.content.decode()
    assert response.context["query"] == "x" * 200
    assert client.get("/fr/recherche/?q=a%00b").status_code in (200, 400)
    for params in (
        {"q": "a", "page": "-1"},
        {"q": "a", "page": "99999999999"},
        {"q": "a", "type": "<x>"},
        {"q": "a", "theme": "'"},
        {"q": "a", "lang": "zz"},
    ):
        assert client.get("/fr/recherche/", params).status_code == 200, params


def test_a_search_that_finds_nothing_is_counted_without_who_searched(member_client, site):
    member_client.get("/fr/recherche/?q=Zébulon  Introuvable")
    member_client.get("/fr/recherche/?q=zebulon introuvable")
    miss = SearchMiss.objects.get()
    assert (miss.query, miss.count) == ("zebulon introuvable", 2)
    assert {f.name for f in SearchMiss._meta.get_fields()} == {
        "id",
        "query",
        "count",
        "first_seen",
        "last_seen",
    }


def test_staff_see_the_searches_without_result(admin_client, site):
    admin_client.get("/fr/recherche/?q=zorglub")
    html = admin_client.get("/django-admin/search/searchmiss/").content.decode()
    assert "zorglub" in html


def test_the_results_page_costs_the_same_queries_whatever_it_finds(client, library):
    from cms.tests.factories import make_resource

    make_resource(library, title="Sauvegardes 1", summary="Des sauvegardes.")
    client.get("/fr/recherche/?q=sauvegardes")  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as few:
        assert found(client, "/fr/recherche/?q=sauvegardes").total == 1
    for number in range(2, 16):
        make_resource(library, title=f"Sauvegardes {number}", summary="Des sauvegardes.")
    with CaptureQueriesContext(connection) as many:
        assert found(client, "/fr/recherche/?q=sauvegardes").total == 15
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
