"""Every write of the notifications room, split by what it does:

- `writes`: `notify` and marking notifications read;
- `live`: the websocket group of a member and the live events sent after commit;
- `preferences`: storing each member's delivery choices;
- `email`: one notification emailed at once, and the task that sends it;
- `digests`: the one digest email (daily or weekly, a section per room), its settings and
  its one-click unsubscribe per section;
- `privacy`: Loi 25 export and deletion of a member's notifications.

Reads live in `hub.notifications.selectors`; the reads callers used to find here are
re-exported below so `from hub.notifications import services` keeps answering them.
Tests that capture live events patch `services.live.send_live_event` (see conftest.py)."""

from ..selectors import deliveries_for, preferences_for, unread_count
from .digests import (
    EVERYTHING,
    digest_is_due,
    digest_section_stop,
    digest_send,
    digest_settings_set,
    digests_send_all,
    pending_section,
    read_section_token,
    section_token,
    subscription_for,
)
from .email import absolute_url, notification_email_send, send_notification_emails
from .live import event_for, send_live_event, send_on_commit, user_group
from .preferences import preferences_set
from .privacy import member_notifications_delete, member_notifications_export
from .writes import notifications_mark_read, notify

__all__ = [
    "EVERYTHING",
    "digest_section_stop",
    "digest_settings_set",
    "pending_section",
    "read_section_token",
    "section_token",
    "subscription_for",
    "absolute_url",
    "deliveries_for",
    "digest_is_due",
    "digest_send",
    "digests_send_all",
    "event_for",
    "member_notifications_delete",
    "member_notifications_export",
    "notification_email_send",
    "notifications_mark_read",
    "notify",
    "preferences_for",
    "preferences_set",
    "send_live_event",
    "send_notification_emails",
    "send_on_commit",
    "unread_count",
    "user_group",
]
