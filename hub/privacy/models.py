"""What Loi 25 and Canada's anti-spam law ask us to keep: each member's current choices, an
append-only log of every consent and unsubscribe, staff's request queue, the incident
register, and who is in charge of personal information."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from . import wordings


class MemberPrivacy(models.Model):
    """A member's current choices. No row means every default: private profile, no consent
    given, notification emails on. The history of each change is in ConsentEvent."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Only me (and staff who answer my requests)")
        MEMBERS = "members", _("Signed-in members")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="privacy",
        verbose_name=_("member"),
    )
    profile_visibility = models.CharField(
        _("who can see my profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    newsletter = models.BooleanField(_("infolettre"), default=False)
    statistics = models.BooleanField(_("aggregate statistics"), default=False)
    email_notifications = models.BooleanField(_("notification emails"), default=True)
    emails_stopped = models.BooleanField(_("all non-essential emails stopped"), default=False)
    inactivity_notice_sent_at = models.DateTimeField(
        _("inactivity notice sent at"), null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member's privacy choices")
        verbose_name_plural = _("members' privacy choices")

    def __str__(self) -> str:
        return str(self.user)


class AppendOnlyError(Exception):
    pass


class ConsentEvent(models.Model):
    """One line of the consent and unsubscribe log. Rows are only ever added: never changed,
    never deleted one by one (the retention command removes whole rows of deleted accounts
    after the period set in HUB_RETENTION)."""

    class Subject(models.TextChoices):
        NEWSLETTER = wordings.NEWSLETTER, _("Infolettre")
        # Retired: no longer offered, kept so that members' old log rows are labelled.
        DIRECTORY = "directory", _("Member directory")
        STATISTICS = wordings.STATISTICS, _("Aggregate statistics")
        TERMS = wordings.TERMS, _("Terms of use")
        AGE_14 = wordings.AGE_14, _("14 years or older")
        EMAIL_NOTIFICATION = wordings.EMAIL_NOTIFICATION, _("Notification emails")
        EMAIL_ALL = wordings.EMAIL_ALL, _("All non-essential emails")

    class Action(models.TextChoices):
        GIVEN = "given", _("given")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Method(models.TextChoices):
        SIGNUP = "signup_form", _("sign-up form")
        MY_SPACE = "my_space", _("My space")
        UNSUBSCRIBE_PAGE = "unsubscribe_page", _("unsubscribe link in an email")
        ONE_CLICK = "one_click", _("one-click unsubscribe from the mail program")
        ACCOUNT_DELETION = "account_deletion", _("account deletion")
        STAFF = "staff", _("staff, at the member's request")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consent_events",
        verbose_name=_("member"),
    )
    subject = models.CharField(_("subject"), max_length=30, choices=Subject.choices)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    wording_version = models.CharField(_("wording version"), max_length=20)
    method = models.CharField(_("how"), max_length=20, choices=Method.choices)
    created_at = models.DateTimeField(_("time"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("consent or unsubscribe event")
        verbose_name_plural = _("consent and unsubscribe log")
        indexes = [models.Index(fields=["user", "subject"], name="privacy_consent_user_subject")]

    def __str__(self) -> str:
        return f"{self.get_subject_display()} — {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The consent log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The consent log is append-only.")

    @property
    def wording(self):
        return wordings.wording(self.subject, self.wording_version)


def add_30_days(value: datetime.date) -> datetime.date:
    return value + datetime.timedelta(days=30)


class PrivacyRequest(models.Model):
    """A request received by mail, phone or email, which staff must answer within 30 days
    (Loi 25, art. 32 of the private sector act). A refusal needs a written reason."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Access to personal information")
        RECTIFICATION = "rectification", _("Rectification")
        DELETION = "deletion", _("Deletion")
        DEINDEX = "deindex", _("Stop publishing or de-index a post")
        PORTABILITY = "portability", _("Portability")
        WITHDRAW = "withdraw", _("Withdrawal of consent")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", pgettext_lazy("request status", "Done")
        REFUSED = "refused", _("Refused")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    requester_name = models.CharField(_("requester's name"), max_length=200)
    requester_contact = models.CharField(
        _("requester's contact"), max_length=200, help_text=_("Email, phone or postal address.")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("member concerned"),
    )
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    due_on = models.DateField(
        _("answer due on"),
        blank=True,
        help_text=_("30 days after receipt; filled in automatically."),
    )
    details = models.TextField(_("what is asked"))
    post_url = models.CharField(
        _("address of the post"),
        max_length=500,
        blank=True,
        help_text=_("For a request to stop publishing or de-index a post."),
    )
    answer = models.TextField(_("answer given"), blank=True)
    refusal_reason = models.TextField(
        _("reason for refusal"),
        blank=True,
        help_text=_("Required when the request is refused: the requester receives it in writing."),
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["status", "due_on"]
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.requester_name}"

    def save(self, *args, **kwargs):
        if self.received_on and not self.due_on:
            self.due_on = add_30_days(self.received_on)
        if not self.is_open and not self.answered_on:
            self.answered_on = timezone.localdate()
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.RECEIVED, self.Status.IN_PROGRESS}

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()

    def clean(self):
        errors = {}
        if self.status == self.Status.REFUSED and not self.refusal_reason.strip():
            errors["refusal_reason"] = _("Write the reason for the refusal.")
        if self.kind == self.Kind.DEINDEX and not self.post_url.strip():
            errors["post_url"] = _("Give the address of the post.")
        if errors:
            raise ValidationError(errors)


class Incident(models.Model):
    """The register of confidentiality incidents, with the fields the Regulation respecting
    confidentiality incidents lists (art. 11). Kept at least 5 years after the date the
    organisation learned of the incident."""

    information_description = models.TextField(
        _("personal information concerned"),
        help_text=_("Describe it; if it is not known, say why."),
    )
    circumstances = models.TextField(_("circumstances of the incident"))
    occurred_on = models.DateField(
        _("date or start of the incident"),
        null=True,
        blank=True,
        help_text=_("Approximate if unknown."),
    )
    occurred_until = models.DateField(_("end of the incident"), null=True, blank=True)
    occurred_note = models.CharField(
        _("note on the date"),
        max_length=200,
        blank=True,
        help_text=_("For example: date approximate, or unknown and why."),
    )
    learned_on = models.DateField(_("date the organization learned of it"))
    persons_affected = models.PositiveIntegerField(
        _("number of persons concerned"), help_text=_("Approximate if unknown.")
    )
    persons_affected_approximate = models.BooleanField(_("number is approximate"), default=False)
    risk_assessment = models.TextField(
        _("assessment of the risk of serious injury"),
        help_text=_(
            "Sensitivity of the information, possible malicious uses, foreseeable "
            "consequences and their likelihood."
        ),
    )
    serious_injury_risk = models.BooleanField(_("risk of serious injury"), default=False)
    commission_notified_on = models.DateField(
        _("notice to the Commission d'accès à l'information sent on"), null=True, blank=True
    )
    persons_notified_on = models.DateField(
        _("notice to the persons concerned sent on"), null=True, blank=True
    )
    public_notice = models.TextField(
        _("public notice"),
        blank=True,
        help_text=_("Whether a public notice was given, and why."),
    )
    measures_taken = models.TextField(
        _("measures taken"), help_text=_("To reduce the risk of injury and prevent new incidents.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-learned_on", "-id"]
        verbose_name = _("confidentiality incident")
        verbose_name_plural = _("confidentiality incident register")

    def __str__(self) -> str:
        return f"{self.learned_on} — {self.information_description[:60]}"

    def clean(self):
        if self.occurred_on and self.occurred_until and self.occurred_until < self.occurred_on:
            raise ValidationError({"occurred_until": _("The end is before the start.")})


@register_setting(icon="lock")
class PrivacyOfficer(BaseGenericSetting):
    """Who is in charge of personal information (Loi 25, art. 3.1): shown on the privacy
    page. By default the person with the highest authority, the executive director."""

    title_fr = models.CharField(
        _("title (French)"),
        max_length=200,
        default="Direction générale, responsable de la protection des renseignements personnels",
    )
    title_en = models.CharField(
        _("title (English)"),
        max_length=200,
        default="Executive director, person in charge of the protection of personal information",
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), default="confidentialite@dataide.example")
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("Leave blank to use the hub's postal address."),
    )

    class Meta:
        verbose_name = _("person in charge of personal information")

    def title(self, language: str) -> str:
        return self.title_en if language == "en" and self.title_en else self.title_fr


class ModerationEntry(models.Model):
    """The audit log of privacy moderation: who unpublished or redacted a post, or asked
    search engines not to index a page, when and why. Append-only. It never stores the
    words that were removed, only how many times they were replaced."""

    class Action(models.TextChoices):
        UNPUBLISH = "unpublish", _("Post unpublished")
        REDACT = "redact", _("Name replaced in a post")
        NOINDEX = "noindex", _("Page marked noindex")
        INDEX = "index", _("noindex removed")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    target = models.CharField(_("what"), max_length=300)
    path = models.CharField(_("address"), max_length=500, blank=True)
    replacements = models.PositiveIntegerField(_("replacements"), default=0)
    reason = models.TextField(_("reason"))
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderator"),
    )
    created_at = models.DateTimeField(_("time"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("privacy moderation")
        verbose_name_plural = _("privacy moderation log")

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The moderation log is append-only.")


class NoIndexPath(models.Model):
    """A page search engines are asked not to index (X-Robots-Tag: noindex), for example a
    page that names someone who asked to be de-indexed."""

    path = models.CharField(_("address"), max_length=500, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("page not to index")
        verbose_name_plural = _("pages not to index")

    def __str__(self) -> str:
        return self.path
