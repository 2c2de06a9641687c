"""Events (Wagtail pages, translated), their registrations and the small rows that make
reminders idempotent and member calendars private.

A translated event is several page rows (one per locale) sharing a `translation_key`.
The *original* row (the first one created, normally the French page) owns everything that
is not words: dates, capacity, links, cancellation, SEQUENCE. Registrations point at the
original, so the French and English pages of one event share their seats and waitlist;
`events.services.event_published` copies the original's scheduling fields onto its
translations whenever either is published."""

import secrets
from datetime import timedelta

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import selectors

DEFAULT_DURATION_MINUTES = 60
JOIN_OPENS_MINUTES = 15


class BilingualName(models.Model):
    """A small label staff name in both languages (series; themes are cms.Theme)."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    panels = [FieldPanel("name_fr"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["name_fr"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if translation.get_language() == "en" else self.name_fr


class EventSeries(BilingualName):
    """Related sessions, such as a training in four parts."""

    class Meta(BilingualName.Meta):
        verbose_name = _("event series")
        verbose_name_plural = _("event series")


class EventIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.index_context(index_page=self, params=request.GET))
        context["nav_section"] = "events"
        return context


class EventPage(Page):
    class Format(models.TextChoices):
        WEBINAR = "webinar", _("Webinar")
        IN_PERSON = "in_person", _("In person")
        HYBRID = "hybrid", _("Hybrid")

    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = RichTextField(_("description"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(
        _("end"),
        null=True,
        blank=True,
        help_text=_("Leave blank for a one-hour event."),
    )
    format = models.CharField(
        _("format"), max_length=12, choices=Format.choices, default=Format.WEBINAR
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("Address, for in-person events.")
    )
    platform = models.CharField(
        _("platform"), max_length=120, blank=True, help_text=_("For example: Zoom, Teams.")
    )
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One per line."))
    # The hub's one taxonomy; translations copy the original's (shown in their language).
    themes = ParentalManyToManyField(
        "cms.Theme", blank=True, related_name="events", verbose_name=_("themes")
    )
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("series"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave blank for no limit.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Blank: open now.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Blank: at the start.")
    )
    audience = models.CharField(_("audience"), max_length=255, blank=True)
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Captions, sign language, and so on.")
    )
    questions = models.TextField(
        _("questions for registrants"),
        blank=True,
        help_text=_("Optional; one question per line. Answers are optional too."),
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        max_length=500,
        help_text=_("Private: shown only to confirmed registrants, from 15 minutes before."),
    )
    replay_url = models.URLField(_("replay link"), blank=True, max_length=500)
    replay_resource = models.ForeignKey(
        "cms.ResourcePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("replay in the library"),
        help_text=_("The library resource of the replay (format: webinar replay)."),
    )
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        blank=True,
        verbose_name=_("documents"),
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Registrants are told when you publish. Cannot be undone."),
    )
    # Kept out of revisions (see with_content_json): only services change them.
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    schedule_signature = models.CharField(max_length=200, blank=True, editable=False)
    replay_announced_at = models.DateTimeField(null=True, blank=True, editable=False)
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # What the original owns and its translations copy (see the module docstring).
    SCHEDULING_FIELDS = (
        "start",
        "end",
        "format",
        "capacity",
        "registration_opens_at",
        "registration_closes_at",
        "join_url",
        "replay_url",
        "replay_resource",
        "series",
        "cancelled",
        "cancelled_at",
        "sequence",
        "schedule_signature",
        "replay_announced_at",
        "changed_at",
    )
    SERVICE_FIELDS = (
        "cancelled_at",
        "sequence",
        "schedule_signature",
        "replay_announced_at",
        "changed_at",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("place"), FieldPanel("platform")]),
                FieldPanel("series"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("body"),
        FieldPanel("speakers"),
        FieldPanel("audience"),
        FieldPanel("accessibility"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldPanel("questions"),
                FieldPanel("join_url"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [FieldPanel("replay_url"), FieldPanel("replay_resource"), FieldPanel("documents")],
            heading=_("After the event"),
        ),
        FieldPanel("cancelled"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("speakers"),
        index.SearchField("format_words"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start"])]

    def with_content_json(self, content):
        # A revision must never bring back an older SEQUENCE or cancellation state.
        obj = super().with_content_json(content)
        for name in self.SERVICE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    @cached_property
    def original(self) -> "EventPage":
        """The row registrations and scheduling belong to (the first created translation)."""
        first = (
            EventPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if first is None or first == self.pk:
            return self
        return EventPage.objects.get(pk=first)

    @property
    def effective_end(self):
        return self.end or self.start + timedelta(minutes=DEFAULT_DURATION_MINUTES)

    @property
    def is_past(self) -> bool:
        return self.effective_end <= timezone.now()

    @property
    def join_opens_at(self):
        return self.start - timedelta(minutes=JOIN_OPENS_MINUTES)

    def format_words(self) -> str:
        """The format's name in the page's language, indexed so that "webinar" or
        "webinaire" finds the webinars (their titles seldom say it)."""
        from django.utils import translation

        with translation.override(self.locale.language_code if self.locale_id else None):
            return str(self.get_format_display())

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    @property
    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def location_text(self) -> str:
        return ", ".join(part for part in (self.place, self.platform) if part)

    @property
    def uid(self) -> str:
        """Same UID in every feed, download and invitation, in both languages."""
        return f"event-{self.translation_key}@dataide-hub"

    @property
    def last_modified(self):
        stamps = [
            stamp
            for stamp in (self.last_published_at, self.changed_at, self.latest_revision_created_at)
            if stamp
        ]
        return max(stamps) if stamps else self.start

    def registration_window_state(self, now=None) -> str:
        """ "cancelled", "past", "not_open", "closed" or "open" (capacity aside)."""
        now = now or timezone.now()
        if self.cancelled:
            return "cancelled"
        if self.start <= now:
            return "past"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_open"
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed"
        return "open"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.event_page_context(page=self, user=request.user))
        context["nav_section"] = "events"
        return context


class FormerThemeSlug(models.Model):
    """The slug of a per-theme feed from before events used the library's themes (migration
    0004): calendars subscribed to it are redirected for good to the theme it became."""

    slug = models.SlugField(max_length=80, unique=True)
    theme = models.ForeignKey("cms.Theme", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.slug} → {self.theme_id}"


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        EventPage,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_registrations",
        verbose_name=_("member"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    # Order in the waitlist: taken from a counter under the event lock; the position shown
    # to the member is their rank among those still waiting.
    waitlist_order = models.PositiveIntegerField(null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # Rises with every change of status: added to the event's SEQUENCE in this member's
    # invitations, so each invitation or withdrawal outranks the ones before (RFC 5546).
    sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_one_registration")
        ]
        indexes = [models.Index(fields=["event", "status", "waitlist_order"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.event} ({self.get_status_display()})"


class RegistrationMessage(models.Model):
    """A message already sent for a registration (reminders, replay): written in the same
    transaction as the send, so a second run of the command sends nothing twice."""

    class Kind(models.TextChoices):
        REMINDER_24H = "reminder_24h", _("Reminder 24 hours before")
        REMINDER_1H = "reminder_1h", _("Reminder 1 hour before")
        REPLAY = "replay", _("Replay online")

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "kind"], name="events_message_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.registration_id}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a member's private calendar URL. Regenerating replaces it, so the old
    URL stops working at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calendar of member #{self.user_id}"
