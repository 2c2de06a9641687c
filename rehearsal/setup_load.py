"""Members and addresses for the load test (rehearsal/locustfile.py): 300 members with a
session each, the library's and forum's real pages (from the demo content), topics to reply
in, an event to register for, and 50 listeners whose bells measure the notification delay.
`python -m rehearsal.setup_load OUT.json`"""

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.production")
django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from machina.apps.forum_conversation.models import Topic  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from cms.models.pages import ResourceIndexPage, ResourcePage  # noqa: E402
from events.tests.factories import event_page  # noqa: E402
from forum.tests.factories import programme_forums, topic_with_first_post  # noqa: E402

from .setup_data import member, members_bulk, session_for, topic_path  # noqa: E402

USERS = int(os.environ.get("REHEARSAL_LOAD_USERS", "300"))
LISTENERS = 50


@transaction.atomic
def build() -> dict:
    fr = Locale.objects.get(language_code="fr")
    forum = programme_forums()["Demandes d'aide"]
    users = members_bulk([f"charge-{n:03d}@exemple.org" for n in range(USERS)])
    listeners = members_bulk([f"ecoute-{n:03d}@exemple.org" for n in range(LISTENERS)])
    probe = member("charge-sonde@exemple.org")
    probe_topic = topic_with_first_post(forum=forum, poster=probe, subject="Sonde de la charge")
    probe_topic.subscribers.add(*listeners)
    reply_topics = []
    for number in range(20):
        topic = topic_with_first_post(forum=forum, poster=probe, subject=f"Charge {number}")
        topic.subscribers.add(*users[number::20])  # each reply notifies 15 members
        reply_topics.append(topic_path(topic))
    start = timezone.now() + timedelta(days=20)
    event = event_page(title="Grande conférence (charge)", slug="grande-conference", start=start)
    library = ResourceIndexPage.objects.filter(locale=fr).live().first()
    resources = ResourcePage.objects.filter(locale=fr).live()[:20]
    # Topics every member may read (not the staff forum's: a 403 there is no error of ours).
    readable = [f.pk for name, f in programme_forums().items() if "équipe" not in name]
    demo_topics = Topic.objects.filter(approved=True, forum_id__in=readable).exclude(
        subject__regex=r"^(Panne|Charge|Sonde|Présentez)"
    )
    return {
        "users": [session_for(u) for u in users],
        "listeners": [{"id": u.pk, "session": session_for(u)} for u in listeners],
        "probe": {"session": session_for(probe), "topic": topic_path(probe_topic)},
        "reply_topics": reply_topics,
        "topics": [topic_path(t) for t in demo_topics[:30]],
        "library": library.get_url() if library else "/fr/",
        "resources": [page.get_url() for page in resources],
        "event": {"id": event.pk, "path": event.get_url()},
        "searches": ["données", "securite", "bénévoles", "budget", "courriel"],
    }


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(build(), indent=1))
