"""The hub once asked members to be listed in a member directory that was never built.
Asking consent for a processing that does not exist misleads (Loi 25: consent for a
specified purpose), so the choice is gone; the log rows members already wrote stay, since
the consent log is an immutable register."""

import json

import pytest
from django.urls import reverse

from hub.privacy.models import ConsentEvent

from .test_export_and_deletion import download

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_directory_consent(member):
    # Written as the sign-up form wrote it in November 2026, before the choice was removed.
    return ConsentEvent.objects.create(
        user=member,
        subject="directory",
        action=ConsentEvent.Action.GIVEN,
        wording_version="2026-11",
        method=ConsentEvent.Method.SIGNUP,
    )


def test_the_sign_up_form_no_longer_asks_about_a_directory(client, site):
    html = client.get("/fr/compte/signup/").content.decode()
    assert "consent_directory" not in html
    assert "répertoire" not in html
    assert 'name="consent_newsletter"' in html and 'name="consent_statistics"' in html


def test_the_terms_no_longer_name_a_directory(client):
    html = client.get(reverse("privacy:terms")).content.decode()
    assert "répertoire" not in html
    assert "(infolettre, statistiques)" in html


def test_a_directory_consent_can_no_longer_be_given(member_client, member):
    response = member_client.post(
        reverse("privacy:consent"), {"subject": "directory", "given": "1"}
    )
    assert response.status_code == 400
    assert not ConsentEvent.objects.filter(user=member).exists()


def test_an_old_directory_consent_does_not_bring_the_choice_back_to_my_space(
    member_client, old_directory_consent
):
    response = member_client.get("/fr/mon-espace/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mes choix de confidentialité" in html
    assert 'value="directory"' not in html
    assert "répertoire" not in html


def test_the_history_still_shows_the_old_directory_row_with_its_words(
    member_client, old_directory_consent
):
    response = member_client.get(reverse("privacy:history"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Répertoire des membres" in html
    assert "M’inscrire au répertoire des membres." in html


def test_the_download_keeps_the_old_row_in_the_log_but_offers_no_directory_choice(
    member_client, old_directory_consent
):
    archive = download(member_client)
    data = json.loads(archive.read("donnees.json"))
    assert "directory" not in data["privacy"]["choices"]
    assert [(row["subject"], row["action"]) for row in data["privacy"]["consent_log"]] == [
        ("directory", "given")
    ]
    assert "directory" in archive.read("privacy-consent_log.csv").decode("utf-8-sig")


def test_the_staff_log_export_still_lists_the_old_row(staff_client, old_directory_consent):
    response = staff_client.get(reverse("privacy:consent_log_csv"))
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 2
    assert ",directory,given,2026-11," in lines[1]
    assert "M’inscrire au répertoire des membres." in lines[1]
