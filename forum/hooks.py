"""Where the forum plugs into the other rooms: its section of the member's data download,
what goes when a member leaves (their posts stay), and its kinds of notification.
(machina's own signals are wired in apps.py: they are how the forum runs, not how it plugs
into the hub.)"""

from django.utils.translation import gettext_lazy as _

from hub import extensions
from hub.notifications.kinds import DIGEST, EMAIL, Kind

from . import access, member_data

# Default deliveries, what a member expects before they choose: what speaks to them or asks
# them to act comes by email at once (a reply to their question, a mention, their held
# message published; for moderators, a message to approve or a report); the rest of the
# forum's news waits for the daily digest. Sent only within the consent rule (hub.emails:
# notification emails are on unless the member turned them off).
NOTIFICATION_KINDS = [
    Kind(
        "forum.answer",
        label=_("Replies to your questions"),
        one=_("%(actor)s replied to your question “%(target)s”"),
        many=_("%(count)s new replies to your question “%(target)s”"),
        default_delivery=EMAIL,
    ),
    Kind(
        "forum.mention",
        label=_("Mentions of your name in the forum"),
        one=_("%(actor)s mentioned you in “%(target)s”"),
        many=_("You were mentioned %(count)s times in “%(target)s”"),
        default_delivery=EMAIL,
    ),
    Kind(
        "forum.approved",
        label=_("Your messages published after a moderator's approval"),
        one=_("Your message in “%(target)s” is published: a moderator approved it"),
        default_delivery=EMAIL,
    ),
    Kind(
        "forum.reply",
        label=_("Replies in topics you follow"),
        one=_("%(actor)s replied in “%(target)s”"),
        many=_("%(count)s new replies in “%(target)s”"),
        default_delivery=DIGEST,
    ),
    Kind(
        "forum.new_topic",
        label=_("New questions in forums you follow"),
        one=_("%(actor)s asked “%(target)s”"),
        default_delivery=DIGEST,
    ),
    # Minor news that asks for no action: never an email at once by default (a busy worker
    # would get one email per thumbs-up), the daily digest at most.
    Kind(
        "forum.reaction",
        label=_("Reactions to your messages"),
        one=_("%(actor)s reacted to your message in “%(target)s”"),
        many=_("%(count)s reactions to your messages in “%(target)s”"),
        default_delivery=DIGEST,
    ),
    Kind(
        "forum.solution",
        label=_("Your answer chosen as the solution"),
        one=_("%(actor)s marked your answer as the solution of “%(target)s”"),
        default_delivery=DIGEST,
    ),
    Kind(
        "forum.pending",
        label=_("Messages waiting for your approval (moderators)"),
        one=_("A message by %(actor)s in “%(target)s” waits for your approval"),
        many=_("%(count)s messages in “%(target)s” wait for your approval"),
        default_delivery=EMAIL,
        audience=access.can_moderate_some_forum,
    ),
    Kind(
        "forum.report",
        label=_("Reported messages (moderators)"),
        one=_("%(actor)s reported a message in “%(target)s”"),
        many=_("%(count)s reports in “%(target)s”"),
        default_delivery=EMAIL,
        audience=access.can_moderate_some_forum,
    ),
]


def member_deleting(sender, user, **kwargs) -> None:
    member_data.member_forum_delete(user=user)


def register() -> None:
    extensions.member_exports.register("forum", member_data.member_forum_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="community.member_deleting")
    for kind in NOTIFICATION_KINDS:
        extensions.notification_kinds.register(kind.code, kind)
