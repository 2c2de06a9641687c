"""Wagtail 7.4's login form gives its password field no label: Django then prints the
field's name, "Password", on the French admin's login page."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_login_labels_the_password_in_french(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="fr").text
    label = re.search(r'id="id_password-label">\s*([^<]+)<', html).group(1).strip()
    assert label == "Mot de passe"
