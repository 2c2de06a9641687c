import re

import pytest
from django.core import mail
from django.urls import reverse

from hub.accounts.models import User

from .factories import PASSWORD, UserFactory, signup_data

pytestmark = pytest.mark.django_db


def test_signing_up_sends_a_confirmation_email_in_french_and_confirming_signs_in(client, site):
    response = client.post("/fr/compte/signup/", signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="josee@exemple.org")
    assert user.first_name == "Josée"
    assert user.preferred_language == "fr"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Confirmez" in message.subject or "confirm" in message.body.lower()
    link = re.search(r"https?://[^/\s]+(/fr/compte/confirm-email/[^\s]+/)", message.body).group(1)

    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert client.get(reverse("accounts:dashboard")).status_code == 200
    assert user.emailaddress_set.get().verified


def test_signing_up_without_accepting_the_terms_keeps_what_was_typed(client, site):
    data = signup_data()
    del data["accept_terms"]
    response = client.post("/fr/compte/signup/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vous devez accepter les conditions d’utilisation" in html
    assert 'value="josee@exemple.org"' in html
    assert 'value="Josée"' in html
    assert not User.objects.filter(email="josee@exemple.org").exists()


def test_signing_up_with_a_taken_email_reveals_nothing_and_warns_the_owner(client, site):
    # allauth prevents account enumeration: the page answers as for a new address, and the
    # owner of the address gets an email saying someone tried to sign up with it.
    UserFactory(email="josee@exemple.org")
    response = client.post("/fr/compte/signup/", signup_data())
    assert response.status_code == 302
    assert User.objects.filter(email="josee@exemple.org").count() == 1
    assert [message.to for message in mail.outbox] == [["josee@exemple.org"]]


def test_a_wrong_password_gives_a_clear_message_and_keeps_the_email(client, site):
    UserFactory(email="karim@exemple.org")
    response = client.post("/fr/compte/login/", {"login": "karim@exemple.org", "password": "non"})
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "L’adresse électronique et/ou le mot de passe que vous avez indiqués sont erronés" in html
        or "incorrect" in html
    )
    assert 'value="karim@exemple.org"' in html


def test_a_member_signs_in_with_email_and_password(client, site):
    UserFactory(email="karim@exemple.org")
    response = client.post(
        "/fr/compte/login/", {"login": "karim@exemple.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/fr/mon-espace/").status_code == 200


def test_password_reset_sends_a_link(client, site):
    UserFactory(email="karim@exemple.org")
    response = client.post("/fr/compte/password/reset/", {"email": "karim@exemple.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/fr/compte/password/reset/key/" in mail.outbox[0].body
