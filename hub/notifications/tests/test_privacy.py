from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from hub.accounts.services import member_delete, member_export
from hub.notifications.models import DigestRun, Notification, NotificationPreference
from hub.notifications.services import digest_send, notify, preferences_set

pytestmark = pytest.mark.django_db


def test_the_data_download_holds_notifications_and_preferences(test_kinds, make_member, topic):
    ana = make_member()
    notify(recipients=[ana], kind="test.reply", target=topic, url="/fr/t/1/")
    preferences_set(user=ana, deliveries={"test.reply": "digest"})
    data = member_export(user=ana)["notifications"]
    assert data["preferences"]["test.reply"] == "digest"
    assert [item["url"] for item in data["items"]] == ["/fr/t/1/"]


def test_a_member_who_leaves_takes_their_notifications_and_their_name_with_them(
    test_kinds, make_member, topic
):
    ana = make_member(first_name="Ana", last_name="Lopez")
    ben = make_member(first_name="Ben", last_name="Roy")
    notify(recipients=[ana], kind="test.digest", target=topic)
    preferences_set(user=ana, deliveries={"test.reply": "email"})
    digest_send(user=ana, now=datetime(2026, 11, 30, 12, tzinfo=ZoneInfo("America/Toronto")))
    notify(recipients=[ben], kind="test.reply", actor=ana, target=topic)

    member_delete(user=ana)

    assert not Notification.objects.filter(recipient=ana).exists()
    assert not NotificationPreference.objects.filter(user=ana).exists()
    assert not DigestRun.objects.filter(recipient=ana).exists()
    about_ana = Notification.objects.get(recipient=ben)
    assert "Ana L." not in about_ana.text
    assert about_ana.text.startswith("Membre supprimé") or about_ana.text.startswith(
        "Deleted member"
    )
    assert about_ana.actor is None
