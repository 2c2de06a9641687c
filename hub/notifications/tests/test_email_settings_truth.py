"""The notification settings tell one truth: "Mon espace" and the preferences page say how
many kinds come by email at once and in the digest, and say so no more once the member has
turned notification emails off in their privacy choices."""

import pytest

from hub.accounts.tests.factories import UserFactory
from hub.privacy.services import privacy_for

pytestmark = pytest.mark.django_db


def turn_notification_emails_off(member):
    privacy = privacy_for(member)
    privacy.email_notifications = False
    privacy.save()


def test_my_space_counts_emails_at_once_and_in_the_digest(client, test_kinds):
    member = UserFactory()
    client.force_login(member)
    html = client.get("/fr/mon-espace/").content.decode()
    assert "0 type de notification par courriel" not in html
    # test_kinds: one kind by email at once, one in the digest (and the rooms' own kinds).
    assert "Par courriel dès que ça arrive :" in html
    assert "Dans le résumé quotidien par courriel :" in html


def test_once_notification_emails_are_off_every_page_says_so(client, test_kinds):
    member = UserFactory()
    turn_notification_emails_off(member)
    client.force_login(member)
    off = "Les courriels de notification sont désactivés dans vos choix de confidentialité"
    dashboard = client.get("/fr/mon-espace/").content.decode()
    assert off in dashboard
    assert "Par courriel dès que ça arrive" not in dashboard
    preferences = client.get("/fr/notifications/preferences/").content.decode()
    assert off in preferences


def test_the_preferences_page_says_emails_are_on_and_where_to_stop_them(client, test_kinds):
    client.force_login(UserFactory())
    html = client.get("/fr/notifications/preferences/").content.decode()
    assert "Les courriels de notification sont activés" in html
    assert "Les courriels de notification sont désactivés" not in html
