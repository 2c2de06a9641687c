"""Every write the forum adds to machina. Each service checks, then writes; on a refused
action it raises `ForumError` with a translated message and changes nothing. Split by what
they do:

- `posting`: a message's content, anti-flood, approval of first messages, quoting;
- `publishing`: what follows a published post (mentions, notifications, the live event),
  and a post held for moderation (its moderators are told);
- `follows`: following a forum;
- `reactions`, `reports`, `solutions`: reacting, reporting to moderators, the accepted
  answer.

Every name below stays importable from `forum.services`."""

from ..errors import ForumError
from .follows import forum_follow_toggle, forum_followers_who_can_read
from .posting import (
    MAX_POST_LENGTH,
    post_check_allowed,
    post_check_content,
    post_needs_approval,
    preview_check_allowed,
    quote_for_reply,
)
from .publishing import (
    MAX_MENTIONS,
    mentioned_handles,
    mentioned_members,
    post_held,
    post_published,
    post_url,
    send_topic_event_on_commit,
)
from .reactions import REACTION_NOTIFIED_TTL, reaction_notify, reaction_toggle
from .reports import MAX_REASON_LENGTH, post_report, reports_resolve
from .solutions import topic_accept_answer, topic_unaccept_answer

__all__ = [
    "MAX_MENTIONS",
    "MAX_POST_LENGTH",
    "MAX_REASON_LENGTH",
    "REACTION_NOTIFIED_TTL",
    "ForumError",
    "forum_follow_toggle",
    "forum_followers_who_can_read",
    "mentioned_handles",
    "mentioned_members",
    "post_check_allowed",
    "post_check_content",
    "post_held",
    "post_needs_approval",
    "post_published",
    "post_report",
    "post_url",
    "preview_check_allowed",
    "quote_for_reply",
    "reaction_notify",
    "reaction_toggle",
    "reports_resolve",
    "send_topic_event_on_commit",
    "topic_accept_answer",
    "topic_unaccept_answer",
]
