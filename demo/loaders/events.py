"""Demo season of webinars in French and English (content: demo/content/events.toml):
past ones with replays, upcoming ones, a series in three parts, one full with a waitlist
and one cancelled. An event that exists (by its French slug) is left alone."""

from datetime import datetime, timedelta

from django.utils import timezone
from wagtail.models import Locale

from cms.models import HomePage, Theme
from events.models import EventIndexPage, EventPage, EventSeries, Registration
from hub.accounts.models import User

from . import content

# Optional keys of an event in events.toml that are EventPage fields of the same name.
OPTIONAL_FIELDS = ("replay_url", "questions", "place", "cancelled")


def _index(home: HomePage, en: Locale) -> EventIndexPage:
    spec = content("events")["index"]
    index = EventIndexPage.objects.filter(locale=home.locale).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(**spec["fr"]))
        index.save_revision().publish()
    if not EventIndexPage.objects.filter(locale=en).exists():
        english = index.copy_for_translation(en)
        english.title, english.slug = spec["en"]["title"], spec["en"]["slug"]
        english.intro = spec["en"]["intro"]
        english.save_revision().publish()
    return index


def _themes() -> dict:
    """The library's French themes (demo/loaders/cms.py made them) by their key in cms.toml."""
    found = {}
    for spec in content("cms")["themes"]:
        theme = Theme.objects.filter(locale__language_code="fr", slug=spec["fr"]["slug"]).first()
        if theme is not None:
            found[spec["key"]] = theme
    return found


def _named(model, specs: list[dict]) -> dict:
    """Series by slug, with their French and English names."""
    found = {}
    for spec in specs:
        found[spec["slug"]], _ = model.objects.get_or_create(
            slug=spec["slug"], defaults={"name_fr": spec["fr"], "name_en": spec["en"]}
        )
    return found


def seed(log) -> None:
    home = HomePage.objects.filter(locale__language_code="fr").first()
    if home is None:
        log("events: no home page, skipped")
        return
    data = content("events")
    en = Locale.objects.get(language_code="en")
    index = _index(home, en)
    themes = _themes()
    series = _named(EventSeries, data["series"])
    shared = data["every_event"]
    today = timezone.localdate()
    created = 0
    for spec in data["events"]:
        french, english_text = spec["fr"], spec["en"]
        if EventPage.objects.filter(slug=french["slug"], locale=index.locale).exists():
            continue
        start = timezone.make_aware(
            datetime.combine(today + timedelta(days=spec["days_from_today"]), spec["time"])
        )
        page = index.add_child(
            instance=EventPage(
                title=french["title"],
                slug=french["slug"],
                summary=french["summary"],
                body=shared["fr"]["body"],
                start=start,
                end=start + timedelta(minutes=spec["minutes"]),
                format=spec["format"],
                platform="Zoom" if spec["format"] != "in_person" else "",
                speakers=shared["speakers"],
                series=series.get(spec.get("series")),
                capacity=spec.get("capacity"),
                audience=shared["fr"]["audience"],
                accessibility=shared["fr"]["accessibility"],
                join_url=shared["join_url"],
                **{field: spec[field] for field in OPTIONAL_FIELDS if field in spec},
            )
        )
        page.themes.set([themes[key] for key in spec["themes"] if key in themes])
        page.save_revision().publish()
        english = page.copy_for_translation(en)
        english.title = english_text["title"]
        english.slug = english_text["slug"]
        english.summary = english_text["summary"]
        english.body = shared["en"]["body"]
        english.audience = shared["en"]["audience"]
        english.accessibility = shared["en"]["accessibility"]
        english.save_revision().publish()
        created += 1
        _registrations(page)
    log(f"events: {created} new, {EventPage.objects.count()} pages in all")


def _registrations(page: EventPage) -> None:
    """Demo rows written directly, not through `registration_create`: seeding sends no
    confirmation emails and no notifications."""
    data = content("events")
    members = list(User.objects.filter(email__in=data["registrants"]).order_by("pk"))
    if page.cancelled:
        return
    if page.slug == data["full_event"]:
        for number, member in enumerate(members):
            confirmed = number < (page.capacity or 0)
            Registration.objects.get_or_create(
                event=page,
                user=member,
                defaults={
                    "status": "confirmed" if confirmed else "waitlisted",
                    "waitlist_order": None if confirmed else number,
                },
            )
        return
    for member in members[:2]:
        Registration.objects.get_or_create(
            event=page,
            user=member,
            defaults={"status": "confirmed", "attended": True if page.is_past else None},
        )
