"""Following a theme: in both languages at once, from the library's theme filter, Mon espace
and the sign-up form; a resource first published on a followed theme notifies the member
through the notification kind `cms.theme_resource` (their preference decides how)."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.urls import reverse
from django.utils import translation

from cms import services
from cms.models import ThemeFollow
from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification
from hub.notifications.services import preferences_set

from .factories import make_resource, make_theme, translate

pytestmark = pytest.mark.django_db


def _url(name, *args, lang="fr"):
    with translation.override(lang):
        return reverse(name, args=args)


def test_following_a_theme_in_french_follows_its_english_translation(member, themes):
    english = themes["cyber"].get_translation(
        themes["cyber"].locale.__class__.objects.get(language_code="en")
    )
    assert services.theme_follow_set(user=member, theme=themes["cyber"], follow=True)
    assert services.theme_follow_set(user=member, theme=english, follow=True)  # idempotent
    assert ThemeFollow.objects.filter(user=member).count() == 1
    assert not services.theme_follow_set(user=member, theme=english, follow=False)
    assert not ThemeFollow.objects.filter(user=member).exists()


def test_a_resource_published_on_a_followed_theme_notifies_its_followers(member, themes, library):
    other = UserFactory(email="autre@exemple.org")
    services.theme_follow_set(user=member, theme=themes["cyber"], follow=True)
    services.theme_follow_set(user=other, theme=themes["data"], follow=True)

    page = make_resource(library, title="Mots de passe solides", themes=[themes["cyber"]])

    rows = list(Notification.objects.filter(kind="cms.theme_resource"))
    assert [(row.recipient_id, row.url) for row in rows] == [(member.pk, page.url)]
    assert "Mots de passe solides" in rows[0].text
    # A new revision, or its translation, is not news again.
    page.save_revision().publish()
    translate(page, slug="strong-passwords", title="Strong passwords")
    assert Notification.objects.filter(kind="cms.theme_resource").count() == 1


def test_a_member_who_chose_never_for_new_resources_hears_nothing(member, themes, library):
    services.theme_follow_set(user=member, theme=themes["cyber"], follow=True)
    preferences_set(user=member, deliveries={"cms.theme_resource": "none"})
    make_resource(library, themes=[themes["cyber"]])
    assert not Notification.objects.filter(recipient=member).exists()


def test_a_draft_or_a_resource_on_another_theme_notifies_no_one(member, themes, library):
    services.theme_follow_set(user=member, theme=themes["cyber"], follow=True)
    make_resource(library, themes=[themes["cyber"]], publish=False)
    make_resource(library, themes=[themes["data"]])
    assert not Notification.objects.filter(recipient=member).exists()


def test_the_library_filtered_on_a_theme_offers_to_follow_it(member_client, member, themes):
    page = member_client.get(_url("cms:theme_follow", "cybersecurite"))
    assert page.status_code == 405  # a change is a POST
    library_html = member_client.get("/fr/ressources/?theme=cybersecurite").content.decode()
    assert "Suivre ce thème" in library_html
    response = member_client.post(
        _url("cms:theme_follow", "cybersecurite"),
        {"follow": "1", "next": "/fr/ressources/?theme=cybersecurite"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/ressources/?theme=cybersecurite"
    assert ThemeFollow.objects.filter(user=member).count() == 1
    library_html = member_client.get("/fr/ressources/?theme=cybersecurite").content.decode()
    assert "Ne plus suivre ce thème" in library_html


def test_following_an_unknown_theme_is_a_404_and_a_hostile_next_stays_home(member_client, themes):
    assert member_client.post(_url("cms:theme_follow", "inconnu"), {"follow": "1"}).status_code == (
        404
    )
    response = member_client.post(
        _url("cms:theme_follow", "cybersecurite"), {"follow": "1", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and "evil" not in response["Location"]


def test_my_space_lets_a_member_choose_the_themes_they_follow(member_client, member, themes):
    html = member_client.get(reverse("accounts:dashboard")).content.decode()
    assert "Mes thèmes" in html and "Cybersécurité" in html
    response = member_client.post(
        _url("cms:themes_choose"), {"themes": [themes["data"].pk, themes["cyber"].pk]}
    )
    assert response.status_code == 302
    assert ThemeFollow.objects.filter(user=member).count() == 2
    member_client.post(_url("cms:themes_choose"), {"themes": [themes["data"].pk]})
    assert list(ThemeFollow.objects.filter(user=member).values_list("theme", flat=True)) == [
        themes["data"].pk
    ]
    assert member_client.post(_url("cms:themes_choose"), {"themes": ["x'--"]}).status_code == 400


def test_a_new_member_picks_themes_to_follow_when_creating_an_account(client, themes):
    form = client.get("/fr/compte/signup/").content.decode()
    assert "Les thèmes qui vous intéressent" in form
    response = client.post(
        "/fr/compte/signup/",
        {
            "email": "nouvelle@exemple.org",
            "password1": "un-mot-de-passe-solide-42",
            "password2": "un-mot-de-passe-solide-42",
            "first_name": "Nadia",
            "accept_terms": "on",
            "confirm_age": "on",
            "themes": [themes["cyber"].pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    follow = ThemeFollow.objects.get()
    assert follow.user.email == "nouvelle@exemple.org" and follow.theme == themes["cyber"]


# --- End to end: publish -> row -> live websocket message ----------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_publishing_on_a_followed_theme_reaches_the_followers_open_page_live():
    from hub.asgi import application
    from hub.notifications.tests.conftest import session_cookie_for

    def arrange():
        from cms.services import library_setup

        index = library_setup()
        theme = make_theme(slug="cybersecurite", name="Cybersécurité")
        ana = UserFactory(email="ana@exemple.org")
        services.theme_follow_set(user=ana, theme=theme, follow=True)
        return index, theme, ana, session_cookie_for(ana)

    index, theme, ana, cookie = await database_sync_to_async(arrange)()
    ws = WebsocketCommunicator(
        application,
        "/ws/notifications/",
        headers=[
            (b"origin", b"http://localhost"),
            (b"host", b"localhost"),
            (b"cookie", cookie.encode()),
        ],
    )
    connected, _ = await ws.connect()
    assert connected

    page = await database_sync_to_async(make_resource)(
        index, title="Hameçonnage : les signes", themes=[theme]
    )

    message = await ws.receive_json_from(timeout=3)
    row = await database_sync_to_async(
        lambda: Notification.objects.get(recipient=ana, kind="cms.theme_resource")
    )()
    assert message["type"] == "notification"
    assert message["id"] == row.pk and message["kind"] == "cms.theme_resource"
    assert "Hameçonnage" in message["text"]
    assert message["url"] == page.url
    await ws.disconnect()
