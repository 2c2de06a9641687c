import pytest
from django.urls import reverse
from django.utils import translation

from hub.privacy.models import PrivacyOfficer

pytestmark = pytest.mark.django_db


def test_the_privacy_page_is_at_fr_confidentialite_and_speaks_french(client, site):
    with translation.override("fr"):
        assert reverse("privacy:policy") == "/fr/confidentialite/"
    response = client.get("/fr/confidentialite/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr-CA"' in html
    assert "Politique de confidentialité" in html
    assert "Responsable de la protection des renseignements personnels" in html
    assert "confidentialite@dataide.example" in html


def test_the_page_lists_purposes_collection_subprocessors_retention_cookies_and_rights(
    client, site, settings
):
    settings.HUB_SUBPROCESSORS = [
        {"name": "Nuage Québec inc.", "purpose": "hosting", "location": "Canada (Québec)"}
    ]
    settings.HUB_RETENTION = {**settings.HUB_RETENTION, "inactive_accounts": 1095}
    html = client.get("/fr/confidentialite/").content.decode()
    # purposes, with the exact words of each consent
    assert "M’envoyer l’infolettre" in html
    assert "répertoire" not in html  # no directory exists, so none is offered
    assert "statistiques agrégées" in html
    # what is collected
    assert "votre adresse courriel, votre nom" in html
    # sub-processors and where the data is
    assert "Nuage Québec inc." in html and "Canada (Québec)" in html
    assert "Hébergement de l’application" in html
    # retention, read from the configuration
    assert "Comptes inactifs" in html and "3 ans" in html
    assert "Sessions de connexion" in html and "14 jours" in html
    # cookies
    for name in ("sessionid", "csrftoken", "hub_language"):
        assert f"<code>{name}</code>" in html
    # rights
    assert "Commission d’accès à l’information" in html
    assert "Supprimer votre compte" in html


def test_staff_set_the_person_in_charge_in_the_admin(client, site):
    officer = PrivacyOfficer.load()
    officer.name = "Mireille Gauthier"
    officer.title_fr = "Directrice générale"
    officer.email = "mireille@dataide.example"
    officer.phone = "514 555-0199"
    officer.save()
    html = client.get("/fr/confidentialite/").content.decode()
    assert "Directrice générale — Mireille Gauthier" in html
    assert 'href="mailto:mireille@dataide.example"' in html
    assert "514 555-0199" in html


def test_the_wagtail_setting_screen_answers(staff_client, site):
    response = staff_client.get("/admin/settings/privacy/privacyofficer/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert staff_client.get(response["Location"]).status_code == 200


def test_english_only_by_explicit_choice(client, site):
    html = client.get("/en/confidentialite/").content.decode()
    assert '<html lang="en-CA"' in html
    assert "Privacy policy" in html and "Your rights" in html
    # A visitor who asks for English in the browser still gets French at /fr/.
    html = client.get("/fr/confidentialite/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Politique de confidentialité" in html


def test_every_page_footer_links_to_the_privacy_page(client, site):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/confidentialite/"' in html
    html = client.get("/en/").content.decode()
    assert 'href="/en/confidentialite/"' in html


def test_the_sign_up_form_links_to_the_privacy_policy(client, site):
    html = client.get("/fr/compte/signup/").content.decode()
    assert 'href="/fr/confidentialite/"' in html


def test_the_terms_of_use_are_in_french_with_their_version(client, site):
    html = client.get("/fr/confidentialite/conditions/").content.decode()
    assert "Conditions d’utilisation" in html
    assert "Version 2026-11. La version française fait foi" in html
    assert "14 ans ou plus" in html
    html = client.get("/fr/compte/signup/").content.decode()
    assert 'href="/fr/confidentialite/conditions/"' in html
