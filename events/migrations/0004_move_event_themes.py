"""Moves every event from its own themes (events.EventTheme) onto the library's
(cms.Theme), so that one taxonomy serves every room. Nothing is lost:

- each old theme becomes the library theme of the same slug, else of the same name (French
  or English), else the one the demo season's themes duplicated (KNOWN), else a new theme
  in both languages (French slug kept, so its feed's address does not change);
- events keep their themes (in their revisions too, or a draft would bring back ids that
  now name other themes); registrations and series do not move;
- a per-theme feed whose old slug names no theme any more keeps answering: its slug is kept
  in FormerThemeSlug, and the feed's old address redirects permanently to the new one."""

import uuid

from django.db import migrations
from django.db.models import Max
from django.utils.text import slugify

# The three themes of the demo season of webinars, which the library already had under
# other names ("Données et vie privée" was the library's "Gouvernance des données").
KNOWN = {
    "donnees": "gouvernance-des-donnees",
    "collaboration": "outils-collaboratifs",
    "communication": "communications-numeriques",
}


def _match(Theme, old):
    found = Theme.objects.filter(slug=old.slug).order_by("pk").first()
    if found is not None:
        return found
    for name in (old.name_fr, old.name_en):
        found = Theme.objects.filter(name__iexact=name.strip()).order_by("pk").first()
        if found is not None:
            return found
    if old.slug in KNOWN:
        return Theme.objects.filter(slug=KNOWN[old.slug]).order_by("pk").first()
    return None


def _free_slug(Theme, locale, slug: str) -> str:
    slug = slug[:70] or "theme"
    candidate, number = slug, 1
    while Theme.objects.filter(locale=locale, slug=candidate).exists():
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def _create(Theme, old, locales):
    key = uuid.uuid4()
    order = (Theme.objects.aggregate(last=Max("sort_order"))["last"] or 0) + 1
    french = Theme.objects.create(
        locale=locales["fr"],
        translation_key=key,
        slug=_free_slug(Theme, locales["fr"], old.slug),
        name=old.name_fr,
        sort_order=order,
    )
    Theme.objects.create(
        locale=locales["en"],
        translation_key=key,
        slug=_free_slug(Theme, locales["en"], slugify(old.name_en) or old.slug),
        name=old.name_en or old.name_fr,
        sort_order=order,
    )
    return french


def _rewrite_revisions(apps, mapping: dict) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="events", model="eventpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        ids = revision.content.get("themes")
        if not ids:
            continue
        moved = list(dict.fromkeys(mapping[pk] for pk in ids if pk in mapping))
        revision.content["themes"] = moved
        revision.save(update_fields=["content"])


def forward(apps, schema_editor):
    EventTheme = apps.get_model("events", "EventTheme")
    EventPage = apps.get_model("events", "EventPage")
    FormerThemeSlug = apps.get_model("events", "FormerThemeSlug")
    Theme = apps.get_model("cms", "Theme")
    Locale = apps.get_model("wagtailcore", "Locale")
    old_themes = list(EventTheme.objects.order_by("pk"))
    if not old_themes:
        return
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("fr", "en")}
    mapping = {}
    for old in old_themes:
        target = _match(Theme, old) or _create(Theme, old, locales)
        # Editors tag events with the French theme, the original's language.
        target = (
            Theme.objects.filter(translation_key=target.translation_key, locale=locales["fr"])
            .order_by("pk")
            .first()
            or target
        )
        mapping[old.pk] = target.pk
        slugs = Theme.objects.filter(translation_key=target.translation_key).values_list(
            "slug", flat=True
        )
        if old.slug not in set(slugs):
            FormerThemeSlug.objects.update_or_create(slug=old.slug, defaults={"theme": target})
    old_links = EventPage._meta.get_field("themes").remote_field.through
    new_links = EventPage._meta.get_field("cms_themes").remote_field.through
    pairs = {
        (page_id, mapping[theme_id])
        for page_id, theme_id in old_links.objects.values_list("eventpage_id", "eventtheme_id")
    }
    new_links.objects.bulk_create(
        [new_links(eventpage_id=page_id, theme_id=theme_id) for page_id, theme_id in sorted(pairs)],
        ignore_conflicts=True,
    )
    _rewrite_revisions(apps, mapping)


def backward(apps, schema_editor):
    """Gives events their own themes again, one per library theme they are filed under."""
    EventTheme = apps.get_model("events", "EventTheme")
    EventPage = apps.get_model("events", "EventPage")
    Theme = apps.get_model("cms", "Theme")
    new_links = EventPage._meta.get_field("cms_themes").remote_field.through
    old_links = EventPage._meta.get_field("themes").remote_field.through
    rows = list(new_links.objects.values_list("eventpage_id", "theme_id"))
    mapping = {}
    for theme in Theme.objects.filter(pk__in={theme_id for _, theme_id in rows}):
        names = dict(
            Theme.objects.filter(translation_key=theme.translation_key).values_list(
                "locale__language_code", "name"
            )
        )
        old, _ = EventTheme.objects.get_or_create(
            slug=theme.slug,
            defaults={
                "name_fr": names.get("fr", theme.name),
                "name_en": names.get("en", theme.name),
            },
        )
        mapping[theme.pk] = old.pk
    old_links.objects.bulk_create(
        [old_links(eventpage_id=page_id, eventtheme_id=mapping[t]) for page_id, t in rows],
        ignore_conflicts=True,
    )
    _rewrite_revisions(apps, mapping)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_themes_from_cms"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
