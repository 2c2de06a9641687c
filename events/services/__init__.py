"""Every write about events, split by what it does:

- `registrations`: registering and cancelling, the waitlist and its promotion;
- `publishing`: what publishing, changing or cancelling an event does to its registrants
  and translations (and the replay announcement);
- `reminders`: the 24-hour and 1-hour reminders;
- `staff`: attendance and messages staff write to registrants;
- `tokens`: private calendar tokens;
- `themes`: what a theme's deletion does to the feeds;
- `retention`: Loi 25 deletion and how long attendee lists are kept;
- `common`: the steps they share (the event lock, seat counts, telling registrants).

Emails leave after commit (as tasks); notifications are written in the caller's
transaction. Every name below stays importable from `events.services`."""

from .publishing import event_cancel, event_published, event_update, schedule_signature
from .registrations import RegistrationError, registration_cancel, registration_create
from .reminders import REMINDERS, ReminderWindow, reminders_send
from .retention import member_events_delete, registrations_purge_past
from .staff import attendance_mark, registrants_message
from .themes import theme_deleting
from .tokens import calendar_token_get_or_create, calendar_token_regenerate

__all__ = [
    "REMINDERS",
    "RegistrationError",
    "ReminderWindow",
    "attendance_mark",
    "calendar_token_get_or_create",
    "calendar_token_regenerate",
    "event_cancel",
    "event_published",
    "event_update",
    "member_events_delete",
    "registrants_message",
    "registration_cancel",
    "registration_create",
    "registrations_purge_past",
    "reminders_send",
    "schedule_signature",
    "theme_deleting",
]
