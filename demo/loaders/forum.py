"""Demo forum: the programme's forums and who may read them, a moderators' group, and
realistic discussions with accepted answers, reactions, a poll and one message waiting for
a moderator (content: demo/content/forum.toml). Forums, permissions and topics are found
by name or subject before being created."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.forum_polls.models import (
    TopicPoll,
    TopicPollOption,
    TopicPollVote,
)
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.models import (
    ForumPermission,
    GroupForumPermission,
    UserForumPermission,
)

from cms.models import Theme
from forum.models import ForumCategory, Reaction, TopicSolution

from . import content


def seed(log) -> None:
    seed_forums(log)
    seed_moderators()
    seed_discussions(log)
    seed_poll(log)


def public_forum_names() -> list[str]:
    """The forums visitors who are not signed in may read."""
    return [spec["name"] for spec in content("forum")["forums"] if spec["public"]]


def seed_forums(log) -> None:
    data = content("forum")
    visitor_permissions = ForumPermission.objects.filter(codename__in=data["visitor_permissions"])
    for spec in data["forums"]:
        forum = Forum.objects.filter(name=spec["name"]).first()
        if forum is None:
            forum = Forum.objects.create(
                name=spec["name"], description=spec["description"], type=Forum.FORUM_POST
            )
        for permission in visitor_permissions:
            if spec["public"]:
                UserForumPermission.objects.get_or_create(
                    forum=forum,
                    anonymous_user=True,
                    permission=permission,
                    defaults={"has_perm": True},
                )
            else:
                # Members get every default permission on all forums; this one stays closed.
                UserForumPermission.objects.get_or_create(
                    forum=forum,
                    authenticated_user=True,
                    permission=permission,
                    defaults={"has_perm": False},
                )
        _category(forum, spec)
    log(f"{Forum.objects.count()} forums")


def _category(forum, spec: dict) -> None:
    """The forum's English words and themes (set once: staff may change them after)."""
    category, created = ForumCategory.objects.get_or_create(
        forum=forum,
        defaults={"name_en": spec["en"]["name"], "description_en": spec["en"]["description"]},
    )
    if created:
        fr_slugs = {t["key"]: t["fr"]["slug"] for t in content("cms")["themes"]}
        slugs = [fr_slugs[key] for key in spec.get("themes", [])]
        category.themes.set(Theme.objects.filter(locale__language_code="fr", slug__in=slugs))


def seed_moderators() -> None:
    """The moderators' group (named in accounts.toml too) moderates every forum."""
    spec = content("forum")["moderators"]
    group, _ = Group.objects.get_or_create(name=spec["group"])
    for permission in ForumPermission.objects.filter(codename__in=spec["permissions"]):
        for forum in Forum.objects.all():
            GroupForumPermission.objects.get_or_create(
                forum=forum, group=group, permission=permission, defaults={"has_perm": True}
            )


def _member(name: str):
    User = get_user_model()
    email = content("forum")["authors"].get(name)
    if email:
        return User.objects.filter(email=email).first()
    return User.objects.filter(email__startswith=f"{name}@").first()


def _post(topic, author, text, *, when, approved=True):
    post = Post.objects.create(
        topic=topic,
        poster=author,
        subject=topic.subject if topic.first_post_id is None else f"Re: {topic.subject}"[:255],
        content=text,
        approved=approved,
    )
    Post.objects.filter(pk=post.pk).update(created=when, updated=when)
    return post


def _topic(forum, spec: dict, author, now) -> Topic:
    """A topic, its question and its replies 3 hours apart, and its accepted answer."""
    start = now - timedelta(days=spec["days_ago"], hours=3)
    topic = Topic.objects.create(
        forum=forum,
        poster=author,
        subject=spec["subject"],
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
    )
    _post(topic, author, spec["question"], when=start)
    solution = None
    for index, reply in enumerate(spec.get("replies", [])):
        when = min(start + timedelta(hours=3 * (index + 1)), now)
        post = _post(topic, _member(reply["author"]), reply["text"], when=when)
        if reply.get("solution"):
            solution = post
    Topic.objects.filter(pk=topic.pk).update(created=start)
    topic.refresh_from_db()
    topic.update_trackers()
    if solution is not None:
        TopicSolution.objects.create(topic=topic, post=solution, accepted_by=author)
    return topic


def seed_discussions(log) -> None:
    data = content("forum")
    forums = {forum.name: forum for forum in Forum.objects.all()}
    now = timezone.now()
    for spec in data["topics"]:
        topic = Topic.objects.filter(subject=spec["subject"]).first()
        author = _member(spec["asker"])
        if topic is None and author is not None:
            topic = _topic(forums[spec["forum"]], spec, author, now)
        if topic is None or "reactions" not in spec:
            continue
        posts = list(topic.posts.order_by("created"))
        for reaction in spec["reactions"]:
            post = posts[reaction["post"]]
            user = _member(reaction["member"])
            if user is not None and user.pk != post.poster_id:
                Reaction.objects.get_or_create(post=post, user=user, kind=reaction["kind"])
    _pending(data["pending"], forums, now)
    log(f"{Topic.objects.count()} forum topics, {Post.objects.count()} messages")


def _pending(spec: dict, forums, now) -> None:
    """A brand-new member's first message, waiting in the moderation queue."""
    if Topic.objects.filter(subject=spec["subject"]).exists():
        return
    author = spec["author"]
    newcomer, created = get_user_model().objects.get_or_create(
        email=author["email"],
        defaults={
            "first_name": author["first_name"],
            "last_name": author["last_name"],
            "is_active": True,
        },
    )
    if created:
        newcomer.set_unusable_password()
        newcomer.save()
    topic = Topic.objects.create(
        forum=forums[spec["forum"]],
        poster=newcomer,
        subject=spec["subject"],
        type=Topic.TOPIC_POST,
        status=Topic.TOPIC_UNLOCKED,
        approved=False,
    )
    _post(topic, newcomer, spec["text"], when=now - timedelta(hours=5), approved=False)
    topic.refresh_from_db()
    topic.update_trackers()


def seed_poll(log) -> None:
    for spec in content("forum")["topics"]:
        if "poll" not in spec:
            continue
        poll_spec = spec["poll"]
        topic = Topic.objects.filter(subject=spec["subject"]).first()
        if topic is None or TopicPoll.objects.filter(topic=topic).exists():
            continue
        poll = TopicPoll.objects.create(topic=topic, question=poll_spec["question"], max_options=1)
        options = [TopicPollOption.objects.create(poll=poll, text=t) for t in poll_spec["choices"]]
        for vote in poll_spec["votes"]:
            voter = _member(vote["member"])
            if voter is not None:
                TopicPollVote.objects.create(poll_option=options[vote["choice"]], voter=voter)
        log(f"1 poll, {TopicPollVote.objects.filter(poll_option__poll=poll).count()} votes")
