"""Rows the rehearsal's checks need, beside the demo content (`seed_demo`): members with a
signed-in session each (made here, not by typing passwords: 200 PBKDF2 logins would cost a
minute of the shared CPU), a topic they follow, events to register for, a private forum
attachment and a public picture. Writes what the checks need to know as JSON.

Run with the rehearsal's production environment: `python -m rehearsal.setup_data OUT.json`."""

import hashlib
import json
import os
import sys
from datetime import timedelta
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from machina.apps.forum_conversation.forum_attachments.models import Attachment  # noqa: E402

from events.tests.factories import event_page, event_translation  # noqa: E402
from forum.tests.factories import (  # noqa: E402
    PostFactory,
    TopicFactory,
    programme_forums,
    topic_with_first_post,
)
from hub.accounts.tests.factories import UserFactory  # noqa: E402

MEMBERS = int(os.environ.get("REHEARSAL_MEMBERS", "50"))
# 1x1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def session_for(user) -> str:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


WELCOME = "Présentez-vous (répétition)"


def member(email: str, **fields):
    """A member who has posted before (their posts need no approval), found again if they
    exist. Their first post goes in one welcome topic: factories' own sub-objects would
    collide with the rows of an earlier run (sequences restart in each process)."""
    from machina.apps.forum_conversation.models import Topic

    from hub.accounts.models import User

    user = User.objects.filter(email=email).first()
    if user is None:
        user = UserFactory(email=email, **fields)
        topic = Topic.objects.filter(subject=WELCOME).first() or TopicFactory(
            forum=programme_forums()["Demandes d'aide"], poster=user, subject=WELCOME
        )
        PostFactory(topic=topic, poster=user, content=f"Bonjour de {user.pk}!")
    return user


def members_bulk(emails: list[str]) -> list:
    """Many members at once, established (one approved post each) and verified, written in
    bulk: one post at a time ran the forum's signals, and each new poster of the welcome
    topic notified every earlier one (n² rows: minutes for 300 members)."""
    from allauth.account.models import EmailAddress
    from machina.apps.forum_conversation.models import Post

    from hub.accounts.models import User

    existing = {u.email: u for u in User.objects.filter(email__in=emails)}
    missing = [e for e in emails if e not in existing]
    if missing:
        first = member(missing[0])  # makes the welcome topic; its post the usual way
        model = User(email="x@exemple.org")
        model.set_password("repetition-" + missing[0])  # never typed: sessions are made here
        created = User.objects.bulk_create(
            [
                User(
                    email=e,
                    handle=e.split("@")[0],
                    first_name="Membre",
                    last_name="Répétition",
                    password=model.password,
                )
                for e in missing[1:]
            ]
        )
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created]
        )
        topic = first.posts.first().topic
        Post.objects.bulk_create(
            [
                Post(topic=topic, poster=u, subject=WELCOME, content="Bonjour!", approved=True)
                for u in created
            ]
        )
        existing.update({u.email: u for u in [first, *created]})
    return [existing[e] for e in emails]


def topic_path(topic) -> str:
    forum = topic.forum
    return f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/"


def attachment_path(attachment) -> str:
    from django.urls import reverse
    from django.utils import translation

    with translation.override("fr"):
        return reverse("forum_conversation:attachment", kwargs={"pk": attachment.pk})


@transaction.atomic
def build() -> dict:
    forums = programme_forums()
    open_forum = forums["Demandes d'aide"]
    staff_forum = forums["Espace équipe et formateurs"]
    staff = member("repetition-staff@exemple.org", is_staff=True, is_superuser=True)
    replier = member("repetition-repond@exemple.org", first_name="Rémi")
    members = members_bulk([f"repetition-{n:03d}@exemple.org" for n in range(MEMBERS)])
    topic = topic_with_first_post(
        forum=open_forum, poster=replier, subject="Répétition générale : on se prépare"
    )
    topic.subscribers.add(*members)
    fault_topics = []
    for number in range(45):  # fault 1 writes in 24, fault 2 in up to 21
        fault = topic_with_first_post(forum=open_forum, poster=staff, subject=f"Panne {number}")
        fault.subscribers.add(*members)
        fault_topics.append({"id": fault.pk, "path": topic_path(fault)})
    secret = f"Budget interne {timezone.now().isoformat()}".encode()
    staff_topic = topic_with_first_post(forum=staff_forum, poster=staff, subject="Budget interne")
    attachment = Attachment.objects.create(
        post=staff_topic.first_post, file=SimpleUploadedFile("budget.pdf", secret)
    )
    start = timezone.now() + timedelta(days=10)
    full = event_page(
        title="Atelier limité (répétition)", slug="atelier-limite", capacity=20, start=start
    )
    event_translation(full, title="Limited workshop (rehearsal)")
    open_event = event_page(
        title="Webinaire ouvert (répétition)", slug="webinaire-ouvert", start=start
    )
    event_translation(open_event, title="Open webinar (rehearsal)")
    media = Path(settings.MEDIA_ROOT) / "repetition" / "point.png"
    media.parent.mkdir(parents=True, exist_ok=True)
    media.write_bytes(PNG)
    return {
        "staff": {"id": staff.pk, "session": session_for(staff)},
        "replier": {"id": replier.pk, "session": session_for(replier)},
        "members": [{"id": m.pk, "session": session_for(m)} for m in members],
        "topic": {"id": topic.pk, "path": topic_path(topic)},
        "fault_topics": fault_topics,
        "attachment": {
            "path": attachment_path(attachment),
            "sha256": hashlib.sha256(secret).hexdigest(),
            "stored": attachment.file.name,
        },
        "full_event": {"id": full.pk, "capacity": full.capacity, "path": full.get_url()},
        "open_event": {"id": open_event.pk, "path": open_event.get_url()},
        "media": {"path": "/media/repetition/point.png", "sha256": hashlib.sha256(PNG).hexdigest()},
    }


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(build(), indent=1))
