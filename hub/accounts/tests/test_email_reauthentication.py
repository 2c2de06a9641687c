"""Adding, removing or changing the primary email address asks for the password again
(issue 11, finding 1): a script running in a member's session (an XSS) cannot add its own
address and then reset the password through it."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from .factories import PASSWORD, UserFactory


@pytest.fixture
def member(db):
    user = UserFactory(email="nadia@exemple.org")  # its address verified and primary
    assert EmailAddress.objects.filter(user=user, verified=True, primary=True).exists()
    return user


def sign_in(client, user):
    """A real sign-in (allauth's form), not force_login: the session holds what allauth
    records at sign-in, and still no recent re-authentication."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_adding_an_email_address_asks_for_the_password_first(client, member):
    sign_in(client, member)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "pirate@evil.example"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not EmailAddress.objects.filter(email="pirate@evil.example").exists()


def test_the_address_is_added_once_the_password_is_given_again(client, member):
    sign_in(client, member)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "nadia.b@exemple.org"}
    )
    reauthenticate = response["Location"]
    page = client.get(reauthenticate)
    assert page.status_code == 200
    assert 'name="password"' in page.content.decode()
    assert "Mot de passe" in page.content.decode()  # the site's layout, in French
    wrong = client.post(reauthenticate, {"password": "pas le bon"})
    assert wrong.status_code == 200
    assert not EmailAddress.objects.filter(email="nadia.b@exemple.org").exists()
    client.post(reauthenticate, {"password": PASSWORD})
    assert EmailAddress.objects.filter(user=member, email="nadia.b@exemple.org").exists()


@pytest.mark.parametrize("action", ["action_remove", "action_primary"])
def test_removing_or_making_an_address_primary_asks_for_the_password(client, member, action):
    other = EmailAddress.objects.create(
        user=member, email="autre@exemple.org", verified=True, primary=False
    )
    sign_in(client, member)
    response = client.post(reverse("account_email"), {action: "", "email": other.email})
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    other.refresh_from_db()
    assert not other.primary
    assert EmailAddress.objects.filter(pk=other.pk).exists()


def test_the_profile_form_cannot_change_the_email_address(client, member):
    sign_in(client, member)
    client.post(
        reverse("accounts:profile"),
        {"first_name": "Nadia", "email": "pirate@evil.example", "preferred_language": "fr"},
    )
    member.refresh_from_db()
    assert member.email == "nadia@exemple.org"


def test_the_wagtail_account_page_offers_no_email_change(client, db):
    admin = UserFactory(email="admin@exemple.org", is_staff=True, is_superuser=True)
    client.force_login(admin)
    response = client.get("/admin/account/")
    assert response.status_code == 200
    assert 'name="name_email-email"' not in response.content.decode()
