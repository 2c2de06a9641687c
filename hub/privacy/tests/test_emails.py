"""Canada's anti-spam law: categories, stored opt-in, sender identification, one-click
unsubscribe without login that works for at least 60 days and takes effect at once."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client

from hub import emails
from hub.privacy import wordings
from hub.privacy.models import ConsentEvent
from hub.privacy.services import consent_set, privacy_for

pytestmark = pytest.mark.django_db

TEMPLATE = "emails/privacy_inactivity_notice"  # any template of ours with a subject and body


def send(member, category):
    return emails.send_member_email(
        member=member,
        category=category,
        template=TEMPLATE,
        context={"deletion_date": None},
        alternatives=[("<html><body><p>Bonjour</p></body></html>", "text/html")],
    )


def unsubscribe_path(member, category):
    url = emails.unsubscribe_url(member=member, category=category)
    return re.sub(r"^https?://[^/]+", "", url)


def test_promotional_mail_needs_a_stored_opt_in(member):
    assert send(member, emails.PROMOTIONAL) is False
    assert mail.outbox == []
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="my_space")
    assert send(member, emails.PROMOTIONAL) is True
    assert len(mail.outbox) == 1


def test_notifications_are_sent_until_the_member_turns_them_off(member):
    assert send(member, emails.NOTIFICATION) is True
    consent_set(user=member, subject=wordings.EMAIL_NOTIFICATION, given=False, method="my_space")
    assert send(member, emails.NOTIFICATION) is False
    assert len(mail.outbox) == 1


def test_a_global_opt_out_stops_everything_but_transactional_mail(member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="my_space")
    consent_set(user=member, subject=wordings.EMAIL_ALL, given=False, method="my_space")
    assert send(member, emails.NOTIFICATION) is False
    assert send(member, emails.PROMOTIONAL) is False
    assert send(member, emails.TRANSACTIONAL) is True
    assert len(mail.outbox) == 1


def test_inactive_and_deleted_members_get_no_notification(member):
    member.is_active = False
    member.save()
    assert send(member, emails.NOTIFICATION) is False


@pytest.mark.parametrize("category", [emails.NOTIFICATION, emails.PROMOTIONAL])
def test_every_non_transactional_email_identifies_the_sender_and_can_be_stopped(member, category):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="my_space")
    assert send(member, category)
    message = mail.outbox[0]
    link = emails.unsubscribe_url(member=member, category=category)
    assert link.startswith("http://testserver/fr/confidentialite/desabonnement/")
    html = message.alternatives[0][0]
    for part in (message.body, html):
        assert "493, rue Sherbrooke Ouest, Montréal (Québec) H3A 1B6" in part
        assert link in part
    assert html.index(link) < html.index("</body>")  # the footer goes inside the body
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.message()["List-Unsubscribe"] == f"<{link}>"


def test_transactional_email_carries_no_unsubscribe(member):
    send(member, emails.TRANSACTIONAL)
    message = mail.outbox[0]
    assert "List-Unsubscribe" not in message.extra_headers
    assert "desabonnement" not in message.body


def test_the_unsubscribe_page_needs_no_login_and_a_get_changes_nothing(client, member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    response = client.get(unsubscribe_path(member, emails.PROMOTIONAL))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Me désabonner des courriels promotionnels" in html
    assert "Me désabonner de tous les courriels" in html
    assert privacy_for(member).newsletter is True
    assert not response.cookies  # a link preview leaves nothing behind


def test_one_click_unsubscribes_from_the_category_at_once_and_is_logged(member):
    consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(unsubscribe_path(member, emails.PROMOTIONAL), {"scope": "category"})
    assert response.status_code == 200
    assert "vous ne recevrez plus l’infolettre" in response.content.decode()
    assert send(member, emails.PROMOTIONAL) is False
    assert send(member, emails.NOTIFICATION) is True  # only the category was stopped
    event = ConsentEvent.objects.filter(user=member).first()
    assert (event.subject, event.action, event.method) == (
        "newsletter",
        "withdrawn",
        "unsubscribe_page",
    )


def test_unsubscribing_from_everything_from_a_notification(member):
    browser = Client(enforce_csrf_checks=True)
    browser.post(unsubscribe_path(member, emails.NOTIFICATION), {"scope": "all"})
    assert privacy_for(member).emails_stopped is True
    assert send(member, emails.NOTIFICATION) is False
    assert ConsentEvent.objects.get(user=member).subject == "email_all"


def test_the_mail_programs_one_click_post_works_without_csrf_token(member):
    """RFC 8058: the mail program POSTs List-Unsubscribe=One-Click to the header's URL."""
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(
        unsubscribe_path(member, emails.NOTIFICATION), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert privacy_for(member).email_notifications is False
    assert ConsentEvent.objects.get(user=member).method == "one_click"


def test_a_tampered_token_is_refused(client, member):
    path = unsubscribe_path(member, emails.NOTIFICATION)
    assert client.get(path[:-3] + "xx/").status_code == 404
    forged = signing.dumps({"m": member.pk, "c": "notification"}, salt="another-salt")
    assert client.get(f"/fr/confidentialite/desabonnement/{forged}/").status_code == 404


def test_a_transactional_token_cannot_unsubscribe(client, member):
    token = emails.unsubscribe_token(member=member, category=emails.TRANSACTIONAL)
    assert client.post(f"/fr/confidentialite/desabonnement/{token}/").status_code == 404


def test_the_link_still_works_after_60_days(client, member, monkeypatch):
    """Sign the token as if the email had been sent 61 days ago."""
    real_time = time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() - 61 * 24 * 3600)
    path = unsubscribe_path(member, emails.NOTIFICATION)
    monkeypatch.setattr(signing.time, "time", real_time)
    response = client.post(path, {"scope": "category"})
    assert response.status_code == 200
    assert privacy_for(member).email_notifications is False


def test_unsubscribing_a_deleted_member_answers_without_error(client, member):
    from hub.accounts.services import member_delete

    path = unsubscribe_path(member, emails.NOTIFICATION)
    member_delete(user=member)
    assert client.post(path, {"scope": "all"}).status_code == 200


def test_the_unsubscribe_page_speaks_english_for_an_english_member(client, member):
    member.preferred_language = "en"
    member.save()
    path = unsubscribe_path(member, emails.NOTIFICATION)
    assert path.startswith("/en/")
    assert "Unsubscribe from notification emails" in client.get(path).content.decode()
