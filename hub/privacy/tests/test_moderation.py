"""Moderation for privacy: unpublish a post, replace a name in it, noindex a page; every
action in an append-only audit log that never keeps the removed words."""

import pytest
from django.core.cache import cache
from machina.core.db.models import get_model

from hub.accounts.tests.factories import UserFactory
from hub.privacy import moderation
from hub.privacy.models import AppendOnlyError, ModerationEntry

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


def test_a_noindex_page_answers_with_x_robots_tag_at_once(client, site):
    cache.clear()
    moderator = UserFactory(is_staff=True)
    assert "X-Robots-Tag" not in client.get("/fr/")
    moderation.path_noindex(path="http://testserver/fr/?x=1", by=moderator, reason="Demande 3")
    assert client.get("/fr/")["X-Robots-Tag"] == "noindex, nofollow"
    moderation.path_noindex(path="/fr/", by=moderator, reason="Fin", noindex=False)
    assert "X-Robots-Tag" not in client.get("/fr/")
    assert list(ModerationEntry.objects.values_list("action", flat=True)) == ["index", "noindex"]


def test_the_moderation_log_is_append_only(post):
    moderation.post_unpublish(post=post, by=None, reason="x")
    entry = ModerationEntry.objects.get()
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


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


def test_members_cannot_open_the_moderation_form(member_client):
    response = member_client.get("/django-admin/privacy/moderationentry/add/")
    assert response.status_code == 302
