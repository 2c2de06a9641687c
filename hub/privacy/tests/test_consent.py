import pytest
from django.urls import reverse

from hub.accounts.models import User
from hub.accounts.tests.factories import signup_data
from hub.privacy import wordings
from hub.privacy.models import AppendOnlyError, ConsentEvent, MemberPrivacy
from hub.privacy.services import consent_set, privacy_for

pytestmark = pytest.mark.django_db


def test_the_sign_up_form_has_one_unticked_box_per_purpose_apart_from_the_terms(client, site):
    html = client.get("/fr/compte/signup/").content.decode()
    for name in ("consent_newsletter", "consent_statistics"):
        tag = html[html.index(f'name="{name}"') - 200 : html.index(f'name="{name}"') + 200]
        assert "checked" not in tag
        assert "required" not in tag
    assert 'name="accept_terms"' in html and 'name="confirm_age"' in html
    assert "M’envoyer l’infolettre" in html
    assert "14 ans ou plus" in html


def test_signing_up_stores_only_the_purposes_ticked_with_wording_version_and_how(client, site):
    response = client.post("/fr/compte/signup/", signup_data(consent_newsletter="on"))
    assert response.status_code == 302
    user = User.objects.get(email="josee@exemple.org")
    privacy = MemberPrivacy.objects.get(user=user)
    assert privacy.newsletter is True
    assert privacy.statistics is False
    assert privacy.profile_visibility == MemberPrivacy.Visibility.PRIVATE
    events = {
        (event.subject, event.action, event.method, event.wording_version)
        for event in ConsentEvent.objects.filter(user=user)
    }
    version = "2026-11"
    assert events == {
        ("terms", "given", "signup_form", version),
        ("age_14", "given", "signup_form", version),
        ("newsletter", "given", "signup_form", version),
    }


def test_signing_up_needs_the_14_or_older_confirmation(client, site):
    data = signup_data()
    del data["confirm_age"]
    response = client.post("/fr/compte/signup/", data)
    assert response.status_code == 200
    assert "Vous devez avoir 14 ans ou plus" in response.content.decode()
    assert not User.objects.filter(email="josee@exemple.org").exists()
    assert not ConsentEvent.objects.exists()


def test_my_space_shows_each_purpose_and_withdrawing_takes_one_click(member_client, member):
    consent_set(user=member, subject=wordings.STATISTICS, given=True, method="signup_form")
    html = member_client.get("/fr/mon-espace/").content.decode()
    assert "Mes choix de confidentialité" in html
    assert "Inclure les réponses de mon organisme" in html
    assert "Retirer mon consentement" in html

    response = member_client.post(
        reverse("privacy:consent"), {"subject": "statistics", "given": "0"}
    )
    assert response.status_code == 302
    assert privacy_for(member).statistics is False
    last = ConsentEvent.objects.filter(user=member).first()
    assert (last.subject, last.action, last.method) == ("statistics", "withdrawn", "my_space")

    # A second click changes nothing and logs nothing.
    member_client.post(reverse("privacy:consent"), {"subject": "statistics", "given": "0"})
    assert ConsentEvent.objects.filter(user=member, subject="statistics").count() == 2


def test_giving_a_consent_from_my_space_is_logged(member_client, member):
    member_client.post(reverse("privacy:consent"), {"subject": "statistics", "given": "1"})
    assert privacy_for(member).statistics is True
    event = ConsentEvent.objects.get(user=member)
    assert (event.subject, event.action, event.method) == ("statistics", "given", "my_space")


def test_changing_a_consent_needs_a_sign_in_and_a_known_subject(client, member_client):
    anonymous = client.__class__()
    response = anonymous.post(reverse("privacy:consent"), {"subject": "newsletter", "given": "1"})
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    response = member_client.post(reverse("privacy:consent"), {"subject": "terms", "given": "0"})
    assert response.status_code == 400


def test_the_consent_log_is_append_only(member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="my_space")
    event = ConsentEvent.objects.get()
    event.action = ConsentEvent.Action.WITHDRAWN
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert ConsentEvent.objects.get().action == "given"


def test_the_history_page_shows_exactly_what_was_agreed_to(member_client, member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    html = member_client.get(reverse("privacy:history")).content.decode()
    assert "M’envoyer l’infolettre" in html
    assert "formulaire de création de compte" in html
    assert "version 2026-11" in html


def test_staff_export_the_consent_and_unsubscribe_log_as_csv(staff_client, member, client):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    consent_set(user=member, subject=wordings.NEWSLETTER, given=False, method="unsubscribe_page")
    response = staff_client.get(reverse("privacy:consent_log_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("time,member_id,email,subject,action")
    assert member.email in lines[1] and ",given," in lines[1]
    assert ",withdrawn," in lines[2] and "unsubscribe_page" in lines[2]


def test_members_cannot_export_the_log(member_client):
    response = member_client.get(reverse("privacy:consent_log_csv"))
    assert response.status_code == 403  # the hub's 403 page, not the admin's sign-in
    assert b"text/csv" not in response["Content-Type"].encode()


def test_the_admin_log_is_read_only_and_exports_csv(staff_client, member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    assert staff_client.get("/django-admin/privacy/consentevent/").status_code == 200
    assert staff_client.get("/django-admin/privacy/consentevent/add/").status_code == 403
    event = ConsentEvent.objects.get()
    response = staff_client.post(
        "/django-admin/privacy/consentevent/",
        {"action": "export_csv", "_selected_action": [event.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")
    assert member.email in response.content.decode("utf-8-sig")
