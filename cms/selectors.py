"""Reads that matter: the library listing with its filters and counts, and what a resource
or toolkit page shows. Each costs a fixed number of queries, whatever the number of
resources (tests assert it)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .models import Format, Level, ResourcePage, SavedResource, Theme, ToolkitPage, ToolkitStepDone

FILTERS = ("theme", "format", "level", "lang")


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option]

    @property
    def selected(self) -> Option | None:
        return next((option for option in self.options if option.selected), None)


@dataclass
class Listing:
    index: object
    locale: Locale
    results: QuerySet
    facets: list[Facet]
    active: dict[str, str]
    notices: list[str]
    themes: dict  # translation_key -> Theme of the current locale
    user: object = None
    toolkits: list = field(default_factory=list)

    @property
    def querystring(self) -> str:
        """The active filters, for pagination links and sharing."""
        return urlencode(self.active)

    def without(self, name: str) -> str:
        return urlencode({key: value for key, value in self.active.items() if key != name})

    @property
    def active_chips(self) -> list[dict]:
        chips = []
        for facet in self.facets:
            option = facet.selected
            if option is not None:
                chips.append(
                    {"facet": facet.label, "label": option.label, "query": self.without(facet.name)}
                )
        return chips

    def decorate(self, items) -> None:
        """Adds what a card shows to each resource of the current page: its address under
        this index, its themes in the reader's language, whether the member saved it.
        Costs at most one query (saved resources); themes are prefetched."""
        base = self.index.url
        saved: set = set()
        if self.user is not None and self.user.is_authenticated and items:
            saved = set(
                SavedResource.objects.filter(
                    user=self.user,
                    resource__translation_key__in=[item.translation_key for item in items],
                ).values_list("resource__translation_key", flat=True)
            )
        for item in items:
            item.card_url = f"{base}{item.slug}/"
            item.card_themes = [
                self.themes.get(theme.translation_key, theme) for theme in item.themes.all()
            ]
            item.other_language = item.locale_id != self.locale.pk
            item.is_saved = item.translation_key in saved


def visible_resources(locale: Locale) -> QuerySet:
    """Live, public resources readers of `locale` see: those written or translated in
    their language, plus those not yet translated, in their original language."""
    base = ResourcePage.objects.live().public()
    in_locale = base.filter(locale=locale).values("translation_key")
    return base.filter(Q(locale=locale) | ~Q(translation_key__in=in_locale))


def library_listing(*, index, params, user=None) -> Listing:
    locale = index.locale
    themes = list(Theme.objects.filter(locale=locale).order_by("sort_order", "name"))
    themes_by_slug = {theme.slug: theme for theme in themes}
    languages = dict(settings.LANGUAGES)
    choices = {
        "theme": {theme.slug: theme.name for theme in themes},
        "format": dict(Format.choices),
        "level": dict(Level.choices),
        "lang": languages,
    }
    labels = {
        "theme": _("Theme"),
        "format": _("Format"),
        "level": _("Level"),
        "lang": _("Language"),
    }
    active: dict[str, str] = {}
    notices: list[str] = []
    for name in FILTERS:
        value = (params.get(name) or "").strip()
        if not value:
            continue
        if value in choices[name]:
            active[name] = value
        else:
            notices.append(
                _("The filter “%(value)s” (%(facet)s) is unknown and was ignored.")
                % {"value": value[:60], "facet": labels[name].lower()}
            )

    def condition(name: str, value: str) -> Q:
        if name == "theme":
            return Q(themes__translation_key=themes_by_slug[value].translation_key)
        if name == "lang":
            return Q(locale__language_code=value)
        return Q(**{name: value})

    base = visible_resources(locale)

    def filtered(excluding: str | None = None) -> QuerySet:
        queryset = base
        for name, value in active.items():
            if name != excluding:
                queryset = queryset.filter(condition(name, value))
        return queryset

    # Counts per option, with the other facets' filters applied: one query per facet.
    theme_counts = _counts(filtered("theme"), "themes__translation_key")
    format_counts = _counts(filtered("format"), "format")
    level_counts = _counts(filtered("level"), "level")
    lang_counts = _counts(filtered("lang"), "locale__language_code")

    facets = [
        Facet(
            "theme",
            labels["theme"],
            [Option(t.slug, t.name, theme_counts.get(t.translation_key, 0)) for t in themes],
        ),
        Facet(
            "format",
            labels["format"],
            [Option(v, str(label), format_counts.get(v, 0)) for v, label in Format.choices],
        ),
        Facet(
            "level",
            labels["level"],
            [Option(v, str(label), level_counts.get(v, 0)) for v, label in Level.choices],
        ),
        Facet(
            "lang",
            labels["lang"],
            [Option(code, name, lang_counts.get(code, 0)) for code, name in languages.items()],
        ),
    ]
    for facet in facets:
        for option in facet.options:
            option.selected = active.get(facet.name) == option.value

    results = (
        filtered()
        .select_related("locale")
        .prefetch_related("themes")
        .order_by("-first_published_at", "-pk")
        .distinct()
    )
    toolkits = []
    if not active:
        toolkits = list(
            ToolkitPage.objects.live().public().filter(locale=locale).order_by("title")[:6]
        )
        for toolkit in toolkits:
            toolkit.card_url = f"{index.url}{toolkit.slug}/"
    return Listing(
        index=index,
        locale=locale,
        results=results,
        facets=facets,
        active=active,
        notices=notices,
        themes={theme.translation_key: theme for theme in themes},
        user=user,
        toolkits=toolkits,
    )


def _counts(queryset: QuerySet, field_name: str) -> dict[str, int]:
    return dict(
        queryset.order_by()
        .values_list(field_name)
        .annotate(n=Count("pk", distinct=True))
        .values_list(field_name, "n")
    )


def _localized_themes(themes, locale: Locale) -> list[Theme]:
    themes = list(themes)
    translated = {
        theme.translation_key: theme
        for theme in Theme.objects.filter(
            locale=locale, translation_key__in=[theme.translation_key for theme in themes]
        )
    }
    return [translated.get(theme.translation_key, theme) for theme in themes]


def _reader_locale(page, shown_in_locale) -> Locale:
    return shown_in_locale or page.locale


def _localized_page(page, locale: Locale):
    translated = page.get_translation_or_none(locale)
    if translated is not None and translated.live:
        return translated.specific
    return page.specific


def resource_detail(*, page, request, shown_in_locale=None, **kwargs) -> dict:
    locale = _reader_locale(page, shown_in_locale)
    related = [
        _localized_page(resource, locale) for resource in page.related_resources.live().public()[:6]
    ]
    user = getattr(request, "user", None)
    is_saved = bool(
        user
        and user.is_authenticated
        and SavedResource.objects.filter(
            user=user, resource__translation_key=page.translation_key
        ).exists()
    )
    return {
        "themes": _localized_themes(page.themes.all(), locale),
        "related": related,
        "is_saved": is_saved,
        "shown_in_locale": shown_in_locale,
        "content_language": page.locale.language_code,
        "nav_section": "resources",
    }


def toolkit_detail(*, page, request, shown_in_locale=None, **kwargs) -> dict:
    locale = _reader_locale(page, shown_in_locale)
    user = getattr(request, "user", None)
    done: set[str] = set()
    if user is not None and user.is_authenticated:
        done = set(
            ToolkitStepDone.objects.filter(
                user=user, toolkit__translation_key=page.translation_key
            ).values_list("step_id", flat=True)
        )
    resource_ids = {
        resource.pk for block in page.steps for resource in block.value["resources"] if resource
    }
    by_key = {}
    for resource in ResourcePage.objects.live().public().filter(pk__in=resource_ids):
        by_key[resource.translation_key] = resource
    translations = {
        resource.translation_key: resource
        for resource in ResourcePage.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=list(by_key))
    }
    steps = []
    for number, block in enumerate(page.steps, start=1):
        resources = []
        for resource in block.value["resources"]:
            if resource is None or resource.translation_key not in by_key:
                continue
            resources.append(
                translations.get(resource.translation_key, by_key[resource.translation_key])
            )
        steps.append(
            {
                "id": block.id,
                "number": number,
                "title": block.value["title"],
                "description": block.value["description"],
                "resources": resources,
                "done": block.id in done,
            }
        )
    total = len(steps)
    done_count = sum(1 for step in steps if step["done"])
    return {
        "steps": steps,
        "progress": {
            "done": done_count,
            "total": total,
            "percent": round(100 * done_count / total) if total else 0,
        },
        "themes": _localized_themes(page.themes.all(), locale),
        "shown_in_locale": shown_in_locale,
        "content_language": page.locale.language_code,
        "nav_section": "resources",
    }
