"""The incident register's CSV export and the notice to affected members (Regulation
respecting confidentiality incidents, art. 5 and 11)."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from hub.csv_export import csv_response

from .models import Incident, PrivacyOfficer

REGISTER_FIELDS = [
    "id",
    "information_description",
    "circumstances",
    "occurred_on",
    "occurred_until",
    "occurred_note",
    "learned_on",
    "persons_affected",
    "persons_affected_approximate",
    "risk_assessment",
    "serious_injury_risk",
    "commission_notified_on",
    "persons_notified_on",
    "public_notice",
    "measures_taken",
    "created_at",
    "updated_at",
]


def register_csv(queryset) -> HttpResponse:
    """The register as CSV, headed with the fields' names in the current language."""
    header = [str(Incident._meta.get_field(name).verbose_name) for name in REGISTER_FIELDS]
    rows = (
        [
            "" if getattr(incident, name) is None else getattr(incident, name)
            for name in REGISTER_FIELDS
        ]
        for incident in queryset.order_by("learned_on", "id")
    )
    return csv_response(f"registre-incidents-{timezone.localdate():%Y-%m-%d}.csv", header, rows)


def notice_text(incident: Incident, *, language: str = "fr") -> str:
    """The notice to send to each affected member, filled in from the register, for staff
    to review and send."""
    officer = PrivacyOfficer.load()
    with translation.override(language):
        return render_to_string(
            "privacy/incident_notice.txt",
            {
                "incident": incident,
                "officer": officer,
                "officer_title": officer.title(language),
                "officer_address": officer.postal_address or settings.HUB_POSTAL_ADDRESS,
            },
        )


def notice_response(request, incident: Incident) -> HttpResponse:
    language = request.GET.get("lang") if request.GET.get("lang") in ("fr", "en") else "fr"
    return HttpResponse(
        notice_text(incident, language=language), content_type="text/plain; charset=utf-8"
    )
