"""Member profiles follow the member's privacy choice; reading a topic clears its
notifications (and so the email that would have reported them)."""

import pytest

from hub.notifications.models import Notification
from hub.privacy.models import MemberPrivacy

from .conftest import reply_url, topic_url

pytestmark = pytest.mark.django_db


def profile_url(member):
    return f"/fr/forum/member/profile/{member.pk}/"


def test_a_profile_is_private_by_default(client, helper, asker, site):
    client.force_login(helper)
    html = client.get(profile_url(asker)).content.decode()
    assert "Nadia B." in html
    assert "garde son profil privé" in html
    assert "Cuisine collective Hochelaga" not in html
    assert client.get(profile_url(asker) + "posts/").status_code == 404


def test_anonymous_visitors_never_see_a_profile(client, asker, site):
    MemberPrivacy.objects.update_or_create(
        user=asker, defaults={"profile_visibility": MemberPrivacy.Visibility.MEMBERS}
    )
    html = client.get(profile_url(asker)).content.decode()
    assert "Cuisine collective Hochelaga" not in html


def test_a_member_who_opens_their_profile_is_seen_by_members(client, helper, asker, site):
    MemberPrivacy.objects.update_or_create(
        user=asker, defaults={"profile_visibility": MemberPrivacy.Visibility.MEMBERS}
    )
    client.force_login(helper)
    html = client.get(profile_url(asker)).content.decode()
    assert "Cuisine collective Hochelaga" in html
    assert client.get(profile_url(asker) + "posts/").status_code == 200


def test_reading_the_topic_marks_its_notifications_read(client, helper, asker, question, site):
    client.force_login(helper)
    client.post(reply_url(question), {"subject": "Re", "content": "Essayez un CRM libre."})
    note = Notification.objects.get(recipient=asker, kind="forum.answer")
    assert note.read_at is None
    client.force_login(asker)
    assert client.get(topic_url(question)).status_code == 200
    note.refresh_from_db()
    assert note.read_at is not None
