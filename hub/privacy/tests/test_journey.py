"""The issue's "done when", end to end through the real views: a new member signs up in
French, sees what they agreed to, finds nothing of theirs visible, withdraws a consent,
unsubscribes from a digest without logging in, downloads all their data and deletes their
account; staff answer a request and log an incident."""

import io
import json
import re
import zipfile

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from hub import emails
from hub.accounts.models import User
from hub.privacy.models import ConsentEvent, Incident, PrivacyRequest
from hub.privacy.selectors import profile_visible_to
from hub.privacy.services import privacy_for

pytestmark = pytest.mark.django_db


def test_a_member_and_staff_go_through_every_privacy_right(site, staff_client):
    client = Client()  # staff_client is the default test client, signed in as staff
    # 1. Sign up in French, ticking only the infolettre.
    response = client.post(
        "/fr/compte/signup/",
        {
            "email": "josee@exemple.org",
            "password1": "Solidarite-2026!",
            "password2": "Solidarite-2026!",
            "first_name": "Josée",
            "last_name": "Gagnon",
            "accept_terms": "on",
            "confirm_age": "on",
            "consent_newsletter": "on",
        },
    )
    assert response.status_code == 302
    link = re.search(r"(/fr/compte/confirm-email/[^\s]+/)", mail.outbox[0].body).group(1)
    client.post(link)
    josee = User.objects.get(email="josee@exemple.org")

    # 2. Mon espace shows what was agreed to; the history has the exact words.
    html = client.get("/fr/mon-espace/").content.decode()
    assert "Mes choix de confidentialité" in html
    history = client.get(reverse("privacy:history")).content.decode()
    assert "M’envoyer l’infolettre" in history
    assert "J’ai lu et j’accepte les conditions d’utilisation" in history
    assert "Je confirme avoir 14 ans ou plus." in history

    # 3. Nothing of hers is visible to others by default.
    other = User.objects.create_user("autre@exemple.org", "x" * 12)
    assert profile_visible_to(josee, viewer=other) is False

    # 4. She withdraws the infolettre consent in one click.
    client.post(reverse("privacy:consent"), {"subject": "newsletter", "given": "0"})
    assert privacy_for(josee).newsletter is False

    # 5. A digest arrives; she unsubscribes from its link without being signed in.
    mail.outbox.clear()
    assert emails.send_member_email(
        member=josee,
        category=emails.NOTIFICATION,
        template="emails/privacy_inactivity_notice",
        context={"deletion_date": None},
    )
    url = re.search(
        r"https?://testserver(/fr/confidentialite/desabonnement/\S+/)", mail.outbox[0].body
    )
    anonymous = Client(enforce_csrf_checks=True)
    anonymous.post(url.group(1), {"scope": "category"})
    assert (
        emails.send_member_email(
            member=josee,
            category=emails.NOTIFICATION,
            template="emails/privacy_inactivity_notice",
            context={"deletion_date": None},
        )
        is False
    )

    # 6. She downloads all her data, consents included.
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("privacy:export")).content))
    data = json.loads(archive.read("donnees.json"))
    assert data["profile"]["first_name"] == "Josée"
    subjects = [(row["subject"], row["action"]) for row in data["privacy"]["consent_log"]]
    assert ("newsletter", "withdrawn") in subjects
    assert ("email_notification", "withdrawn") in subjects

    # 7. She deletes her account.
    response = client.post(
        "/fr/mon-espace/supprimer/", {"password": "Solidarite-2026!", "confirm": "on"}
    )
    assert response.status_code == 302
    josee.refresh_from_db()
    assert josee.deleted_at is not None and josee.get_public_name() == "Membre supprimé·e"
    assert ConsentEvent.objects.filter(user=josee, method="account_deletion").exists() is False
    # (no purpose was still given when she left: nothing left to withdraw)

    # 8. Staff answer a request received by mail, and log an incident.
    response = staff_client.post(
        "/django-admin/privacy/privacyrequest/add/",
        {
            "kind": "access",
            "status": "done",
            "received_on": "2026-11-02",
            "requester_name": "Line Côté",
            "requester_contact": "line@exemple.org",
            "member": "",
            "details": "Copie de mes renseignements.",
            "post_url": "",
            "answer": "Copie envoyée par courriel le 10 novembre.",
            "refusal_reason": "",
            "handled_by": "",
        },
    )
    assert response.status_code == 302
    request = PrivacyRequest.objects.get()
    assert request.status == "done" and request.answered_on is not None
    response = staff_client.post(
        "/django-admin/privacy/incident/add/",
        {
            "information_description": "Courriels de 3 membres",
            "circumstances": "Courriel envoyé sans copie cachée.",
            "occurred_on": "2026-11-20",
            "occurred_until": "",
            "occurred_note": "",
            "learned_on": "2026-11-20",
            "persons_affected": "3",
            "risk_assessment": "Faible.",
            "commission_notified_on": "",
            "persons_notified_on": "",
            "public_notice": "",
            "measures_taken": "Excuses et rappel des règles.",
        },
    )
    assert response.status_code == 302
    assert Incident.objects.count() == 1


def test_the_wagtail_admin_has_a_privacy_menu(staff_client, site):
    html = staff_client.get("/admin/").content.decode()
    assert "/django-admin/privacy/privacyrequest/" in html
    assert "/django-admin/privacy/incident/" in html


def test_checking_consent_before_an_email_costs_one_query(member, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert emails.member_accepts(member=member, category=emails.NOTIFICATION)


def test_the_privacy_panel_costs_a_fixed_number_of_queries(member_client, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from hub.privacy.services import consent_set

    def panel_queries():
        with CaptureQueriesContext(connection) as queries:
            member_client.get("/fr/mon-espace/")
        return len([q for q in queries.captured_queries if "privacy_" in q["sql"]])

    few = panel_queries()
    for _ in range(10):
        consent_set(user=member, subject="newsletter", given=True, method="my_space")
        consent_set(user=member, subject="newsletter", given=False, method="my_space")
    # The privacy panel reads the member's choices; the notifications panel asks the consent
    # rule whether notification emails are on (hub.emails, one query).
    assert panel_queries() == few <= 3
