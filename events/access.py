"""Who may see what of an event: each rule written once, here, and called by views, the
emails and calendars the tasks build, the admin's buttons and templates (through
events_tags) alike. `can_*` answers yes or no; `access_*` loads and authorises, raising
`Http404`/`PermissionDenied` (Zulip's `access_message` is the model).

The join link (a meeting URL that lets anyone in) is the secret these rules keep:
- the join *page* (/evenements/<id>/rejoindre/) is offered to confirmed registrants of an
  event that has an online part and is not cancelled — on the event page, in emails, in
  invitations and in the private calendar;
- the join *link* itself appears on that page only, from JOIN_OPENS_MINUTES before the
  start until the end."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import CalendarToken, EventPage, Registration

Status = Registration.Status


def is_confirmed(registration: Registration | None) -> bool:
    return registration is not None and registration.status == Status.CONFIRMED


def has_join_page(event: EventPage) -> bool:
    """Whether the event is joined online at all, now: an in-person event has no join page,
    and a cancelled one no longer has one."""
    return event.format != EventPage.Format.IN_PERSON and not event.cancelled


def can_see_join_page(*, event: EventPage, registration: Registration | None) -> bool:
    """The "Join the webinar" link to the hub's join page (never the join link itself)."""
    return is_confirmed(registration) and has_join_page(event)


def join_link_open(*, event: EventPage, now=None) -> bool:
    now = now or timezone.now()
    return event.join_opens_at <= now < event.effective_end


def can_see_join_link(*, event: EventPage, registration: Registration | None, now=None) -> bool:
    """The join link itself: a confirmed registrant, while the join window is open."""
    return can_see_join_page(event=event, registration=registration) and join_link_open(
        event=event, now=now
    )


def access_join_page(*, pk: int) -> EventPage:
    """The live event whose join page this is; `Http404` for an in-person event (it has
    none). Who may see the link on it: `can_see_join_link`."""
    page = get_object_or_404(EventPage.objects.live(), pk=pk)
    if page.format == EventPage.Format.IN_PERSON:
        raise Http404
    return page


# --- registrations (who came, what they answered) -----------------------------------------


def can_see_registrations(user) -> bool:
    """Attendee lists, attendance, the CSV export and messages to registrants: active staff
    (as Django's admin decides who is staff)."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def access_registrations(*, user, pk: int) -> EventPage:
    if not can_see_registrations(user):
        raise PermissionDenied
    return get_object_or_404(EventPage, pk=pk)


# --- the private calendar -------------------------------------------------------------------


def access_private_feed(*, token: str):
    """The member whose private calendar `token` opens; `Http404` for an unknown or revoked
    token and for a member who can no longer sign in (the feed carries join pages)."""
    row = CalendarToken.objects.select_related("user").filter(token=token).first()
    if row is None or not row.user.is_active:
        raise Http404
    return row.user
