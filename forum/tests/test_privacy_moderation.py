"""Moderation on request (privacy): unpublish a post, replace a name in it, from the
moderation form; every action in privacy's append-only audit log, which never keeps the
removed words. (noindex is tested with privacy, hub/privacy/tests/test_noindex.py.)"""

import pytest
from machina.core.db.models import get_model

from forum import moderation
from hub.accounts.tests.factories import UserFactory
from hub.privacy.models import ModerationEntry

pytestmark = pytest.mark.django_db

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


@pytest.fixture
def post(db):
    author = UserFactory(first_name="Karim")
    forum = Forum.objects.create(name="Entraide", type=Forum.FORUM_POST)
    topic = Topic.objects.create(
        forum=forum,
        poster=author,
        subject="Aide pour Mme Tremblay",
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    Post.objects.create(
        topic=topic, poster=author, subject=topic.subject, content="Bonjour, une question."
    )
    return Post.objects.create(
        topic=topic,
        poster=author,
        subject="Re: Aide pour Mme Tremblay",
        content="Julie **Tremblay** de Rimouski m’a dit que tremblay était malade.",
    )


def test_replacing_a_name_changes_subject_content_and_rendered_html_and_logs_only_a_count(
    post,
):
    moderator = UserFactory(is_staff=True)
    count = moderation.post_redact(
        post=post, text="Tremblay", replacement="[nom retiré]", by=moderator, reason="Demande 12"
    )
    assert count == 3
    post.refresh_from_db()
    assert "tremblay" not in post.content.raw.lower()
    assert "Tremblay" not in post.content.rendered and "[nom retiré]" in post.content.rendered
    assert "Tremblay" not in post.subject
    entry = ModerationEntry.objects.get()
    assert (entry.action, entry.replacements, entry.moderator) == ("redact", 3, moderator)
    assert entry.target == f"post #{post.pk}, topic #{post.topic_id}"


def test_unpublishing_hides_the_post_and_is_logged(post):
    moderator = UserFactory(is_staff=True)
    moderation.post_unpublish(post=post, by=moderator, reason="Renseignements de santé")
    post.refresh_from_db()
    assert post.approved is False
    post.topic.refresh_from_db()
    assert post.topic.posts_count == 1  # machina recounted only the approved posts
    assert ModerationEntry.objects.get().action == "unpublish"


@pytest.fixture
def staff_client(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_use_the_moderation_form_and_members_cannot(staff_client, post, client):
    url = "/django-admin/privacy/moderationentry/add/"
    assert staff_client.get(url).status_code == 200
    response = staff_client.post(
        url,
        {
            "action": "redact",
            "post": post.pk,
            "text": "Tremblay",
            "replacement": "[nom retiré]",
            "reason": "Demande 12",
        },
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert "[nom retiré]" in post.content.raw
    response = staff_client.post(url, {"action": "redact", "post": 999999, "reason": "x"})
    assert response.status_code == 200
    assert "Aucun message ne porte ce numéro." in response.content.decode()
    log = staff_client.get("/django-admin/privacy/moderationentry/").content.decode()
    assert f"post #{post.pk}" in log and "Tremblay" not in log


def test_a_noindex_from_the_form_is_logged_too(staff_client):
    url = "/django-admin/privacy/moderationentry/add/"
    response = staff_client.post(url, {"action": "noindex", "path": "/fr/", "reason": "Demande 4"})
    assert response.status_code == 302
    assert ModerationEntry.objects.get().action == "noindex"


def test_members_cannot_open_the_moderation_form(member_client):
    response = member_client.get("/django-admin/privacy/moderationentry/add/")
    assert response.status_code == 302
