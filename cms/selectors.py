"""Reads that matter: the library listing with its filters and counts, and what a resource
or toolkit page shows. Each costs a fixed number of queries, whatever the number of
resources (tests assert it).

Imports go one way: the pages of cms.models.pages call these reads from get_context and
import this module; this module imports nothing from cms.models. Even a leaf such as
cms.models.taxonomy would run cms/models/__init__.py, which imports the pages, which import
this module: the cycle again. The models a read queries are looked up in Django's app
registry when it runs (`_model`), which is complete by then."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as DjangoPage
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, PageViewRestriction


def _model(name: str):
    """A model of this app, from the registry (see the module's docstring)."""
    return apps.get_model("cms", name)


def _choices(field_name: str) -> list[tuple[str, str]]:
    """The fixed choices of a resource's field: its Format or Level (cms.models.taxonomy)."""
    return _model("ResourcePage")._meta.get_field(field_name).choices


FILTERS = ("theme", "format", "level", "lang")
LIBRARY_VERSION_KEY = "cms:library:version"


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
class Card:
    """What a resource card needs, cheap to cache (no model instance, no lazy query)."""

    pk: int
    title: str
    slug: str
    summary: str
    format: str
    level: str
    reading_time: int
    language: str
    locale_id: int
    translation_key: object
    theme_keys: list
    card_url: str = ""
    card_themes: list = field(default_factory=list)
    other_language: bool = False
    is_saved: bool = False

    @classmethod
    def from_page(cls, page) -> "Card":
        return cls(
            pk=page.pk,
            title=page.title,
            slug=page.slug,
            summary=page.summary,
            format=page.format,
            level=page.level,
            reading_time=page.reading_time,
            language=page.locale.language_code,
            locale_id=page.locale_id,
            translation_key=page.translation_key,
            theme_keys=[theme.translation_key for theme in page.themes.all()],
        )

    def get_format_display(self) -> str:
        return str(dict(_choices("format")).get(self.format, self.format))

    def get_level_display(self) -> str:
        return str(dict(_choices("level")).get(self.level, self.level))

    @property
    def language_name(self) -> str:
        return dict(settings.LANGUAGES).get(self.language, self.language)


@dataclass
class Listing:
    index: object
    locale: int  # the reader's Locale id
    results_query: object  # builds the QuerySet of results, only when the cards are not cached
    facets: list[Facet]
    active: dict[str, str]
    notices: list[str]
    themes: dict  # translation_key -> Theme of the current locale
    user: object = None
    toolkits: list = field(default_factory=list)
    total: int = 0  # number of results, counted with the facets (saves the paginator a query)
    version: int = 0

    def page(self, number, per_page: int):
        """One page of cards. The cards of a page are cached until the library changes:
        a warm page costs no query for its results (a member's saved marks excepted)."""
        paginator = Paginator([], per_page)
        paginator.count = self.total
        try:
            number = paginator.validate_number(_page_number(number, paginator))
        except EmptyPage:  # past the end (or below 1): the nearest real page
            number = paginator.num_pages if _page_number(number, paginator) > 1 else 1
        key = f"cms:cards:{self.version}:{self.locale}:{self.querystring}:{per_page}:{number}"
        cards = cache.get(key)
        if cards is None:
            bottom = (number - 1) * per_page
            pages = self.results_query()[bottom : bottom + per_page]
            cards = [Card.from_page(page) for page in pages]
            cache.set(key, cards, LISTING_CACHE_SECONDS)
        self.decorate(cards)
        return DjangoPage(cards, number, paginator)

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
                _model("SavedResource")
                .objects.filter(
                    user=self.user,
                    resource__translation_key__in=[item.translation_key for item in items],
                )
                .values_list("resource__translation_key", flat=True)
            )
        for item in items:
            item.card_url = f"{base}{item.slug}/"
            item.card_themes = [self.themes[key] for key in item.theme_keys if key in self.themes]
            item.other_language = item.locale_id != self.locale
            item.is_saved = item.translation_key in saved


def _page_number(number, paginator) -> int:
    try:
        return int(number)
    except (TypeError, ValueError):
        return 1


def _public_q() -> Q:
    """Like PageQuerySet.public(), with the private sections cached until they change."""
    key = f"cms:private-paths:{library_version()}"
    paths = cache.get(key)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, LISTING_CACHE_SECONDS)
    private = Q(pk__in=[])
    for path in paths:
        private |= Q(path__startswith=path)
    return ~private


def visible_resources(locale: Locale | int) -> QuerySet:
    """Live, public resources readers of `locale` see: those written or translated in
    their language, plus those not yet translated, in their original language."""
    base = _model("ResourcePage").objects.live().filter(_public_q())
    # Correlated NOT EXISTS: only rows of another locale look for a translation (one index
    # lookup each), instead of hashing every key of the reader's locale.
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, live=True
    )
    return base.filter(Q(locale=locale) | ~Exists(translated))


LISTING_CACHE_SECONDS = 600  # a safety net: publishing bumps the version at once


def library_version() -> int:
    """Part of every cache key of the library; services.library_changed() bumps it."""
    return cache.get_or_set(LIBRARY_VERSION_KEY, 1, None)


def library_listing(*, index, params, user=None) -> Listing:
    locale = index.locale_id
    version = library_version()
    themes = cache.get(f"cms:themes:{version}:{index.locale_id}")
    if themes is None:
        themes = list(
            _model("Theme").objects.filter(locale_id=index.locale_id).order_by("sort_order", "name")
        )
        cache.set(f"cms:themes:{version}:{index.locale_id}", themes, LISTING_CACHE_SECONDS)
    themes_by_slug = {theme.slug: theme for theme in themes}
    languages = dict(settings.LANGUAGES)
    choices = {
        "theme": {theme.slug: theme.name for theme in themes},
        "format": dict(_choices("format")),
        "level": dict(_choices("level")),
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
            # A subquery, not a join: no duplicate rows, so no DISTINCT over whole pages.
            tagged = (
                _model("ResourcePage")
                .themes.through.objects.filter(
                    theme__translation_key=themes_by_slug[value].translation_key
                )
                .values("resourcepage_id")
            )
            return Q(pk__in=tagged)
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

    # Counts per option, each with the other facets' filters applied, in two queries (cached
    # until the library changes): one grouped by theme, one grouped by (format, level,
    # language) from which the three other facets and the total are summed here.
    counts_key = f"cms:counts:{version}:{index.locale_id}:{urlencode(sorted(active.items()))}"
    cached = cache.get(counts_key)
    if cached is None:
        theme_counts = _counts(filtered("theme"), "themes__translation_key")
        only_theme = base.filter(condition("theme", active["theme"])) if "theme" in active else base
        combos = list(
            only_theme.order_by()
            .values_list("format", "level", "locale__language_code")
            .annotate(n=Count("pk"))
        )
        cache.set(counts_key, (theme_counts, combos), LISTING_CACHE_SECONDS)
    else:
        theme_counts, combos = cached
    columns = ("format", "level", "lang")

    def summed(excluding: str | None) -> dict[str, int]:
        position = columns.index(excluding) if excluding else None
        sums: dict[str, int] = {}
        for *values, n in combos:
            if all(
                active.get(name) in (None, values[i])
                for i, name in enumerate(columns)
                if name != excluding
            ):
                key = values[position] if position is not None else ""
                sums[key] = sums.get(key, 0) + n
        return sums

    format_counts, level_counts, lang_counts = summed("format"), summed("level"), summed("lang")
    total = summed(None).get("", 0)

    facets = [
        Facet(
            "theme",
            labels["theme"],
            [Option(t.slug, t.name, theme_counts.get(t.translation_key, 0)) for t in themes],
        ),
        Facet(
            "format",
            labels["format"],
            [Option(v, str(label), format_counts.get(v, 0)) for v, label in _choices("format")],
        ),
        Facet(
            "level",
            labels["level"],
            [Option(v, str(label), level_counts.get(v, 0)) for v, label in _choices("level")],
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

    def results_query() -> QuerySet:
        return (
            filtered()
            .defer("body")  # cards show the summary; bodies are large
            .select_related("locale")
            .prefetch_related("themes")
            .order_by("-first_published_at", "-pk")
        )

    toolkits = []
    if not active:
        key = f"cms:toolkits:{version}:{locale}"
        toolkits = cache.get(key)
        if toolkits is None:
            toolkits = [
                {"title": page.title, "summary": page.summary, "slug": page.slug}
                for page in _model("ToolkitPage")
                .objects.live()
                .filter(_public_q(), locale=locale)
                .order_by("title")[:6]
            ]
            cache.set(key, toolkits, LISTING_CACHE_SECONDS)
        toolkits = [
            dict(toolkit, card_url=f"{index.url}{toolkit['slug']}/") for toolkit in toolkits
        ]
    return Listing(
        index=index,
        locale=locale,
        results_query=results_query,
        facets=facets,
        active=active,
        notices=notices,
        themes={theme.translation_key: theme for theme in themes},
        user=user,
        toolkits=toolkits,
        total=total,
        version=version,
    )


def _counts(queryset: QuerySet, field_name: str) -> dict[str, int]:
    # Filters are subqueries, so each resource appears once per value of `field_name`.
    return dict(
        queryset.order_by()
        .values_list(field_name)
        .annotate(n=Count("pk"))
        .values_list(field_name, "n")
    )


def _localized_themes(themes, locale: Locale) -> list:
    themes = list(themes)
    translated = {
        theme.translation_key: theme
        for theme in _model("Theme").objects.filter(
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


def _index_url(page, locale: Locale, request) -> str:
    """The library the reader came from: the page's parent, in the reader's language."""
    if not page.path:  # the preview of a page not saved yet
        return ""
    parent = page.get_parent()
    if parent is None:
        return ""
    if parent.locale_id != locale.pk:
        parent = parent.get_translation_or_none(locale) or parent
    return parent.get_url(request) or ""


def resource_detail(*, page, request, shown_in_locale=None, **kwargs) -> dict:
    locale = _reader_locale(page, shown_in_locale)
    related = [
        _localized_page(resource, locale) for resource in page.related_resources.live().public()[:6]
    ]
    user = getattr(request, "user", None)
    is_saved = bool(
        user
        and user.is_authenticated
        and _model("SavedResource")
        .objects.filter(user=user, resource__translation_key=page.translation_key)
        .exists()
    )
    return {
        "themes": _localized_themes(page.themes.all(), locale),
        "related": related,
        "is_saved": is_saved,
        "index_url": _index_url(page, locale, request),
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
            _model("ToolkitStepDone")
            .objects.filter(user=user, toolkit__translation_key=page.translation_key)
            .values_list("step_id", flat=True)
        )
    resource_ids = {
        resource.pk for block in page.steps for resource in block.value["resources"] if resource
    }
    by_key = {}
    for resource in _model("ResourcePage").objects.live().public().filter(pk__in=resource_ids):
        by_key[resource.translation_key] = resource
    translations = {
        resource.translation_key: resource
        for resource in _model("ResourcePage")
        .objects.live()
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
        "index_url": _index_url(page, locale, request),
        "nav_section": "resources",
    }
