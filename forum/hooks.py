"""Where the forum plugs into the other rooms: its section of the member's data download,
what goes when a member leaves (their posts stay), its kinds of notification, and its
discussions in the site search.
(machina's own signals are wired in apps.py: they are how the forum runs, not how it plugs
into the hub.)"""

from django.utils.translation import gettext_lazy as _

from hub import extensions
from hub.notifications.kinds import SITE, Kind

from . import member_data, site_search

NOTIFICATION_KINDS = [
    Kind(
        "forum.reply",
        label=_("Replies in topics you follow"),
        one=_("%(actor)s replied in “%(target)s”"),
        many=_("%(count)s new replies in “%(target)s”"),
    ),
    Kind(
        "forum.new_topic",
        label=_("New questions in forums you follow"),
        one=_("%(actor)s asked “%(target)s”"),
    ),
    Kind(
        "forum.mention",
        label=_("Mentions of your name in the forum"),
        one=_("%(actor)s mentioned you in “%(target)s”"),
        many=_("You were mentioned %(count)s times in “%(target)s”"),
    ),
    # Minor news that asks for no action: the bell only by default, never an email at
    # once (a busy worker would get one email per thumbs-up). Members who want it can
    # choose the daily digest or email in their notification preferences.
    Kind(
        "forum.reaction",
        label=_("Reactions to your messages"),
        one=_("%(actor)s reacted to your message in “%(target)s”"),
        many=_("%(count)s reactions to your messages in “%(target)s”"),
        default_delivery=SITE,
    ),
    Kind(
        "forum.solution",
        label=_("Your answer chosen as the solution"),
        one=_("%(actor)s marked your answer as the solution of “%(target)s”"),
    ),
    Kind(
        "forum.report",
        label=_("Reported messages (moderators)"),
        one=_("%(actor)s reported a message in “%(target)s”"),
        many=_("%(count)s reports in “%(target)s”"),
    ),
]


def member_deleting(sender, user, **kwargs) -> None:
    member_data.member_forum_delete(user=user)


def register() -> None:
    extensions.member_exports.register("forum", member_data.member_forum_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="community.member_deleting")
    for kind in NOTIFICATION_KINDS:
        extensions.notification_kinds.register(kind.code, kind)
    extensions.search_providers.register(
        "discussions",
        extensions.SearchProvider(
            label=_("Discussions"),
            search=site_search.search_discussions,
            words=site_search.discussion_words,
        ),
        order=20,
    )
