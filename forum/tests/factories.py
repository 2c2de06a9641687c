"""Forum factories: a public forum, topics and posts written the way machina saves them."""

import factory
from django.utils.text import slugify
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic

from hub.accounts.tests.factories import UserFactory


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    name = factory.Sequence(lambda n: f"Forum {n}")
    type = Forum.FORUM_POST


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    forum = factory.SubFactory(ForumFactory)
    poster = factory.SubFactory(UserFactory)
    subject = factory.Sequence(lambda n: f"Sujet numéro {n}")
    slug = factory.LazyAttribute(lambda t: slugify(t.subject))
    type = Topic.TOPIC_POST
    status = Topic.TOPIC_UNLOCKED
    approved = True


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    poster = factory.SubFactory(UserFactory)
    subject = factory.LazyAttribute(lambda p: p.topic.subject)
    content = "Bonjour, voici ma réponse."
    approved = True


def topic_with_first_post(*, forum=None, poster=None, subject=None, content="Ma question?"):
    """A topic and its first post, as machina creates them (counters updated)."""
    poster = poster or UserFactory()
    kwargs = {"poster": poster}
    if forum is not None:
        kwargs["forum"] = forum
    if subject is not None:
        kwargs["subject"] = subject
    topic = TopicFactory(**kwargs)
    PostFactory(topic=topic, poster=poster, content=content)
    topic.refresh_from_db()
    return topic
