"""What a member gets before choosing anything: a reply to their question and a mention come
by email at once, the rest of the forum's news in the daily digest — within the consent rule
(no email once the member turns notification emails off)."""

import pytest
from django.core import mail

from hub.accounts.tests.factories import UserFactory
from hub.notifications.kinds import DIGEST, EMAIL
from hub.notifications.models import Notification
from hub.notifications.selectors import preferences_for
from hub.privacy.services import privacy_for

from .conftest import reply_url

pytestmark = pytest.mark.django_db


def test_a_new_member_gets_replies_to_their_questions_and_mentions_by_email():
    defaults = {kind.code: delivery for kind, delivery in preferences_for(user=UserFactory())}
    assert defaults["forum.answer"] == EMAIL
    assert defaults["forum.mention"] == EMAIL
    for code in ("forum.reply", "forum.new_topic", "forum.reaction", "forum.solution"):
        assert defaults[code] == DIGEST, code


def test_a_reply_to_a_question_emails_the_asker_at_once(
    client, question, asker, helper, django_capture_on_commit_callbacks
):
    client.force_login(helper)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url(question), {"subject": "Re", "content": "Essayez un CRM libre."})
    note = Notification.objects.get(recipient=asker, kind="forum.answer")
    assert note.email_delivery == EMAIL
    assert [m.to for m in mail.outbox] == [[asker.email]]
    assert "a répondu à votre question" in mail.outbox[0].subject + mail.outbox[0].body


def test_no_email_once_the_member_turned_notification_emails_off(
    client, question, asker, helper, django_capture_on_commit_callbacks
):
    privacy = privacy_for(asker)
    privacy.email_notifications = False
    privacy.save()
    client.force_login(helper)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reply_url(question), {"subject": "Re", "content": "Essayez un CRM libre."})
    assert Notification.objects.filter(recipient=asker, kind="forum.answer").exists()
    assert mail.outbox == []


def test_a_mention_emails_the_member_named(question, asker, helper):
    from .factories import PostFactory

    PostFactory(topic=question, poster=asker, content="Merci @karim.b!")
    assert Notification.objects.get(recipient=helper, kind="forum.mention").email_delivery == EMAIL


def test_moderators_kinds_are_offered_to_moderators_only(client, help_forum):
    from .test_held_posts import forum_moderator

    member, moderator = UserFactory(), forum_moderator(help_forum)
    member_codes = {kind.code for kind, _ in preferences_for(user=member)}
    assert "forum.answer" in member_codes
    assert not {"forum.pending", "forum.report"} & member_codes
    assert {"forum.pending", "forum.report"} <= {k.code for k, _ in preferences_for(user=moderator)}
    client.force_login(member)
    assert "(modération)" not in client.get("/fr/notifications/preferences/").content.decode()
