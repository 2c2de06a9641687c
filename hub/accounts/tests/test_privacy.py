import json

import pytest

from hub.accounts.models import User
from hub.extensions import member_deleting, member_exports

from .factories import PASSWORD, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_profile_as_json(member_client, member):
    member.organisation = OrganisationFactory(name="Logis-Action")
    member.job_title = "Intervenante"
    member.save()
    response = member_client.get("/fr/mon-espace/donnees/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment;" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    assert data["profile"]["organisation"] == "Logis-Action"
    assert data["email_addresses"][0]["verified"] is True


def test_feature_apps_add_their_sections_to_the_export(member_client):
    with member_exports.override("test_section", lambda user: {"hello": user.first_name}):
        data = json.loads(member_client.get("/fr/mon-espace/donnees/").content)
    assert data["test_section"] == {"hello": "Nadia"}


def test_deleting_needs_the_right_password_and_changes_nothing_otherwise(member_client, member):
    response = member_client.post(
        "/fr/mon-espace/supprimer/", {"password": "faux", "confirm": "on"}
    )
    assert response.status_code == 200
    assert "Ce mot de passe est incorrect." in response.content.decode()
    member.refresh_from_db()
    assert member.is_active and member.deleted_at is None


def test_deleting_the_account_anonymises_the_member_and_signs_out(member_client, member):
    received = []

    def receiver(sender, user, **kwargs):
        received.append(user.pk)

    member_deleting.connect(receiver, dispatch_uid="test-receiver")
    try:
        response = member_client.post(
            "/fr/mon-espace/supprimer/", {"password": PASSWORD, "confirm": "on"}
        )
    finally:
        member_deleting.disconnect(dispatch_uid="test-receiver")
    assert response.status_code == 302
    member.refresh_from_db()
    assert received == [member.pk]
    assert member.deleted_at is not None
    assert not member.is_active
    assert "nadia" not in member.email.lower() and member.first_name == ""
    assert member.get_public_name() == "Membre supprimé·e"
    assert not member.emailaddress_set.exists()
    assert not User.objects.filter(email__startswith="membre").filter(is_active=True, pk=member.pk)
    assert member_client.get("/fr/mon-espace/").status_code == 302
