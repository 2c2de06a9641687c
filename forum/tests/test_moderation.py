"""Moderators act: reports reach the forum's moderators, machina's moderation pages render in
the site's design, machina's own search sends people to ours."""

import pytest
from django.urls import reverse
from machina.apps.forum_conversation.models import Topic

from forum import services
from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification

from .conftest import established, topic_url
from .factories import moderators_group


def group_moderator(**kwargs):
    group = moderators_group()
    member = established(**kwargs)
    member.groups.add(group)
    return member


def test_a_report_notifies_the_forums_moderators_not_every_staff_member(question, helper, site):
    moderator = group_moderator(first_name="Marie-Ève", last_name="Roy")
    staff_only = UserFactory(is_staff=True)
    services.post_report(post=question.first_post, user=helper, reason="Publicité")
    reported = Notification.objects.filter(kind="forum.report")
    assert list(reported.values_list("recipient", flat=True)) == [moderator.pk]
    assert not reported.filter(recipient=staff_only).exists()


def test_moderators_lock_a_topic_through_a_page_in_the_site_design(client, question, site):
    moderator = group_moderator(first_name="Marie-Ève", last_name="Roy")
    client.force_login(moderator)
    lock = reverse("forum_moderation:topic_lock", kwargs={"slug": question.slug, "pk": question.pk})
    assert f'href="{lock}"' in client.get(topic_url(question)).content.decode()
    page = client.get(lock).content.decode()
    assert "<h1>Verrouiller le sujet</h1>" in page
    assert 'role="submit"' not in page and "btn-warning" not in page  # machina's markup
    response = client.post(lock, {"post": "yes"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Topic.TOPIC_LOCKED
    page = client.get(topic_url(question)).content.decode()
    assert "Verrouillé" in page


def test_the_move_page_lists_forums_and_moves_the_topic(client, question, forums, site):
    moderator = group_moderator(first_name="Marie-Ève", last_name="Roy")
    client.force_login(moderator)
    move = reverse("forum_moderation:topic_move", kwargs={"slug": question.slug, "pk": question.pk})
    page = client.get(move).content.decode()
    assert "<h1>Déplacer le sujet</h1>" in page
    target = forums["Outils et logiciels"]
    client.post(move, {"forum": target.pk})
    question.refresh_from_db()
    assert question.forum == target


def test_members_cannot_reach_the_moderation_pages(client, question, helper, site):
    client.force_login(helper)
    lock = reverse("forum_moderation:topic_lock", kwargs={"slug": question.slug, "pk": question.pk})
    assert client.get(lock).status_code == 403
    assert client.post(lock, {"post": "yes"}).status_code == 403
    question.refresh_from_db()
    assert question.status == Topic.TOPIC_UNLOCKED


def test_machinas_search_address_leads_to_ours(client, site):
    response = client.get("/fr/forum/search/?q=logiciel")
    assert response.status_code == 302
    assert response["Location"] == reverse("community:search") + "?q=logiciel"


def test_the_reports_page_lists_only_messages_with_open_reports(
    client, question, help_forum, helper, asker, moderator, site
):
    from forum import selectors

    from .factories import PostFactory

    quiet = PostFactory(topic=question, poster=asker, content="Rien à signaler.")
    twice = PostFactory(topic=question, poster=asker, content="Signalé deux fois.")
    closed = PostFactory(topic=question, poster=asker, content="Déjà traité.")
    services.post_report(post=twice, user=helper, reason="Hors sujet")
    services.post_report(post=twice, user=established(), reason="Publicité")
    services.post_report(post=closed, user=helper, reason="Doublon")
    services.post_report(post=question.first_post, user=helper, reason="Vague")
    services.reports_resolve(post=closed, by=moderator)
    listed = list(selectors.open_reports(user=moderator))
    assert [(p.pk, p.open_reports) for p in listed] == [
        (twice.pk, 2),
        (question.first_post.pk, 1),
    ]
    assert quiet not in listed
    client.force_login(moderator)
    page = client.get(reverse("community:reports")).content.decode()
    assert "Signalé deux fois." in page and "Rien à signaler." not in page


def test_marking_a_forums_topics_read_asks_then_marks(client, question, help_forum, helper):
    from machina.apps.forum_tracking.models import ForumReadTrack

    url = reverse("forum_tracking:mark_topics_read", args=[help_forum.pk])
    client.force_login(helper)
    page = client.get(url).content.decode()
    assert "<h1>Marquer tous les sujets comme lus</h1>" in page and "btn-warning" not in page
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert ForumReadTrack.objects.filter(forum=help_forum, user=helper).exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_closing_reports_never_sends_the_moderator_to_another_site(
    client, question, helper, moderator, target
):
    services.post_report(post=question.first_post, user=helper, reason="Vague")
    client.force_login(moderator)
    response = client.post(
        reverse("community:reports_resolve", args=[question.first_post.pk]), {"next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("community:reports")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "/\\evil.example"])
def test_a_reaction_never_sends_the_member_to_another_site(client, question, helper, target):
    from forum import services as forum_services

    client.force_login(helper)
    response = client.post(
        reverse("community:reaction_toggle", args=[question.first_post.pk]),
        {"kind": "thanks", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == forum_services.post_url(question.first_post)
