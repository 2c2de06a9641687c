"""Where the forum plugs into the other rooms: its section of the member's data download,
what goes when a member leaves (their posts stay), its kinds of notification, "Mes
questions et réponses" in Mon espace, new questions on followed themes (a kind, Mon
espace's news), its sections of the digest email, and its discussions in the site search.
(machina's own signals are wired in apps.py: they are how the forum runs, not how it plugs
into the hub.)"""

from django.utils.translation import gettext_lazy as _

from hub import extensions
from hub.notifications.kinds import DIGEST, EMAIL, Kind

from . import access, member_data, myspace, site_search

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


# A new question on a theme the member follows (its category's cms.Theme, forum/categories.py).
THEME_QUESTION = Kind(
    "forum.theme_question",
    label=_("New questions on themes you follow"),
    one=_("%(actor)s asked “%(target)s” on one of your themes"),
)

DIGEST_SECTIONS = {
    "forum.new_answers": extensions.DigestSection(
        label=_("New answers to my questions"),
        description=_("Answers posted to the questions you asked."),
        build=myspace.new_answers_section,
    ),
    "forum.unanswered": extensions.DigestSection(
        label=_("Unanswered questions in my themes"),
        description=_("Questions on the themes you follow that no one has answered yet."),
        build=myspace.unanswered_section,
    ),
}


def member_deleting(sender, user, **kwargs) -> None:
    member_data.member_forum_delete(user=user)


def register() -> None:
    extensions.member_exports.register("forum", member_data.member_forum_export)
    extensions.member_deleting.connect(member_deleting, dispatch_uid="community.member_deleting")
    for kind in NOTIFICATION_KINDS:
        extensions.notification_kinds.register(kind.code, kind)
    extensions.notification_kinds.register(THEME_QUESTION.code, THEME_QUESTION)
    extensions.dashboard_panels.register(
        "community/panels/my_forum.html", myspace.my_forum_panel, order=10
    )
    extensions.theme_news.register("forum", myspace.question_news, order=30)
    for order, (key, section) in enumerate(DIGEST_SECTIONS.items()):
        extensions.digest_sections.register(key, section, order=20 + 40 * order)
    extensions.search_providers.register(
        "discussions",
        extensions.SearchProvider(
            label=_("Discussions"),
            search=site_search.search_discussions,
            words=site_search.discussion_words,
        ),
        order=20,
    )
