"""An event first published on a theme a member follows notifies them (kind
events.theme_event), in their language; Mon espace shows the join button while it is live."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms import services as cms_services
from cms.tests.factories import make_theme
from events.models import EventPage, Registration
from hub.notifications.models import Notification

from .factories import event_page, event_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def cyber(site):
    return make_theme(slug="cybersecurite", name="Cybersécurité")


def test_a_new_event_on_a_followed_theme_notifies_followers_in_their_language(
    index, cyber, make_member
):
    ana = make_member(email="ana@exemple.org")
    ben = make_member(email="ben@exemple.org", preferred_language="en")
    nobody = make_member(email="autre@exemple.org")
    for member in (ana, ben):
        cms_services.theme_follow_set(user=member, theme=cyber, follow=True)
    page = index.add_child(
        instance=EventPage(
            title="Webinaire : l'hameçonnage",
            slug="hameconnage",
            start=timezone.now() + timedelta(days=3),
            platform="Zoom",
        )
    )
    page.themes.set([cyber])
    event_translation(page, title="Webinar: phishing")  # before the original goes live
    page.save_revision().publish()

    rows = {n.recipient_id: n for n in Notification.objects.filter(kind="events.theme_event")}
    assert set(rows) == {ana.pk, ben.pk} and nobody.pk not in rows
    assert "hameçonnage" in rows[ana.pk].text
    assert "phishing" in rows[ben.pk].text and rows[ben.pk].url.startswith("/en/")
    page.refresh_from_db()  # as the admin does: edit the page as stored
    page.save_revision().publish()  # a new revision is not news again
    assert Notification.objects.filter(kind="events.theme_event").count() == 2


def test_a_past_or_cancelled_event_or_another_theme_notifies_no_one(index, cyber, make_member):
    ana = make_member(email="ana@exemple.org")
    cms_services.theme_follow_set(user=ana, theme=cyber, follow=True)
    other = make_theme(slug="donnees", name="Données")
    event_page(index=index, themes=[other])
    event_page(index=index, themes=[cyber], start=timezone.now() - timedelta(days=3))
    event_page(index=index, themes=[cyber], cancelled=True)
    assert not Notification.objects.filter(recipient=ana).exists()


def test_my_space_shows_the_join_button_while_the_event_is_live(client, index, make_member):
    ana = make_member(email="ana@exemple.org")
    live = event_page(index=index, start=timezone.now() - timedelta(minutes=5))
    later = event_page(index=index, start=timezone.now() + timedelta(days=2))
    for page in (live, later):
        Registration.objects.create(event=page, user=ana, status=Registration.Status.CONFIRMED)
    client.force_login(ana)
    html = client.get(reverse("accounts:dashboard")).content.decode()
    assert html.count("Rejoindre maintenant") == 1
    assert reverse("events:join", args=[live.pk]) in html
