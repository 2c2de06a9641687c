"""The member's data download as a zip: one JSON file with everything, and one CSV file per
section for people who open it in a spreadsheet (Loi 25, right to portability: a
structured, commonly used technological format)."""

import io
import json
import zipfile

from django.utils import timezone

from hub.accounts.services import member_export
from hub.csv_export import csv_bytes

from . import services
from .models import ConsentEvent


def _rows(value) -> tuple[list[str], list[list]]:
    """A section as a table: a list of dicts gives one row per item; a dict gives
    key/value rows (nested values are written as JSON)."""

    def cell(item):
        if isinstance(item, dict | list):
            return json.dumps(item, ensure_ascii=False, default=str)
        return "" if item is None else item

    if isinstance(value, list):
        if value and all(isinstance(item, dict) for item in value):
            header = []
            for item in value:
                header += [key for key in item if key not in header]
            return header, [[cell(item.get(key)) for key in header] for item in value]
        return ["value"], [[cell(item)] for item in value]
    if isinstance(value, dict):
        return ["field", "value"], [[key, cell(item)] for key, item in value.items()]
    return ["value"], [[cell(value)]]


def member_export_zip(*, user) -> bytes:
    """Builds the zip in memory: `donnees.json` plus `<section>.csv` for each section, and
    for a section made of sub-lists (like privacy's consent log) `<section>-<part>.csv`."""
    data = member_export(user=user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "donnees.json", json.dumps(data, ensure_ascii=False, indent=2, default=str)
        )
        for name, value in data.items():
            if name == "exported_at":
                continue
            if (
                isinstance(value, dict)
                and value
                and all(isinstance(item, dict | list) for item in value.values())
            ):
                for part, sub in value.items():
                    archive.writestr(f"{name}-{part}.csv", csv_bytes(*_rows(sub)))
            else:
                archive.writestr(f"{name}.csv", csv_bytes(*_rows(value)))
        archive.writestr(
            "LISEZMOI.txt",
            (
                "Vos données DATAide Hub / Your DATAide Hub data\n"
                f"{timezone.localtime():%Y-%m-%d %H:%M}\n\n"
                "donnees.json : tout, en JSON / everything, as JSON.\n"
                "*.csv : chaque section en tableau / each section as a table.\n"
            ).encode(),
        )
    return buffer.getvalue()


def privacy_export(user) -> dict:
    """Privacy's section of the download: the member's choices and their whole consent log
    (registered on hub.extensions.member_exports from hooks.py)."""
    privacy = services.privacy_for(user)
    return {
        "choices": {
            "profile_visibility": privacy.profile_visibility,
            "newsletter": privacy.newsletter,
            "statistics": privacy.statistics,
            "email_notifications": privacy.email_notifications,
            "emails_stopped": privacy.emails_stopped,
        },
        "consent_log": [
            {
                "time": event.created_at.isoformat(),
                "subject": event.subject,
                "action": event.action,
                "wording_version": event.wording_version,
                "wording": str(event.wording.label) if event.wording else "",
                "method": event.method,
            }
            for event in ConsentEvent.objects.filter(user=user).order_by("created_at", "id")
        ],
    }
