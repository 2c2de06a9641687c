"""The one digest: every room's section (hub.extensions.digest_sections), in the member's
language, only to members who have not visited since the last one, idempotent, with a
one-click unsubscribe per section (signed token, no login, List-Unsubscribe headers).
Runs on SQLite and, with DATABASE_URL, on PostgreSQL."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from machina.apps.forum_conversation.models import Topic

from cms import services as cms_services
from cms.tests.factories import make_resource
from events.models import Registration
from events.tests.factories import event_page
from forum.tests.factories import PostFactory, topic_with_first_post
from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import DigestRun, DigestSubscription
from hub.notifications.services import digest_send, digests_send_all

pytestmark = pytest.mark.django_db

HEADINGS_FR = {
    "forum.new_answers": "Nouvelles réponses à mes questions",
    "cms.new_resources": "Nouvelles ressources sur mes thèmes",
    "events.new_events": "Nouveaux événements sur mes thèmes",
    "events.upcoming": "Mes prochaines inscriptions",
    "forum.unanswered": "Questions sans réponse dans mes thèmes",
}


@pytest.fixture(autouse=True)
def any_hour(settings):
    settings.HUB_NOTIFICATION_DIGEST_HOUR = 0  # the command reads the real clock


def member_with_news(world, **fields):
    """A member with something new in every section."""
    member = UserFactory(**fields)
    cms_services.theme_follow_set(user=member, theme=world["theme"], follow=True)
    make_resource(world["library"], title="Hameçonnage : les signes", themes=[world["theme"]])
    event_page(index=world["events"], title="Webinaire cyber", themes=[world["theme"]])
    registered = event_page(index=world["events"], title="Atelier mots de passe")
    Registration.objects.create(event=registered, user=member, status=Registration.Status.CONFIRMED)
    mine = topic_with_first_post(forum=world["forum"], poster=member, subject="Ma question")
    PostFactory(topic=mine, poster=UserFactory(), content="Voici une réponse.")
    topic_with_first_post(forum=world["forum"], subject="Une question sans réponse")
    return member


def run_command() -> None:
    call_command("send_notification_digests", stdout=io.StringIO())


def test_running_the_digest_twice_sends_one_email_with_every_rooms_section(world):
    member = member_with_news(world, email="ana@exemple.org")

    run_command()
    run_command()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@exemple.org"]
    for heading in HEADINGS_FR.values():
        assert heading in message.body, heading
    for title in (
        "Hameçonnage : les signes",
        "Webinaire cyber",
        "Atelier mots de passe",
        "Ma question",
        "Une question sans réponse",
    ):
        assert title in message.body, title
    assert message.subject == "[DATAide] Votre journée sur DATAide : 5 nouveautés"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert DigestRun.objects.filter(recipient=member, sent=True).count() == 1


def test_the_digest_is_written_in_the_members_language(world):
    member_with_news(world, email="ben@exemple.org", preferred_language="en")
    digests_send_all()
    body = mail.outbox[0].body
    assert "New answers to my questions" in body and "New resources on my themes" in body
    assert "Nouvelles réponses" not in body


def test_only_members_who_have_not_visited_since_the_last_digest_get_one(world):
    now = timezone.now()
    away = member_with_news(world, email="absente@exemple.org")
    here = member_with_news(world, email="presente@exemple.org")
    for member in (away, here):
        DigestRun.objects.create(recipient=member, created_at=now - timedelta(days=1, hours=1))
    away.last_seen_at = now - timedelta(days=2)
    here.last_seen_at = now - timedelta(hours=3)  # came by after yesterday's digest
    for member in (away, here):
        member.save(update_fields=["last_seen_at"])

    digests_send_all(now=now)

    assert [m.to for m in mail.outbox] == [["absente@exemple.org"]]
    # The member who came by is looked at once for the day, not at every run.
    assert DigestRun.objects.filter(
        recipient=here, created_at__gte=now - timedelta(minutes=1)
    ).exists()
    digests_send_all(now=now + timedelta(minutes=5))
    assert len(mail.outbox) == 1


def _section_link(body: str, heading: str) -> str:
    part = body.split(f"== {heading} ==", 1)[1]
    return re.search(r"https?://\S+/resume/desabonnement/\S+/", part).group(0)


def test_one_click_stops_one_section_without_signing_in(client, world):
    member = member_with_news(world, email="ana@exemple.org")
    digest_send(user=member)
    link = _section_link(mail.outbox[0].body, HEADINGS_FR["cms.new_resources"])
    path = link.split("://", 1)[1].split("/", 1)[1]

    page = client.get("/" + path)  # a link preview: shows a button, stops nothing
    assert (
        page.status_code == 200 and "Nouvelles ressources sur mes thèmes" in page.content.decode()
    )
    assert not DigestSubscription.objects.filter(user=member).exists()
    assert client.post("/" + path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert DigestSubscription.objects.get(user=member).sections_off == ["cms.new_resources"]

    make_resource(world["library"], title="Encore une ressource", themes=[world["theme"]])
    PostFactory(topic=Topic.objects.get(poster=member), poster=UserFactory(), content="Encore.")
    digest_send(user=member, now=timezone.now() + timedelta(days=1))
    assert len(mail.outbox) == 2
    assert "Nouvelles ressources sur mes thèmes" not in mail.outbox[1].body
    assert "Nouvelles réponses à mes questions" in mail.outbox[1].body


def test_the_list_unsubscribe_link_stops_the_whole_digest(client, world):
    member = member_with_news(world, email="ana@exemple.org")
    digest_send(user=member)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert DigestSubscription.objects.get(user=member).frequency == "off"
    assert digest_send(user=member, now=timezone.now() + timedelta(days=1)) is None


def test_a_forged_or_hostile_token_is_a_404(client):
    for token in ("abc", "x" * 500, "'--", "%00"):
        assert client.get(f"/fr/notifications/resume/desabonnement/{token}/").status_code in (
            400,
            404,
        )


def test_upcoming_registrations_alone_send_no_email(world):
    member = UserFactory(email="ana@exemple.org")
    registered = event_page(index=world["events"], title="Atelier")
    Registration.objects.create(event=registered, user=member, status=Registration.Status.CONFIRMED)
    assert digest_send(user=member) is None
    assert mail.outbox == []


def test_a_weekly_digest_leaves_once_a_week(world):
    member = member_with_news(world, email="ana@exemple.org")
    DigestSubscription.objects.create(user=member, frequency="weekly")
    monday = timezone.localtime(timezone.now()).replace(hour=9)
    monday -= timedelta(days=monday.weekday())
    assert digest_send(user=member, now=monday) is not None
    make_resource(world["library"], title="Nouvelle", themes=[world["theme"]])
    assert digest_send(user=member, now=monday + timedelta(days=3)) is None  # same week
    assert len(mail.outbox) == 1


def test_the_preferences_page_sets_frequency_and_sections(client, world):
    member = UserFactory(email="ana@exemple.org")
    client.force_login(member)
    html = client.get("/fr/notifications/preferences/").content.decode()
    assert "Mon courriel résumé" in html and "Questions sans réponse dans mes thèmes" in html
    response = client.post(
        "/fr/notifications/preferences/resume/",
        {"frequency": "weekly", "sections": ["forum.new_answers"]},
    )
    assert response.status_code == 302
    subscription = DigestSubscription.objects.get(user=member)
    assert (
        subscription.frequency == "weekly" and "forum.new_answers" not in subscription.sections_off
    )
    assert "cms.new_resources" in subscription.sections_off
    assert (
        client.post("/fr/notifications/preferences/resume/", {"frequency": "x"}).status_code == 400
    )


def test_the_digests_empty_notes_go_after_a_week_and_sent_ones_stay(world):
    from hub.notifications.retention import notifications_purge

    member = UserFactory()
    now = timezone.now()
    old = now - timedelta(days=9)
    DigestRun.objects.create(recipient=member, created_at=old, items=0, sent=False)
    DigestRun.objects.create(recipient=member, created_at=old, items=3, sent=True)
    DigestRun.objects.create(recipient=member, created_at=now, items=0, sent=False)
    assert notifications_purge(now=now, days=365) == 1
    assert sorted(DigestRun.objects.values_list("items", flat=True)) == [0, 3]
