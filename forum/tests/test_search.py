"""Forum search: one result per topic, paged, highlighted, in French and English, only what
the searcher may read, and no failure on bad input."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from machina.apps.forum_conversation.models import Post, Topic

from forum import selectors, services

from .factories import PostFactory, topic_with_first_post

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search: PostgreSQL"
)
URL = "/fr/forum/recherche/"


def results(html):
    """The titles of the result cards, in order."""
    block = html.split('class="card-list search-results"', 1)[1].split("</ol>", 1)[0]
    return re.findall(r"<h2 class=\"h3\"><a [^>]*>([^<]*)</a>", block)


def found(query, user=None):
    search = selectors.TopicSearch(query=query, user=user or AnonymousUser())
    return search[0:50]


def test_search_finds_readable_posts_only(client, help_forum, staff_forum, helper, moderator):
    topic_with_first_post(
        forum=help_forum,
        subject="La sécurité des données",
        content="Comment sécuriser nos mots de passe partagés?",
    )
    topic_with_first_post(
        forum=staff_forum, subject="Sécurité interne", content="Mots de passe de l'équipe"
    )
    html = client.get(URL, {"q": "mots de passe"}).content.decode()
    assert results(html) == ["La sécurité des données"]
    assert "Sécurité interne" not in html
    client.force_login(helper)  # a member cannot read the staff forum either
    html = client.get(URL, {"q": "mots de passe"}).content.decode()
    assert results(html) == ["La sécurité des données"]
    client.force_login(moderator)  # the team can: the private topic is there to be found
    html = client.get(URL, {"q": "mots de passe"}).content.decode()
    assert sorted(results(html)) == ["La sécurité des données", "Sécurité interne"]
    html = client.get(URL, {"q": "introuvable"}).content.decode()
    assert "Rien trouvé pour « introuvable »" in html


def test_unapproved_posts_and_topics_are_not_found(help_forum, helper):
    waiting = topic_with_first_post(forum=help_forum, subject="Sujet en attente", content="Zorglub")
    Topic.objects.filter(pk=waiting.pk).update(approved=False)
    topic = topic_with_first_post(forum=help_forum, subject="Sujet publié", content="Bonjour")
    hidden = PostFactory(topic=topic, poster=helper, content="Zorglub en attente")
    Post.objects.filter(pk=hidden.pk).update(approved=False)
    assert found("zorglub") == []
    Post.objects.filter(pk=hidden.pk).update(approved=True)
    assert [p.pk for p in found("zorglub")] == [hidden.pk]


def test_one_result_per_topic_with_its_best_post(client, help_forum, helper):
    topic = topic_with_first_post(
        forum=help_forum, subject="Choisir un logiciel", content="Quel logiciel de dons?"
    )
    for text in ("Le logiciel Zeffy", "Un autre logiciel", "Merci pour le logiciel"):
        PostFactory(topic=topic, poster=helper, content=text)
    other = topic_with_first_post(forum=help_forum, subject="Logiciel libre", content="Oui")
    services.topic_accept_answer(post=PostFactory(topic=other, poster=helper), by=other.poster)
    html = client.get(URL, {"q": "logiciel"}).content.decode()
    assert sorted(results(html)) == ["Choisir un logiciel", "Logiciel libre"]
    assert "2 résultats" in html
    solved_card = html.split("Logiciel libre</a>", 1)[1].split("</h2>", 1)[0]
    assert "Résolu" in solved_card
    assert "Résolu" not in html.split("Choisir un logiciel</a>", 1)[1].split("</h2>", 1)[0]
    assert "3 réponses" in html


def test_results_are_paged_keep_the_query_and_cost_the_same_queries(
    client, help_forum, helper, django_assert_num_queries
):
    client.force_login(helper)
    client.get("/fr/")  # a visit's first request stamps it (hub/accounts/visits.py)
    for n in range(2):
        topic_with_first_post(forum=help_forum, subject=f"Budget {n}", content="Un budget")
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"q": "budget"})
    for n in range(2, 25):
        topic_with_first_post(forum=help_forum, subject=f"Budget {n}", content="Un budget")

    with django_assert_num_queries(len(few)):
        html = client.get(URL, {"q": "budget"}).content.decode()
    assert len(results(html)) == 20
    assert "25 résultats" in html and "Page 1 sur 2" in html
    nav = html.split('<nav aria-label="Pages de résultats">', 1)[1].split("</nav>", 1)[0]
    assert re.search(r'aria-current="page"><span class="visually-hidden">Page </span>1<', nav)
    assert 'href="?q=budget&amp;page=2"' in nav

    with django_assert_num_queries(len(few)):
        page_two = client.get(URL, {"q": "budget", "page": 2}).content.decode()
    assert len(results(page_two)) == 5
    assert not set(results(html)) & set(results(page_two))
    assert 'href="?q=budget&amp;page=1" rel="prev"' in page_two

    assert results(client.get(URL, {"q": "budget", "page": "abc"}).content.decode()) == results(
        html
    )
    assert results(client.get(URL, {"q": "budget", "page": 999}).content.decode()) == results(
        page_two
    )


def test_bad_input_never_fails(client, help_forum):
    topic_with_first_post(forum=help_forum, subject="Mots de passe", content="Un coffre-fort")
    html = client.get(URL).content.decode()
    assert "Tapez quelques mots" in html and "search-results" not in html
    assert "Tapez quelques mots" in client.get(URL, {"q": "   "}).content.decode()

    long = client.get(URL, {"q": "passe " * 300})
    assert long.status_code == 200
    html = long.content.decode()
    assert "seuls ses 200 premiers caractères" in html
    value = re.search(r'name="q" value="([^"]*)"', html).group(1)
    assert 0 < len(value) <= 200
    assert results(html) == ["Mots de passe"]

    for query in ('"mots de passe" -coffre OR (', "!:*&|<->", '"', "-", "'; --"):
        response = client.get(URL, {"q": query})
        assert response.status_code == 200, query
    # A NUL byte stops at the edge with a clear 400 (hub/middleware.py), before any query.
    assert client.get(URL, {"q": "passe\x00"}).status_code == 400


def test_hostile_content_is_shown_as_text_with_the_words_marked(client, help_forum):
    topic_with_first_post(
        forum=help_forum,
        subject="<b>Titre</b>",
        content='Piège <script>alert("x")</script> <img src=x onerror=alert(2)> '
        "&lt;i&gt; \ue000faux\ue001 budget",
    )
    html = client.get(URL, {"q": "budget"}).content.decode()
    excerpt = html.split('<p class="search-excerpt">', 1)[1].split("</p>", 1)[0]
    assert "<mark>budget</mark>" in excerpt
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in excerpt
    assert "<script" not in excerpt and "<img" not in excerpt and "<i>" not in excerpt
    assert "&lt;i&gt;" in excerpt  # as the topic page shows it: text, not a tag
    assert "faux" in excerpt and "<mark>faux" not in excerpt  # no forged highlight
    assert "&lt;b&gt;Titre&lt;/b&gt;" in html


def test_query_cleaning():
    assert selectors.clean_search_query("  mots\x00 de\tpasse ") == ("mots de passe", False)
    query, shortened = selectors.clean_search_query("abcdefghi " * 40)
    assert shortened and len(query) <= 200 and query.endswith("abcdefghi")
    assert selectors.clean_search_query(None) == ("", False)


@postgres_only
def test_postgres_search_ignores_accents_stems_and_ranks(help_forum):
    best = topic_with_first_post(
        forum=help_forum,
        subject="Sécurité des données",
        content="La sécurité de nos données et la sécurité des trousses.",
    )
    other = topic_with_first_post(
        forum=help_forum, subject="Logiciels", content="Un mot sur la sécurité."
    )
    for query in ("securite", "SECURITE", "sécurité"):
        assert [p.topic_id for p in found(query)] == [best.pk, other.pk], query
    assert [p.topic_id for p in found("trousse")] == [best.pk]
    assert "<mark>sécurité</mark>" in found("securite")[0].excerpt


@postgres_only
def test_postgres_search_understands_english(help_forum):
    topic = topic_with_first_post(
        forum=help_forum,
        subject="Volunteer onboarding",
        content="Our privacy policy says who may train new volunteers.",
    )
    for query in ("volunteer", "policies", "training", "Privacy Policies"):
        assert [p.topic_id for p in found(query)] == [topic.pk], query
    assert "<mark>policy</mark>" in found("policies")[0].excerpt


@postgres_only
def test_postgres_search_takes_web_search_syntax(help_forum):
    shared = topic_with_first_post(
        forum=help_forum, subject="Partage", content="Des mots de passe partagés"
    )
    topic_with_first_post(
        forum=help_forum, subject="Équipe", content="Les mots de passe de l'équipe"
    )
    assert [p.topic_id for p in found('"mots de passe" -équipe')] == [shared.pk]


@postgres_only
def test_postgres_search_uses_both_indexes():
    """Both stored vectors are indexed and the search's condition can use the indexes."""
    from django.db.models import BooleanField
    from django.db.models.expressions import RawSQL

    params = ["sécurité", "sécurité"]
    matches = RawSQL(selectors._MATCH_SQL, params, output_field=BooleanField())  # noqa: S611
    sql, params = Post.objects.filter(matches).values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "community_post_search_fr" in plan and "community_post_search_en" in plan, plan


@postgres_only
def test_postgres_search_follows_edits(help_forum):
    """The stored vectors are PostgreSQL's to keep: an edit through machina's save() counts."""
    topic = topic_with_first_post(forum=help_forum, subject="Question", content="Un tableur")
    post = topic.first_post
    assert [p.pk for p in found("tableur")] == [post.pk]
    post.content = "Une base de données"
    post.save()
    assert found("tableur") == []
    assert [p.pk for p in found("donnee")] == [post.pk]
