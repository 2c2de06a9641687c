"""Emails about a registration, sent as background tasks after commit."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from hub import links
from hub.emails import NOTIFICATION, TRANSACTIONAL, send_member_email

from . import access, ical
from .models import Registration
from .selectors import event_in_language, ordinal, waitlist_position, when_text

# kind: (category, invitation method or None, subject, introduction)
KINDS = {
    "confirmed": (TRANSACTIONAL, "REQUEST"),
    "waitlisted": (TRANSACTIONAL, None),
    "promoted": (TRANSACTIONAL, "REQUEST"),
    "changed": (TRANSACTIONAL, "REQUEST"),
    "event_cancelled": (TRANSACTIONAL, "CANCEL"),
    "cancelled": (TRANSACTIONAL, "CANCEL"),
    "left_waitlist": (TRANSACTIONAL, None),
    "reminder_24h": (NOTIFICATION, None),
    "reminder_1h": (NOTIFICATION, None),
    "replay": (NOTIFICATION, None),
}


def _texts(kind: str, title: str, position: int | None) -> tuple[str, str]:
    values = {"title": title, "position": ordinal(position) if position else ""}
    texts = {
        "confirmed": (
            _("Registration confirmed: %(title)s"),
            _(
                "Your registration is confirmed. The invitation is attached: open it to "
                "add the event to your calendar."
            ),
        ),
        "waitlisted": (
            _("You are on the waitlist: %(title)s"),
            _(
                "The event is full. You are %(position)s on the waitlist; we will email "
                "you as soon as a seat opens up."
            ),
        ),
        "promoted": (
            _("A seat opened up: %(title)s"),
            _(
                "Good news: a seat opened up and your registration is now confirmed. "
                "The invitation is attached."
            ),
        ),
        "changed": (
            _("Updated: %(title)s"),
            _(
                "The date, time or place of this event has changed. The updated invitation "
                "is attached."
            ),
        ),
        "event_cancelled": (
            _("Cancelled: %(title)s"),
            _(
                "We are sorry: this event has been cancelled. Opening the attachment removes "
                "it from your calendar."
            ),
        ),
        "cancelled": (
            _("Registration cancelled: %(title)s"),
            _(
                "Your registration is cancelled. Opening the attachment removes the event "
                "from your calendar."
            ),
        ),
        "left_waitlist": (
            _("You left the waitlist: %(title)s"),
            _("You are no longer on the waitlist for this event."),
        ),
        "reminder_24h": (
            _("Tomorrow: %(title)s"),
            _("A reminder: the event starts in 24 hours."),
        ),
        "reminder_1h": (
            _("In one hour: %(title)s"),
            _(
                "A reminder: the event starts in one hour. The link to join is on the "
                "event's page from 15 minutes before the start."
            ),
        ),
        "replay": (
            _("The replay is online: %(title)s"),
            _("The replay of this event is online."),
        ),
    }
    subject, intro = texts[kind]
    return subject % values, intro % values


def deliver_registration_email(
    *, registration_id: int, kind: str, sequence: int | None = None
) -> bool:
    """Renders and sends one email about a registration, in the member's language, with an
    invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL) when the kind calls for
    one, numbered `sequence` (fixed by the service that asked for it; else the current
    one) and stamped with the time it is made. Returns False when nothing was sent
    (registration gone, member opted out)."""
    registration = (
        Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    )
    if registration is None or not registration.user.is_active:
        return False
    category, method = KINDS[kind]
    member = registration.user
    language = member.preferred_language or settings.LANGUAGE_CODE
    base_url = links.base_url()
    with translation.override(language):
        page = event_in_language(registration.event, language)
        page_url = f"{base_url}{page.get_url() or ''}"
        join_url = f"{base_url}{reverse('events:join', args=[page.pk])}"
        subject, intro = _texts(kind, page.title, waitlist_position(registration))
        # An invitation withdrawn (METHOD:CANCEL) names no join page either (ical.py).
        join_page_url = (
            join_url if access.can_see_join_page(event=page, registration=registration) else ""
        )
        context = {
            "subject": subject,
            "intro": intro,
            "event": page,
            "when": when_text(page),
            "page_url": page_url,
            "join_page_url": join_page_url,
            "replay_url": page.replay_url if kind == "replay" else "",
            "kind": kind,
        }
        attachments, alternatives = [], []
        if method:
            content = ical.invitation_bytes(
                page,
                member=member,
                base_url=base_url,
                join_page_url=join_page_url,
                cancel=method == "CANCEL",
                sequence=(
                    sequence
                    if sequence is not None
                    else registration.event.sequence + registration.sequence
                ),
            )
            mimetype = f"text/calendar; method={method}"
            # The inline part is what Gmail and Outlook read to offer "Add to calendar";
            # the attachment is for everything else.
            alternatives.append((content.decode(), mimetype))
            attachments.append(("invitation.ics", content, "application/ics"))
        return send_member_email(
            member=member,
            category=category,
            template="events/emails/registration",
            context=context,
            attachments=attachments,
            alternatives=alternatives,
        )


@task()
def send_registration_email(
    *, registration_id: int, kind: str, sequence: int | None = None
) -> bool:
    return deliver_registration_email(registration_id=registration_id, kind=kind, sequence=sequence)


@task()
def send_registrants_message(*, registration_id: int, subject: str, body: str) -> bool:
    """A message staff wrote to the registrants of an event (about that event)."""
    registration = (
        Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    )
    if registration is None or not registration.user.is_active:
        return False
    member = registration.user
    base_url = links.base_url()
    with translation.override(member.preferred_language or settings.LANGUAGE_CODE):
        page = event_in_language(registration.event, member.preferred_language or "fr")
        return send_member_email(
            member=member,
            category=TRANSACTIONAL,
            template="events/emails/message",
            context={
                "subject": subject,
                "message": body,
                "event": page,
                "when": when_text(page),
                "page_url": f"{base_url}{page.get_url() or ''}",
            },
        )
