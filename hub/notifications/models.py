from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import DELIVERY_CHOICES, DIGEST, EMAIL


class DigestRun(models.Model):
    """One sending of a digest email to one member. Written in the same transaction that
    marks the notifications it reported, so a second run (or a retry after a crash) never
    reports them again."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_digests",
        verbose_name=_("recipient"),
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    items = models.PositiveIntegerField(_("notifications reported"), default=0)
    # False when the member refuses notification emails: the rows are settled anyway.
    sent = models.BooleanField(_("sent"), default=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("digest email")
        verbose_name_plural = _("digest emails")

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.created_at:%Y-%m-%d %H:%M}"


class DigestSubscription(models.Model):
    """How often a member gets the digest email and which of its sections they stopped
    (one click in the email, no login). Without a row: daily, every section."""

    class Frequency(models.TextChoices):
        DAILY = "daily", _("Every day")
        WEEKLY = "weekly", _("Every week (on Monday)")
        OFF = "off", _("Never")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_subscription",
        verbose_name=_("member"),
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    # Codes of hub.extensions.digest_sections the member stopped.
    sections_off = models.JSONField(_("sections stopped"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("digest subscription")
        verbose_name_plural = _("digest subscriptions")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.frequency}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def email_pending(self, delivery: str):
        """Unread rows that still hold something the member has not been emailed about.
        Reading a row on the site takes it out of here: that is what cancels an email."""
        return self.filter(
            email_delivery=delivery, read_at__isnull=True, emailed_count__lt=F("count")
        )


class Notification(models.Model):
    """The source of truth: a websocket message is only a hint that a row exists."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=50)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    target_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    target_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    # Written in the recipient's language when the row is created or collapsed.
    text = models.CharField(_("text"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # Ten replies in one topic are one unread row with count=10.
    count = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # Email follow-up chosen by the member's preference when the row was last written:
    # "" (site only), "email" (at once) or "digest". `emailed_count` is the `count` the
    # member has been emailed about, so a collapsed row with new activity is pending again.
    email_delivery = models.CharField(
        _("email"),
        max_length=10,
        blank=True,
        choices=[c for c in DELIVERY_CHOICES if c[0] in (EMAIL, DIGEST)],
    )
    emailed_count = models.PositiveIntegerField(default=0)
    emailed_at = models.DateTimeField(null=True, blank=True)
    digest_run = models.ForeignKey(
        DigestRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="notifications"
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at", "-id"], name="notif_recipient_unread"),
            models.Index(
                fields=["recipient", "kind", "target_type", "target_id"], name="notif_collapse"
            ),
            models.Index(
                fields=["email_delivery", "recipient"],
                name="notif_email_pending",
                condition=Q(read_at__isnull=True) & ~Q(email_delivery=""),
            ),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A member's choice for one kind. Without a row, the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("member"),
    )
    kind = models.CharField(_("kind"), max_length=50)
    delivery = models.CharField(_("delivery"), max_length=10, choices=DELIVERY_CHOICES)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.delivery}"
