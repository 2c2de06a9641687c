"""A reaction tells the post's author, once per member and post, collapsed per topic."""

import pytest
from django.core import mail

from forum import services
from hub.notifications.kinds import DIGEST, EMAIL
from hub.notifications.models import Notification
from hub.notifications.services import (
    notifications_mark_read,
    preferences_for,
    preferences_set,
)

from .conftest import established
from .factories import PostFactory

pytestmark = pytest.mark.django_db


def reactions_to(user):
    return Notification.objects.filter(recipient=user, kind="forum.reaction")


def test_a_reaction_tells_the_author_in_their_language(
    question, asker, helper, live_events, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.reaction_toggle(post=question.first_post, user=helper, kind="thanks")
    note = reactions_to(asker).get()
    assert (
        note.text
        == "Karim B. a réagi à votre message dans « Quel logiciel de gestion des membres? »"
    )
    assert note.actor == helper
    assert note.url.endswith(f"?post={question.first_post.pk}#{question.first_post.pk}")
    assert [event["type"] for event in live_events[asker.pk]] == ["notification"]
    assert helper.pk not in live_events


def test_several_reactions_in_a_topic_collapse_into_one_notification(question, asker, helper):
    second_post = PostFactory(topic=question, poster=asker, content="Précision : 12 employés.")
    lina = established(first_name="Lina", last_name="Roy")
    services.reaction_toggle(post=question.first_post, user=helper, kind="thanks")
    services.reaction_toggle(post=question.first_post, user=lina, kind="useful")
    services.reaction_toggle(post=second_post, user=helper, kind="plus_one")
    note = reactions_to(asker).get()
    assert note.count == 3
    assert note.text == "3 réactions à vos messages dans « Quel logiciel de gestion des membres? »"


def test_removing_a_reaction_notifies_nobody(question, asker, helper):
    post = question.first_post
    assert services.reaction_toggle(post=post, user=helper, kind="thanks") is True
    notifications_mark_read(user=asker, target=question)
    assert services.reaction_toggle(post=post, user=helper, kind="thanks") is False
    assert reactions_to(asker).count() == 1
    assert not reactions_to(asker).filter(read_at__isnull=True).exists()


def test_toggling_off_and_on_again_does_not_notify_twice(question, asker, helper):
    post = question.first_post
    services.reaction_toggle(post=post, user=helper, kind="thanks")
    services.reaction_toggle(post=post, user=helper, kind="thanks")  # off
    services.reaction_toggle(post=post, user=helper, kind="thanks")  # on again
    assert reactions_to(asker).get().count == 1
    # Even once the first one was read, giving it back does not make a new one.
    notifications_mark_read(user=asker, target=question)
    services.reaction_toggle(post=post, user=helper, kind="thanks")
    services.reaction_toggle(post=post, user=helper, kind="thanks")
    assert reactions_to(asker).count() == 1
    assert not reactions_to(asker).filter(read_at__isnull=True).exists()


def test_a_second_kind_from_the_same_member_does_not_notify_again(question, asker, helper):
    services.reaction_toggle(post=question.first_post, user=helper, kind="thanks")
    services.reaction_toggle(post=question.first_post, user=helper, kind="useful")
    assert reactions_to(asker).get().count == 1


def test_reacting_to_your_own_post_is_refused_and_notifies_nobody(question, asker):
    with pytest.raises(services.ForumError):
        services.reaction_toggle(post=question.first_post, user=asker, kind="thanks")
    assert not Notification.objects.exists()


def test_reactions_wait_for_the_daily_digest_by_default_and_send_no_email_at_once(
    question, asker, helper, django_capture_on_commit_callbacks
):
    kinds = {kind.code: delivery for kind, delivery in preferences_for(user=asker)}
    assert kinds["forum.reaction"] == DIGEST
    with django_capture_on_commit_callbacks(execute=True):
        services.reaction_toggle(post=question.first_post, user=helper, kind="thanks")
    assert reactions_to(asker).get().email_delivery == DIGEST
    assert mail.outbox == []


def test_a_member_who_wants_reactions_by_email_gets_one(
    question, asker, helper, django_capture_on_commit_callbacks
):
    preferences_set(user=asker, deliveries={"forum.reaction": EMAIL})
    with django_capture_on_commit_callbacks(execute=True):
        services.reaction_toggle(post=question.first_post, user=helper, kind="thanks")
    assert [message.to for message in mail.outbox] == [[asker.email]]


def test_reacting_through_the_page_notifies_the_author(client, question, asker, helper):
    client.force_login(helper)
    response = client.post(
        f"/fr/forum/message/{question.first_post.pk}/reaction/",
        {"kind": "useful"},
        HTTP_ACCEPT="application/json",
    )
    assert response.json() == {"added": True, "count": 1, "kind": "useful"}
    assert reactions_to(asker).count() == 1
