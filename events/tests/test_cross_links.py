"""Rooms lead to each other through their themes (cms.Theme) and the template tags each
room provides: a resource page shows the next events and the latest solved discussions on
its themes, and the webinar it is the replay of; an event page shows the resources on its
themes and, once past, its replay in the library. Each costs the same number of queries
whatever the number of events, topics and resources."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.services import library_setup
from cms.tests.factories import make_resource, make_theme, translate
from forum.models import ForumCategory, TopicSolution
from forum.tests.factories import PostFactory, programme_forums, topic_with_first_post

from .factories import event_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def rooms(site, index):
    library = library_setup()
    theme = make_theme(
        slug="gouvernance-des-donnees",
        name="Gouvernance des données",
        english=("data-governance", "Data governance"),
    )
    other = make_theme(slug="cybersecurite", name="Cybersécurité")
    forums = programme_forums()
    data_forum, staff = forums["Données et gouvernance"], forums["Espace équipe et formateurs"]
    for forum in (data_forum, staff):
        ForumCategory.objects.create(forum=forum, name_en=f"{forum.name} (en)").themes.add(theme)
    return {"library": library, "theme": theme, "other": other, "forum": data_forum, "staff": staff}


def solved(forum, subject):
    topic = topic_with_first_post(forum=forum, subject=subject)
    answer = PostFactory(topic=topic, content="Voici la solution.")
    TopicSolution.objects.create(topic=topic, post=answer)
    return topic


def queries(client, url) -> tuple[int, str]:
    """The queries of a page read with warm caches (a first read fills them)."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


def test_a_resource_shows_the_events_and_solved_discussions_on_its_themes(
    rooms, make_event, client
):
    resource = make_resource(
        rooms["library"], title="Registre des incidents", themes=[rooms["theme"]]
    )
    make_event(title="Webinaire gouvernance", themes=[rooms["theme"]])
    make_event(title="Webinaire cyber", themes=[rooms["other"]])
    make_event(
        title="Webinaire passé", themes=[rooms["theme"]], start=timezone.now() - timedelta(days=3)
    )
    solved(rooms["forum"], "Conserver les données des membres?")
    solved(rooms["staff"], "Sujet réservé à l'équipe")
    topic_with_first_post(forum=rooms["forum"], subject="Question sans solution")
    cost, html = queries(client, resource.url)
    assert "Webinaire gouvernance" in html
    assert "Webinaire cyber" not in html and "Webinaire passé" not in html
    assert "Conserver les données des membres?" in html
    assert "Sujet réservé à l&#x27;équipe" not in html  # a private forum stays private
    assert "Question sans solution" not in html
    for number in range(5):
        make_event(title=f"Autre webinaire {number}", themes=[rooms["theme"]])
        solved(rooms["forum"], f"Autre question résolue {number}")
    more, html = queries(client, resource.url)
    assert html.count('class="card event-card"') == 3
    assert more == cost


def test_an_event_shows_the_resources_on_its_themes_and_once_past_its_replay(
    rooms, make_event, client
):
    guide = make_resource(rooms["library"], title="Guide de gouvernance", themes=[rooms["theme"]])
    translate(guide, title="Governance guide", slug="governance-guide")
    make_resource(rooms["library"], title="Guide cyber", themes=[rooms["other"]])
    replay = make_resource(
        rooms["library"], title="Rediffusion : la Loi 25", format="webinar", themes=[rooms["theme"]]
    )
    webinar = make_event(
        title="Webinaire Loi 25",
        themes=[rooms["theme"]],
        start=timezone.now() - timedelta(days=10),
        replay_url="https://video.example/loi-25",
        replay_resource=replay,
    )
    english = event_translation(webinar, title="Law 25 webinar")
    cost, html = queries(client, webinar.url)
    assert "Guide de gouvernance" in html and "Guide cyber" not in html
    assert "Rediffusion : la Loi 25" in html
    assert html.count(f'href="{replay.url}"') == 1  # under "Replay", not again in the list
    # The English page: the translated resource, the French one marked as such.
    english_html = client.get(english.url).content.decode()
    assert "Governance guide" in english_html
    assert 'Rediffusion : la Loi 25</span></a> <span class="lang-note" lang="fr">' in english_html
    # The replay resource leads back to its webinar.
    replay_html = client.get(replay.url).content.decode()
    assert "Webinaire Loi 25" in replay_html and f'href="{webinar.url}"' in replay_html
    for number in range(5):
        make_resource(rooms["library"], title=f"Autre guide {number}", themes=[rooms["theme"]])
    more, html = queries(client, webinar.url)
    assert html.count('class="card resource-card"') == 3
    assert more == cost
