"""Mon espace gathers every room's panel (hub.extensions.dashboard_panels) at a fixed number
of queries, whatever the member has in each, and shows what is new on their themes since
their previous visit."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms import services as cms_services
from cms.tests.factories import make_resource, make_toolkit
from events.models import Registration
from events.tests.factories import event_page
from forum import services as forum_services
from forum.tests.factories import PostFactory, topic_with_first_post
from hub.accounts import visits
from hub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def give(member, world, n: int) -> None:
    """`n` of everything Mon espace lists for `member`."""
    helper = UserFactory()
    for i in range(n):
        page = make_resource(world["library"], title=f"Ressource {i}", themes=[world["theme"]])
        cms_services.resource_save(user=member, resource=page)
        toolkit = make_toolkit(world["library"], title=f"Trousse {i}", steps=[("Un", [page])])
        cms_services.toolkit_step_set_done(
            user=member, toolkit=toolkit, step_id=toolkit.step_ids[0], done=True
        )
        event = event_page(index=world["events"])
        Registration.objects.create(event=event, user=member, status=Registration.Status.CONFIRMED)
        mine = topic_with_first_post(forum=world["forum"], poster=member, subject=f"Question {i}")
        reply = PostFactory(topic=mine, poster=helper)
        forum_services.topic_accept_answer(post=reply, by=member)
        theirs = topic_with_first_post(forum=world["forum"], poster=helper, subject=f"Autre {i}")
        answer = PostFactory(topic=theirs, poster=member)
        forum_services.topic_accept_answer(post=answer, by=helper)
        theirs.subscribers.add(member)


def dashboard_queries(client) -> int:
    url = reverse("accounts:dashboard")
    client.get(url)  # the visit's stamp and the calendar token are written on a first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_my_space_costs_the_same_queries_with_one_or_many_of_everything(client, world):
    few, many = UserFactory(email="peu@exemple.org"), UserFactory(email="beaucoup@exemple.org")
    for member in (few, many):
        cms_services.theme_follow_set(user=member, theme=world["theme"], follow=True)
    give(few, world, 1)
    give(many, world, 4)
    client.force_login(few)
    with_one = dashboard_queries(client)
    client.force_login(many)
    with_four = dashboard_queries(client)
    if with_one != with_four:  # say which queries grow with the member's rows
        client.force_login(few)
        with CaptureQueriesContext(connection) as one:
            client.get(reverse("accounts:dashboard"))
        client.force_login(many)
        with CaptureQueriesContext(connection) as four:
            client.get(reverse("accounts:dashboard"))
        import collections

        counts = collections.Counter(q["sql"][-300:] for q in four.captured_queries)
        counts.subtract(collections.Counter(q["sql"][-300:] for q in one.captured_queries))
        print("\n".join(f"{n} {sql}" for sql, n in counts.items() if n))
    assert with_one == with_four
    assert with_four <= 45, with_four


def test_my_space_shows_what_is_new_on_my_themes_since_my_previous_visit(client, world):
    member = UserFactory(email="ana@exemple.org")
    cms_services.theme_follow_set(user=member, theme=world["theme"], follow=True)
    before = make_resource(world["library"], title="Avant ma visite", themes=[world["theme"]])
    type(before).objects.filter(pk=before.pk).update(
        first_published_at=timezone.now() - timedelta(hours=3)
    )
    # The previous visit ended two hours ago: this one is a new visit.
    member.last_seen_at = timezone.now() - timedelta(hours=2)
    member.save(update_fields=["last_seen_at"])
    make_resource(world["library"], title="Pendant mon absence", themes=[world["theme"]])
    topic_with_first_post(forum=world["forum"], subject="Une question pendant mon absence")
    event_page(index=world["events"], title="Un webinaire annoncé")  # on no theme
    client.force_login(member)
    html = client.get(reverse("accounts:dashboard")).content.decode()

    news = html.split("Du nouveau sur mes thèmes depuis ma dernière visite", 1)[1]
    news = news.split("</ul>", 1)[0]
    assert "Pendant mon absence" in news and "Une question pendant mon absence" in news
    assert "Avant ma visite" not in news and "Un webinaire annoncé" not in news


def test_a_visit_is_stamped_at_most_every_few_minutes(client, world):
    member = UserFactory(email="ana@exemple.org")
    client.force_login(member)
    client.get(reverse("accounts:dashboard"))
    member.refresh_from_db()
    first = member.last_seen_at
    assert first is not None
    client.get(reverse("accounts:dashboard"))
    member.refresh_from_db()
    assert member.last_seen_at == first  # within VISIT_STAMP_EVERY: not written again
    assert visits.VISIT_STAMP_EVERY <= timedelta(minutes=15)
