"""The Wagtail admin's menu leads moderators to the forum's reports, and Wagtail's own
reports keep their name ("Rapports"): the forum's "Signalements" once took it over."""

import pytest
from django.contrib.auth.models import Group

from hub.accounts.tests.factories import UserFactory

from .factories import moderators_group

pytestmark = pytest.mark.django_db


def _menu(client, user) -> str:
    client.force_login(user)
    return client.get("/admin/").text


def test_wagtail_reports_are_rapports_and_moderators_find_the_forum_reports(client, forums):
    moderator = UserFactory(first_name="Mo", last_name="Dération")
    moderator.groups.add(moderators_group(), Group.objects.get(name="Rédaction"))
    html = _menu(client, moderator)
    assert "Rapports" in html
    assert "Signalements du forum" in html and "/fr/forum/signalements/" in html


def test_an_editor_who_does_not_moderate_sees_no_forum_reports(client, forums):
    editor = UserFactory(first_name="Rita", last_name="Rédaction")
    editor.groups.add(Group.objects.get(name="Rédaction"))
    html = _menu(client, editor)
    assert "Signalements du forum" not in html
    assert "Signalements" not in html  # Wagtail's reports are "Rapports"


def test_the_forum_still_calls_its_reports_signalements(client, forums):
    moderator = UserFactory(first_name="Mo", last_name="Dération")
    moderator.groups.add(moderators_group())
    client.force_login(moderator)
    html = client.get("/fr/forum/signalements/").text
    assert "Signalements" in html
