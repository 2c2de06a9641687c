"""Forum factories: a public forum, topics and posts written the way machina saves them."""

import factory
from django.contrib.auth.models import Group
from django.utils.text import slugify
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.models import (
    ForumPermission,
    GroupForumPermission,
    UserForumPermission,
)

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


VISITOR_READ = ("can_see_forum", "can_read_forum")
MODERATOR_PERMISSIONS = (
    "can_see_forum",
    "can_read_forum",
    "can_start_new_topics",
    "can_reply_to_topics",
    "can_edit_own_posts",
    "can_post_without_approval",
    "can_edit_posts",
    "can_delete_posts",
    "can_approve_posts",
    "can_lock_topics",
    "can_move_topics",
    "can_delete_topics",
    "can_post_stickies",
    "can_post_announcements",
)
# Forums like the programme's: members get the default permissions everywhere; visitors
# read the open ones; the last one is closed to members.
OPEN_FORUMS = (
    "Demandes d'aide",
    "Outils et logiciels",
    "Cybersécurité",
    "Données et gouvernance",
    "Financement et bourses",
    "Vie de la communauté",
    "Annonces",
)
STAFF_FORUM = "Espace équipe et formateurs"


def programme_forums() -> dict[str, Forum]:
    """The forums above with their permissions, by name (found again if they exist)."""
    permissions = ForumPermission.objects.filter(codename__in=VISITOR_READ)
    forums = {}
    for name in (*OPEN_FORUMS, STAFF_FORUM):
        forum = Forum.objects.filter(name=name).first() or ForumFactory(name=name)
        for permission in permissions:
            if name == STAFF_FORUM:
                who = {"authenticated_user": True, "defaults": {"has_perm": False}}
            else:
                who = {"anonymous_user": True, "defaults": {"has_perm": True}}
            UserForumPermission.objects.get_or_create(forum=forum, permission=permission, **who)
        forums[name] = forum
    return forums


def moderators_group(*, name: str = "Modération") -> Group:
    """A group that moderates every forum there is now (not staff, not superusers)."""
    group, _ = Group.objects.get_or_create(name=name)
    for permission in ForumPermission.objects.filter(codename__in=MODERATOR_PERMISSIONS):
        for forum in Forum.objects.all():
            GroupForumPermission.objects.get_or_create(
                forum=forum, group=group, permission=permission, defaults={"has_perm": True}
            )
    return group
