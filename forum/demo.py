"""Forum categories of the programme and demo discussions (run by `manage.py seed_demo`).

Idempotent: forums, permissions and topics are found by name/subject before being created."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post, Topic
from machina.apps.forum_permission.models import (
    ForumPermission,
    GroupForumPermission,
    UserForumPermission,
)

ORDER = 40

# (name, description, public): public forums are readable by visitors who are not signed in.
FORUMS = [
    (
        "Demandes d'aide",
        "Posez votre question : d'autres intervenant·es y ont peut-être déjà répondu.",
        True,
    ),
    (
        "Outils et logiciels",
        "Logiciels de gestion, outils collaboratifs, bureautique, sites Web.",
        True,
    ),
    ("Cybersécurité", "Mots de passe, sauvegardes, hameçonnage : protéger votre organisme.", True),
    (
        "Données et gouvernance",
        "Collecter, protéger et utiliser les données de votre organisme (Loi 25).",
        True,
    ),
    (
        "Financement et bourses",
        "Subventions, bourses et programmes pour financer votre virage numérique.",
        True,
    ),
    ("Vie de la communauté", "Présentations, bons coups et nouvelles des organismes.", True),
    ("Annonces", "Nouvelles du programme DATAide.", True),
    (
        "Espace équipe et formateurs",
        "Réservé à l'équipe du programme et aux formateur·trices.",
        False,
    ),
]

ANONYMOUS_READ = ["can_see_forum", "can_read_forum"]


# The "Modération" group of hub/accounts/demo.py moderates every forum.
MODERATOR_GROUP = "Modération"
MODERATOR_PERMISSIONS = [
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
]
SPECIAL_AUTHORS = {"marie-eve": "moderation@dataide.example"}


def seed(log) -> None:
    seed_forums(log)
    seed_moderators()
    seed_discussions(log)
    seed_poll(log)


def seed_poll(log) -> None:
    from machina.apps.forum_conversation.forum_polls.models import (
        TopicPoll,
        TopicPollOption,
        TopicPollVote,
    )

    from .demo_content import POLL

    subject, question, choices, votes = POLL
    topic = Topic.objects.filter(subject=subject).first()
    if topic is None or TopicPoll.objects.filter(topic=topic).exists():
        return
    poll = TopicPoll.objects.create(topic=topic, question=question, max_options=1)
    options = [TopicPollOption.objects.create(poll=poll, text=text) for text in choices]
    for member, index in votes:
        voter = _member(member)
        if voter is not None:
            TopicPollVote.objects.create(poll_option=options[index], voter=voter)
    log(f"1 poll, {TopicPollVote.objects.filter(poll_option__poll=poll).count()} votes")


def seed_forums(log) -> None:
    for name, description, public in FORUMS:
        forum = Forum.objects.filter(name=name).first()
        if forum is None:
            forum = Forum.objects.create(name=name, description=description, type=Forum.FORUM_POST)
        if public:
            for codename in ANONYMOUS_READ:
                UserForumPermission.objects.get_or_create(
                    forum=forum,
                    anonymous_user=True,
                    permission=ForumPermission.objects.get(codename=codename),
                    defaults={"has_perm": True},
                )
        else:
            # Members get every default permission on all forums; this one stays closed to them.
            for permission in ForumPermission.objects.filter(codename__in=ANONYMOUS_READ):
                UserForumPermission.objects.get_or_create(
                    forum=forum,
                    authenticated_user=True,
                    permission=permission,
                    defaults={"has_perm": False},
                )
    log(f"{Forum.objects.count()} forums")


def seed_moderators() -> None:
    group, _ = Group.objects.get_or_create(name=MODERATOR_GROUP)
    for permission in ForumPermission.objects.filter(codename__in=MODERATOR_PERMISSIONS):
        for forum in Forum.objects.all():
            GroupForumPermission.objects.get_or_create(
                forum=forum, group=group, permission=permission, defaults={"has_perm": True}
            )


def _member(name: str):
    User = get_user_model()
    email = SPECIAL_AUTHORS.get(name)
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


def seed_discussions(log) -> None:
    from .demo_content import PENDING, REACTIONS, TOPICS
    from .models import Reaction, TopicSolution

    forums = {forum.name: forum for forum in Forum.objects.all()}
    now = timezone.now()
    topics = []
    for forum_name, asker, subject, question, replies, solution, days_ago in TOPICS:
        topic = Topic.objects.filter(subject=subject).first()
        author = _member(asker)
        if topic is None and author is not None:
            start = now - timedelta(days=days_ago, hours=3)
            topic = Topic.objects.create(
                forum=forums[forum_name],
                poster=author,
                subject=subject,
                type=Topic.TOPIC_POST,
                status=Topic.TOPIC_UNLOCKED,
            )
            _post(topic, author, question, when=start)
            posts = []
            for index, (replier, text) in enumerate(replies):
                when = min(start + timedelta(hours=3 * (index + 1)), now)
                posts.append(_post(topic, _member(replier), text, when=when))
            Topic.objects.filter(pk=topic.pk).update(created=start)
            topic.refresh_from_db()
            topic.update_trackers()
            if solution is not None:
                TopicSolution.objects.create(topic=topic, post=posts[solution], accepted_by=author)
        topics.append(topic)
    for topic_index, reply_index, member, kind in REACTIONS:
        topic = topics[topic_index]
        if topic is None:
            continue
        posts = list(topic.posts.order_by("created"))
        post = posts[0 if reply_index < 0 else reply_index + 1]
        user = _member(member)
        if user is not None and user.pk != post.poster_id:
            Reaction.objects.get_or_create(post=post, user=user, kind=kind)
    forum_name, subject, text = PENDING
    if not Topic.objects.filter(subject=subject).exists():
        newcomer, created = get_user_model().objects.get_or_create(
            email="sam@exemple.org",
            defaults={"first_name": "Sam", "last_name": "Nouveau", "is_active": True},
        )
        if created:
            newcomer.set_unusable_password()
            newcomer.save()
        topic = Topic.objects.create(
            forum=forums[forum_name],
            poster=newcomer,
            subject=subject,
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=False,
        )
        _post(topic, newcomer, text, when=now - timedelta(hours=5), approved=False)
        topic.refresh_from_db()
        topic.update_trackers()
    log(f"{Topic.objects.count()} forum topics, {Post.objects.count()} messages")
