"""Migration 0004 moves events from their own themes (events.EventTheme) onto the library's
(cms.Theme) without losing a registration, a revision's themes or a feed's address."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from cms.models import Theme
from events.models import EventPage, FormerThemeSlug, Registration

from .factories import event_theme

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("events", "0002_registration_sequence_theme_updated_at")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def feed_uids(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return {str(event["UID"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_event_themes_move_onto_the_librarys_themes_and_keep_their_feeds(make_event, member):
    governance = event_theme(
        "gouvernance-des-donnees", "Gouvernance des données", ("data-governance", "Data governance")
    )
    event_theme("outils-collaboratifs", "Outils collaboratifs", ("collaboration-tools", "Tools"))
    privacy, tools, both, untagged = (make_event() for _ in range(4))
    Registration.objects.create(event=privacy, user=member, status="confirmed")

    old = migrate(BEFORE)
    EventTheme = old.get_model("events", "EventTheme")
    links = old.get_model("events", "EventPage")._meta.get_field("themes").remote_field.through
    data = EventTheme.objects.create(
        slug="donnees", name_fr="Données et vie privée", name_en="Data and privacy"
    )
    collaboration = EventTheme.objects.create(
        slug="collaboration", name_fr="Outils collaboratifs", name_en="Collaboration tools"
    )
    access = EventTheme.objects.create(
        slug="accessibilite", name_fr="Accessibilité", name_en="Accessibility"
    )
    for page, themes in ((privacy, [data]), (tools, [collaboration]), (both, [data, access])):
        for theme in themes:
            links.objects.create(eventpage_id=page.pk, eventtheme_id=theme.pk)
    revision = old.get_model("wagtailcore", "Revision").objects.get(pk=both.latest_revision_id)
    revision.content["themes"] = [data.pk, access.pk]
    revision.save()

    migrate(latest())

    new_theme = Theme.objects.get(slug="accessibilite")
    english = Theme.objects.get(slug="accessibility")
    assert new_theme.locale.language_code == "fr" and english.locale.language_code == "en"
    assert (new_theme.name, english.name) == ("Accessibilité", "Accessibility")
    assert new_theme.translation_key == english.translation_key
    tools_theme = Theme.objects.get(slug="outils-collaboratifs")  # matched by its name
    assert list(EventPage.objects.get(pk=privacy.pk).themes.all()) == [governance]
    assert list(EventPage.objects.get(pk=tools.pk).themes.all()) == [tools_theme]
    assert set(EventPage.objects.get(pk=both.pk).themes.all()) == {governance, new_theme}
    assert not EventPage.objects.get(pk=untagged.pk).themes.exists()
    # A draft opened from the latest revision brings back the same themes.
    both = EventPage.objects.get(pk=both.pk)
    assert set(both.get_latest_revision_as_object().themes.all()) == {governance, new_theme}
    assert Registration.objects.filter(event=privacy, user=member).count() == 1
    assert dict(FormerThemeSlug.objects.values_list("slug", "theme__slug")) == {
        "donnees": "gouvernance-des-donnees",
        "collaboration": "outils-collaboratifs",
    }

    client = Client()
    with translation.override("fr"):
        old_url = reverse("events:theme_feed", args=["donnees"])
        new_url = reverse("events:theme_feed", args=["gouvernance-des-donnees"])
        kept_url = reverse("events:theme_feed", args=["accessibilite"])
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved["Location"] == new_url
    assert feed_uids(new_url) == {privacy.uid, both.uid}
    assert feed_uids(kept_url) == {both.uid}  # a new theme keeps the old slug: same address
    with translation.override("en"):
        english_old = client.get(reverse("events:theme_feed", args=["donnees"]))
        assert english_old["Location"] == reverse("events:theme_feed", args=["data-governance"])
