"""A same-origin GET (an image, a prefetch, a link preview) changes nothing a member has
chosen or not yet read: changes go through POST (issue 11, finding 6)."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_get_of_the_language_switch_changes_nothing(member_client, member):
    member.preferred_language = "fr"
    member.save(update_fields=["preferred_language"])
    response = member_client.get("/langue/en/?next=/en/forum/")
    # The old link still takes you to the page in that language...
    assert response.status_code == 302
    assert response["Location"] == "/en/forum/"
    # ...but an <img src="/langue/en/"> in a post no longer switches the reader's language.
    assert "hub_language" not in response.cookies
    member.refresh_from_db()
    assert member.preferred_language == "fr"


def test_choosing_a_language_is_a_post_stored_for_a_member_and_remembered(member_client, member):
    response = member_client.post("/langue/en/", {"next": "/en/forum/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/forum/"
    assert response.cookies["hub_language"].value == "en"
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_the_language_switch_never_redirects_elsewhere(client, db):
    response = client.post("/langue/fr/", {"next": "https://evil.example/"})
    assert response["Location"] == "/fr/"
    assert client.get("/langue/fr/?next=https://evil.example/")["Location"] == "/fr/"
    assert client.post("/langue/xx/").cookies["hub_language"].value == "fr"


def test_the_header_offers_members_a_form_and_visitors_a_plain_link(client, member, site):
    html = client.get("/fr/forum/").content.decode()
    assert 'href="/langue/en/?next=/en/forum/"' in html
    assert "csrftoken" not in client.cookies  # a first visit still sets no cookie
    client.force_login(member)
    html = client.get("/fr/forum/").content.decode()
    assert 'action="/langue/en/"' in html
    assert 'name="next" value="/en/forum/"' in html
