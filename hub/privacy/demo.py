"""Demo privacy data: who is in charge, a few members' choices, one request in the queue.
Idempotent: running it twice changes nothing."""

import datetime

from django.utils import timezone

from hub.accounts.models import User

from . import wordings
from .models import ConsentEvent, PrivacyOfficer, PrivacyRequest
from .services import consent_set

ORDER = 15  # after accounts (10), which makes the demo members


def seed(log) -> None:
    officer = PrivacyOfficer.load()
    if not officer.name:
        officer.name = "Mireille Gauthier"
        officer.save()
    members = list(User.objects.filter(is_staff=False, deleted_at__isnull=True).order_by("pk")[:4])
    for index, member in enumerate(members):
        if ConsentEvent.objects.filter(user=member).exists():
            continue
        consent_set(user=member, subject=wordings.NEWSLETTER, given=True, method="signup_form")
        if index % 2 == 0:
            consent_set(user=member, subject=wordings.DIRECTORY, given=True, method="signup_form")
    PrivacyRequest.objects.get_or_create(
        requester_name="Line Côté",
        kind=PrivacyRequest.Kind.ACCESS,
        defaults={
            "requester_contact": "Lettre reçue par la poste",
            "received_on": timezone.localdate() - datetime.timedelta(days=12),
            "details": "Demande une copie des renseignements que DATAide Hub détient sur elle.",
        },
    )
    log("privacy: person in charge, demo consents, one request in the queue")
