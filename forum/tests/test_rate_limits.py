"""The anti-flood limits come from settings, read at each post."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from machina.apps.forum_conversation.models import Post

from forum import services

from .factories import PostFactory

pytestmark = pytest.mark.django_db


def age(post, minutes):
    Post.objects.filter(pk=post.pk).update(created=timezone.now() - timedelta(minutes=minutes))


@override_settings(FORUM_RATE_LIMIT_POSTS=3, FORUM_RATE_LIMIT_WINDOW_SECONDS=120)
def test_the_posting_rate_follows_the_settings(question, helper):
    # `helper` has posted once already (conftest.established), a while ago.
    Post.objects.filter(poster=helper).update(created=timezone.now() - timedelta(hours=1))
    PostFactory(topic=question, poster=helper, content="Un")
    old = PostFactory(topic=question, poster=helper, content="Deux")
    services.post_check_allowed(user=helper, topic=question, content="Trois")
    PostFactory(topic=question, poster=helper, content="Trois")
    with pytest.raises(services.ForumError, match="Veuillez patienter|Please wait"):
        services.post_check_allowed(user=helper, topic=question, content="Quatre")
    # Once a message is older than the window, it no longer counts.
    age(old, minutes=3)
    services.post_check_allowed(user=helper, topic=question, content="Quatre")
    with override_settings(FORUM_RATE_LIMIT_WINDOW_SECONDS=600):
        with pytest.raises(services.ForumError):
            services.post_check_allowed(user=helper, topic=question, content="Quatre")


@override_settings(FORUM_DUPLICATE_WINDOW_SECONDS=60)
def test_the_double_submit_window_follows_the_settings(question, helper):
    post = PostFactory(topic=question, poster=helper, content="Même texte")
    with pytest.raises(services.ForumError, match="même message|same message"):
        services.post_check_allowed(user=helper, topic=question, content=" Même texte ")
    age(post, minutes=2)
    services.post_check_allowed(user=helper, topic=question, content="Même texte")
    with override_settings(FORUM_DUPLICATE_WINDOW_SECONDS=600):
        with pytest.raises(services.ForumError):
            services.post_check_allowed(user=helper, topic=question, content="Même texte")


def test_the_defaults_are_six_posts_in_five_minutes_and_ten_minutes_for_doubles(settings):
    assert settings.FORUM_RATE_LIMIT_POSTS == 6
    assert settings.FORUM_RATE_LIMIT_WINDOW_SECONDS == 300
    assert settings.FORUM_DUPLICATE_WINDOW_SECONDS == 600


@override_settings(FORUM_RATE_LIMIT_PREVIEWS=2, FORUM_RATE_LIMIT_WINDOW_SECONDS=120)
def test_the_editor_preview_is_rate_limited_like_posting(client, helper, asker):
    from django.core.cache import cache

    cache.clear()
    client.force_login(helper)
    for _ in range(2):
        assert client.post("/fr/forum/apercu/", {"text": "**ok**"}).status_code == 200
    refused = client.post("/fr/forum/apercu/", {"text": "**ok**"})
    assert refused.status_code == 429
    assert "html" not in refused.json()
    assert "Veuillez patienter" in refused.json()["error"]
    english = client.post("/en/forum/apercu/", {"text": "**ok**"}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 429 and "Please wait" in english.json()["error"]
    # Another member is not held back by the first one's previews.
    client.force_login(asker)
    assert client.post("/fr/forum/apercu/", {"text": "**ok**"}).status_code == 200


def test_the_default_preview_allowance_is_thirty_per_window(settings):
    assert settings.FORUM_RATE_LIMIT_PREVIEWS == 30
