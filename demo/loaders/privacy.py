"""Demo privacy data: who is in charge, a few members' sign-up consents, one request in
the queue (content: demo/content/privacy.toml)."""

import datetime

from django.utils import timezone

from hub.accounts.models import User
from hub.privacy.models import ConsentEvent, PrivacyOfficer, PrivacyRequest
from hub.privacy.services import consent_set

from . import content


def seed(log) -> None:
    data = content("privacy")
    officer = PrivacyOfficer.load()
    if not officer.name:
        officer.name = data["officer"]
        officer.save()
    for spec in data["consents"]:
        member = User.objects.filter(email=spec["member"]).first()
        # A member with any consent on record has made their choices already.
        if member is None or ConsentEvent.objects.filter(user=member).exists():
            continue
        for subject in spec["subjects"]:
            consent_set(user=member, subject=subject, given=True, method="signup_form")
    today = timezone.localdate()
    for spec in data["requests"]:
        PrivacyRequest.objects.get_or_create(
            requester_name=spec["requester_name"],
            kind=spec["kind"],
            defaults={
                "requester_contact": spec["requester_contact"],
                "received_on": today - datetime.timedelta(days=spec["received_days_ago"]),
                "details": spec["details"],
            },
        )
    log("privacy: person in charge, demo consents, one request in the queue")
