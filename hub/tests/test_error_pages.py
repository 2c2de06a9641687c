"""Every 400, 403, 404, 405 and 500 is a page of the hub, in the member's language, with a
way on (issue 18, item 9). Test settings run with DEBUG off, as production does."""

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from events.tests.factories import event_index, event_page
from hub.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def assert_hub_page(response, *, status: int, language: str, title: str):
    assert settings.DEBUG is False
    assert response.status_code == status
    html = response.content.decode()
    assert f'<html lang="{language}-CA"' in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert f"<h1>{title}</h1>" in html
    assert f'href="/{language}/"' in html  # home
    assert 'role="search"' in html  # search
    assert "Forbidden" not in html and "Not Found" not in html
    return html


def test_a_member_opening_a_moderators_page_gets_a_french_hub_403(member_client, site):
    response = member_client.get(reverse("forum_moderation:queue"))
    html = assert_hub_page(
        response, status=403, language="fr", title="Vous n’avez pas accès à cette page"
    )
    assert "Se connecter" not in html  # signed in already


def test_the_403_speaks_english_under_the_english_prefix(member_client, site):
    with_prefix = reverse("forum_moderation:queue").replace("/fr/", "/en/", 1)
    response = member_client.get(with_prefix)
    assert_hub_page(
        response, status=403, language="en", title="You do not have access to this page"
    )


def test_the_registrations_list_sends_a_member_to_a_hub_403_not_the_admin(member_client, site):
    event = event_page(index=event_index(site))
    response = member_client.get(f"/fr/evenements/{event.pk}/inscriptions/")
    assert_hub_page(response, status=403, language="fr", title="Vous n’avez pas accès à cette page")
    csv = member_client.get(reverse("events:registrations_csv", args=[event.pk]))
    assert csv.status_code == 403


def test_the_registrations_list_sends_a_visitor_to_the_hubs_sign_in(client, site):
    event = event_page(index=event_index(site))
    path = reverse("events:registrations", args=[event.pk])
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "django-admin" not in response["Location"] and "/admin/" not in response["Location"]


def test_staff_still_see_the_registrations_list(client, site):
    event = event_page(index=event_index(site))
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("events:registrations", args=[event.pk])).status_code == 200


def test_a_missing_page_is_a_hub_404_with_sign_in_for_visitors(client, site):
    response = client.get("/en/this-page-does-not-exist/")
    html = assert_hub_page(response, status=404, language="en", title="We could not find this page")
    assert "Sign in" in html


def test_outside_the_language_prefix_the_404_follows_the_browser_or_the_cookie(client, site):
    response = client.get("/documents/999999/nope.pdf", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9")
    assert_hub_page(response, status=404, language="en", title="We could not find this page")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get("/documents/999999/nope.pdf", HTTP_ACCEPT_LANGUAGE="en-CA,en;q=0.9")
    assert_hub_page(response, status=404, language="fr", title="Nous n’avons pas trouvé cette page")


def test_a_bad_host_is_a_hub_400(client, site):
    response = client.get("/fr/", HTTP_HOST="evil.example")
    assert_hub_page(response, status=400, language="fr", title="Cette requête ne peut pas être lue")


def test_a_null_byte_is_a_hub_400_in_the_urls_language(client, site):
    response = client.get("/en/forum/?q=%00")
    assert_hub_page(response, status=400, language="en", title="This request cannot be read")


def test_a_wrong_method_is_a_hub_405_that_keeps_the_allow_header(member_client, site):
    event = event_page(index=event_index(site))
    response = member_client.get(f"/fr/evenements/{event.pk}/inscription/")
    assert_hub_page(
        response, status=405, language="fr", title="Cette adresse ne s’ouvre pas de cette façon"
    )
    assert response["Allow"] == "POST"
    outside = member_client.put("/langue/en/", HTTP_ACCEPT_LANGUAGE="en")
    assert_hub_page(outside, status=405, language="en", title="This address does not open this way")
    assert outside["Allow"] == "GET, POST"


def test_an_expired_form_is_a_hub_403_that_says_so(site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = client.post("/langue/en/", {"next": "/en/"}, HTTP_ACCEPT_LANGUAGE="fr")
    html = assert_hub_page(response, status=403, language="fr", title="Ce formulaire a expiré")
    assert "rechargez la page" in html


@override_settings(ROOT_URLCONF="hub.tests.error_urls")
def test_a_crash_is_a_hub_500_in_the_urls_language(client, site):
    client.raise_request_exception = False
    response = client.get("/en/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en-CA"' in html
    assert "<h1>Something went wrong</h1>" in html
    assert 'class="site-header"' in html and 'href="/en/"' in html and 'role="search"' in html
    french = client.get("/fr/boom/").content.decode()
    assert "<h1>Un problème est survenu</h1>" in french and 'action="/fr/recherche/"' in french


def test_the_500_page_needs_neither_the_database_nor_the_request_context(rf, monkeypatch):
    from django.db.backends.base.base import BaseDatabaseWrapper

    from hub import errors

    def no_database(*args, **kwargs):
        raise AssertionError("the 500 page touched the database")

    monkeypatch.setattr(BaseDatabaseWrapper, "ensure_connection", no_database)
    request = rf.get("/boom/", HTTP_ACCEPT_LANGUAGE="en")  # no user, no session, no messages
    response = errors.server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en-CA"' in html and "Something went wrong" in html


def test_a_views_empty_400_becomes_a_hub_page(member_client, site):
    response = member_client.post("/en/confidentialite/mes-choix/consentement/", {"subject": "?"})
    assert_hub_page(response, status=400, language="en", title="This request cannot be read")


def test_the_staff_consent_log_sends_members_to_a_hub_403_and_visitors_to_the_hubs_sign_in(
    client, member, site
):
    response = client.get("/fr/confidentialite/personnel/journal.csv")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/compte/")
    client.force_login(member)
    response = client.get("/fr/confidentialite/personnel/journal.csv")
    assert_hub_page(response, status=403, language="fr", title="Vous n’avez pas accès à cette page")
