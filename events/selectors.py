"""Reads that matter: what a page shows a member, what goes in a feed and its validators.

Imports go one way: events.models imports this module at its top (the pages build their
context here), so this module imports nothing from events.models; the models a read queries
are looked up in Django's app registry when it runs (`_model`), which is complete by then
(as cms.selectors does)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.db.models import Count, Max, Model, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageLogEntry

from cms.selectors import localized_themes, theme_for_slug, themes_in_language

from .ical import CANCELLED_KEPT
from .themes import filed_themes, filed_under, shown_themes, theme_stamps


def _model(name: str) -> type[Model]:
    """A model of the events app: "EventPage", "Registration", "FormerThemeSlug"."""
    return apps.get_model("events", name)


def ordinal(number: int) -> str:
    """ "1ʳᵉ", "3ᵉ" in French (a place in the line), "1st", "3rd" in English."""
    if translation.get_language() == "fr":
        return f"{number}ʳᵉ" if number == 1 else f"{number}ᵉ"
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def event_in_language(event: Page, language: str) -> Page:
    """The live translation of `event` in `language`, else `event` itself."""
    EventPage = _model("EventPage")
    page = (
        EventPage.objects.live()
        .filter(translation_key=event.translation_key, locale__language_code=language)
        .first()
    )
    return page or event


def waitlist_position(registration: Model) -> int | None:
    Registration = _model("Registration")
    Status = Registration.Status
    if registration.status != Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Status.WAITLISTED
    ).filter(
        Q(waitlist_order__lt=registration.waitlist_order)
        | Q(waitlist_order=registration.waitlist_order, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def registration_for(*, event: Page, user) -> Model | None:
    Registration = _model("Registration")
    Status = Registration.Status
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(event=event.original, user=user)
        .exclude(status=Status.CANCELLED)
        .first()
    )


def event_state(*, page: Page, registration: Model | None, confirmed: int) -> dict:
    """The badge a member sees, and what they may do."""
    Status = _model("Registration").Status
    window = page.registration_window_state()
    full = page.capacity is not None and confirmed >= page.capacity
    state = {"code": window, "can_register": False, "can_cancel": False, "position": None}
    if page.cancelled:
        state.update(code="cancelled", label=_("Cancelled"), css="badge-accent")
    elif page.is_past:
        state.update(code="past", label=_("Past event"), css="badge-info")
    elif registration is not None and registration.status == Status.CONFIRMED:
        state.update(code="registered", label=_("Registered"), css="badge-ok", can_cancel=True)
    elif registration is not None and registration.status == Status.WAITLISTED:
        position = waitlist_position(registration)
        state.update(
            code="waitlisted",
            position=position,
            label=_("On the waitlist — %(position)s") % {"position": ordinal(position)},
            css="badge-warn",
            can_cancel=True,
        )
    elif window in {"closed", "past"}:
        state.update(code="closed", label=_("Registration closed"), css="badge-info")
    elif window == "not_open":
        state.update(code="not_open", label=_("Registration not open yet"), css="badge-info")
    elif full:
        state.update(code="full", label=_("Full"), css="badge-accent", can_register=True)
    else:
        state.update(code="open", label=_("Registration open"), css="badge-ok", can_register=True)
    if page.capacity is not None:
        state["seats_left"] = max(page.capacity - confirmed, 0)
    return state


def event_page_context(*, page: Page, user) -> dict:
    Registration = _model("Registration")
    Status = Registration.Status
    original = page.original
    confirmed = Registration.objects.filter(event=original, status=Status.CONFIRMED).count()
    registration = registration_for(event=original, user=user)
    state = event_state(page=page, registration=registration, confirmed=confirmed)
    return {
        "event": page,
        "registration": registration,
        "state": state,
        "confirmed_count": confirmed,
        "questions": page.question_list,
        "themes": localized_themes(page.themes.all(), page.locale),
        "series_events": series_events(page),
    }


def series_events(page: Page) -> list[Page]:
    EventPage = _model("EventPage")
    if not page.series_id:
        return []
    return list(
        EventPage.objects.live()
        .filter(series_id=page.series_id, locale_id=page.locale_id)
        .order_by("start")
    )


def index_context(*, index_page, params) -> dict:
    EventPage = _model("EventPage")
    language = translation.get_language() or "fr"
    now = timezone.now()
    events = (
        EventPage.objects.live()
        .child_of(index_page)
        .filter(Q(cancelled_at__isnull=True) | Q(cancelled_at__gte=now - CANCELLED_KEPT))
    )
    theme = None
    if params.get("theme"):
        theme, _slug = theme_for_slug(str(params["theme"]), language=language)
        if theme is not None:
            events = events.filter(pk__in=filed_under(theme))
    fmt = params.get("format")
    if fmt in EventPage.Format.values:
        events = events.filter(format=fmt)
    else:
        fmt = ""
    events = events.prefetch_related("themes")
    upcoming = list(events.filter(start__gte=now - timedelta(hours=3)).order_by("start"))
    upcoming = [event for event in upcoming if not event.is_past]
    past = list(events.filter(start__lt=now).order_by("-start")[:30])
    past = [event for event in past if event.is_past]
    themes = themes_in_language(language)
    by_key = {t.translation_key: t for t in themes}
    for event in (*upcoming, *past):
        # Shown in the reader's language (the prefetch holds the rows editors picked).
        event.card_themes = [by_key.get(t.translation_key, t) for t in event.themes.all()]
    return {
        "upcoming": upcoming,
        "past": past,
        "themes": themes,
        "formats": EventPage.Format.choices,
        "current_theme": theme,
        "current_format": fmt,
        "feed_url": reverse("events:feed"),
        "theme_feed_url": reverse("events:theme_feed", args=[theme.slug]) if theme else "",
    }


def upcoming_events(*, language: str, limit: int = 3) -> list[Page]:
    EventPage = _model("EventPage")
    return list(
        EventPage.objects.live()
        .filter(locale__language_code=language, cancelled=False, start__gte=timezone.now())
        .order_by("start")[:limit]
    )


def my_events(*, user) -> dict:
    EventPage = _model("EventPage")
    Registration = _model("Registration")
    Status = Registration.Status
    language = translation.get_language() or "fr"
    registrations = list(
        Registration.objects.filter(user=user)
        .exclude(status=Status.CANCELLED)
        .select_related("event")
        .order_by("event__start")
    )
    keys = [r.event.translation_key for r in registrations]
    translated = {
        page.translation_key: page
        for page in EventPage.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    items = []
    for registration in registrations:
        page = translated.get(registration.event.translation_key, registration.event)
        position = waitlist_position(registration)
        items.append(
            {
                "registration": registration,
                "event": page,
                "position": ordinal(position) if position else "",
                "upcoming": not page.is_past,
            }
        )
    return {
        "upcoming": [item for item in items if item["upcoming"]],
        "past": [item for item in items if not item["upcoming"]][::-1][:10],
    }


# Page log actions after which an event may have left a feed or changed its URL. Any
# page's: unpublishing, deleting or moving an ancestor changes the events below it too.
LEAVING_ACTIONS = (
    "wagtail.unpublish",
    "wagtail.unpublish.scheduled",
    "wagtail.delete",
    "wagtail.move",
)


@dataclass(frozen=True)
class FeedSelection:
    ids: list[int]  # the pages in the feed, one per event
    parts: list  # what the ETag is made of
    last_modified: datetime | None
    themes: dict[int, list[Model]]  # page id → its themes (for CATEGORIES)


def feed_selection(*, language: str, theme: Model | None = None, user=None) -> FeedSelection:
    """Which pages a feed holds (one per event, in `language` when translated), their
    themes, and the validators computed from the rows.

    Last-Modified moves with everything a client would read differently: an event's edit,
    an event leaving (unpublished, deleted, moved, or cancelled more than 30 days ago), a
    theme renamed, the member's own registrations. The ETag also holds each page's URL and
    its themes' names, so it moves even where no timestamp does."""
    EventPage = _model("EventPage")
    Registration = _model("Registration")
    Status = Registration.Status
    now = timezone.now()
    base = EventPage.objects.live()
    extra = []
    if theme is not None:
        base = base.filter(pk__in=filed_under(theme))
    if user is not None:
        registrations = Registration.objects.filter(user=user)
        stats = registrations.aggregate(n=Count("pk"), last=Max("updated_at"))
        extra = [stats["n"], stats["last"]]
        base = base.filter(
            translation_key__in=registrations.filter(status=Status.CONFIRMED).values(
                "event__translation_key"
            )
        )
    kept = Q(cancelled_at__isnull=True) | Q(cancelled_at__gte=now - CANCELLED_KEPT)
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    chosen: dict = {}
    for row in (
        base.filter(kept)
        .order_by("pk")
        .values_list(
            "pk",
            "translation_key",
            "locale_id",
            "sequence",
            "last_published_at",
            "changed_at",
            "url_path",
        )
    ):
        key = row[1]
        current = chosen.get(key)
        if current is None or (
            languages.get(row[2]) == language and languages.get(current[2]) != language
        ):
            chosen[key] = row
    selected = sorted(chosen.values())
    ids = [row[0] for row in selected]
    filed = filed_themes(ids, language=language)
    themes = shown_themes(filed)
    stamps = [stamp for row in selected for stamp in (row[4], row[5]) if stamp]
    stamps += theme_stamps(filed)
    if user is not None and extra[1]:
        stamps.append(extra[1])
    stamps += _left_at(base, now=now)
    last_modified = max(stamps) if stamps else None
    parts = [language, theme.pk if theme else None, *extra, *selected, *filed]
    return FeedSelection(ids=ids, parts=parts, last_modified=last_modified, themes=themes)


def _left_at(base, *, now) -> list:
    """When events last left the feed `base` selects from (see feed_selection)."""
    left = PageLogEntry.objects.filter(action__in=LEAVING_ACTIONS).aggregate(at=Max("timestamp"))
    expired = base.filter(cancelled_at__lt=now - CANCELLED_KEPT).aggregate(at=Max("cancelled_at"))
    stamps = [left["at"]] if left["at"] else []
    if expired["at"]:
        stamps.append(expired["at"] + CANCELLED_KEPT)
    return stamps


def event_file_validators(page: Page) -> tuple[list, object, list[Model]]:
    """ETag parts and Last-Modified of one event's .ics (its data, URL and themes), and its
    themes as the file names them (in the page's language)."""
    filed = filed_themes([page.pk], language=page.locale.language_code)
    parts = [page.pk, page.uid, page.sequence, page.last_modified, page.cancelled, page.url_path]
    themes = shown_themes(filed).get(page.pk, [])
    return [*parts, *filed], max([page.last_modified, *theme_stamps(filed)]), themes


def when_text(page: Page) -> str:
    """ "mardi 3 novembre 2026, de 13 h 30 à 15 h" / "Tuesday, November 3, 2026, 1:30 p.m.
    to 3 p.m." in the active language, in Montréal time."""
    from hub.templatetags.hub_tags import qc_date, qc_time

    start = timezone.localtime(page.start)
    end = timezone.localtime(page.effective_end)
    if start.date() == end.date():
        return _("%(date)s, from %(start)s to %(end)s") % {
            "date": qc_date(start),
            "start": qc_time(start),
            "end": qc_time(end),
        }
    return _("from %(start_date)s, %(start)s to %(end_date)s, %(end)s") % {
        "start_date": qc_date(start),
        "start": qc_time(start),
        "end_date": qc_date(end),
        "end": qc_time(end),
    }
