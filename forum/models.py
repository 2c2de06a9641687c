"""What the forum adds to machina: reactions, reports, accepted answers, followed forums,
and each forum's themes and English words (ForumCategory)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from machina.apps.forum_conversation.models import Post, Topic


class Reaction(models.Model):
    """One member's reaction of one kind to one post (one per kind per person)."""

    class Kind(models.TextChoices):
        THANKS = "thanks", _("Thanks")
        PLUS_ONE = "plus_one", "+1"
        USEFUL = "useful", _("Useful")

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="community_reactions", verbose_name=_("post")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_reactions",
        verbose_name=_("member"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.post_id}"


class PostReport(models.Model):
    """A member tells moderators a post breaks the rules. One open report per member and post."""

    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="community_reports", verbose_name=_("post")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_reports",
        verbose_name=_("reported by"),
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="one_report_per_member")
        ]
        indexes = [models.Index(fields=["resolved_at", "post"], name="report_open_idx")]

    def __str__(self) -> str:
        return f"#{self.post_id}: {self.reason[:40]}"


class TopicSolution(models.Model):
    """The reply the topic's author (or a moderator) accepted as the answer."""

    topic = models.OneToOneField(
        Topic, on_delete=models.CASCADE, related_name="community_solution", verbose_name=_("topic")
    )
    post = models.ForeignKey(
        Post, on_delete=models.CASCADE, related_name="community_solutions", verbose_name=_("post")
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")

    def __str__(self) -> str:
        return f"{self.topic_id} → {self.post_id}"


class ForumFollow(models.Model):
    """A member follows a whole forum: they hear of every new topic in it."""

    forum = models.ForeignKey(
        "forum.Forum",
        on_delete=models.CASCADE,
        related_name="community_followers",
        verbose_name=_("forum"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_follows",
        verbose_name=_("member"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed forum")
        verbose_name_plural = _("followed forums")
        constraints = [
            models.UniqueConstraint(fields=["forum", "user"], name="one_follow_per_forum")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.forum_id}"


class ForumCategory(models.Model):
    """What the hub adds to a machina forum, shown as a category of the forum's index: the
    themes it is about (cms.Theme, the hub's one taxonomy, which the other rooms meet it
    on), and its English name and description beside machina's own French ones. A forum
    without one, or without an English name, shows its French name, marked as such."""

    forum = models.OneToOneField(
        "forum.Forum",
        on_delete=models.CASCADE,
        related_name="community_category",
        verbose_name=_("forum"),
    )
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    themes = models.ManyToManyField(
        "cms.Theme", blank=True, related_name="forum_categories", verbose_name=_("themes")
    )

    class Meta:
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name_en or str(self.forum_id)
