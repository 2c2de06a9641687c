from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    """Our additions to django-machina. The label differs from the package name because
    machina's own forum app already owns the label "forum"."""

    name = "forum"
    label = "community"
    verbose_name = _("Forum")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hub.accounts.privacy import member_deleting, register_export_section
        from hub.notifications.kinds import SITE, register_kind

        from . import privacy, receivers, tracking  # noqa: F401

        tracking.connect()

        register_export_section("forum", privacy.export_member_data)
        member_deleting.connect(privacy.member_deleting, dispatch_uid="community.member_deleting")

        register_kind(
            "forum.reply",
            label=_("Replies in topics you follow"),
            one=_("%(actor)s replied in “%(target)s”"),
            many=_("%(count)s new replies in “%(target)s”"),
        )
        register_kind(
            "forum.new_topic",
            label=_("New questions in forums you follow"),
            one=_("%(actor)s asked “%(target)s”"),
        )
        register_kind(
            "forum.mention",
            label=_("Mentions of your name in the forum"),
            one=_("%(actor)s mentioned you in “%(target)s”"),
            many=_("You were mentioned %(count)s times in “%(target)s”"),
        )
        # Minor news that asks for no action: the bell only by default, never an email at
        # once (a busy worker would get one email per thumbs-up). Members who want it can
        # choose the daily digest or email in their notification preferences.
        register_kind(
            "forum.reaction",
            label=_("Reactions to your messages"),
            one=_("%(actor)s reacted to your message in “%(target)s”"),
            many=_("%(count)s reactions to your messages in “%(target)s”"),
            default_delivery=SITE,
        )
        register_kind(
            "forum.solution",
            label=_("Your answer chosen as the solution"),
            one=_("%(actor)s marked your answer as the solution of “%(target)s”"),
        )
        register_kind(
            "forum.report",
            label=_("Reported messages (moderators)"),
            one=_("%(actor)s reported a message in “%(target)s”"),
            many=_("%(count)s reports in “%(target)s”"),
        )
