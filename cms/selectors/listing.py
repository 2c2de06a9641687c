"""The library listing (the resource index): the filters read from the address, the count
of each option, the cards of one page, and the toolkits shown above an unfiltered list.
A fixed number of queries whatever the number of resources; most of it cached until the
library changes (cache.py)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from .cache import cached, library_version
from .cards import decorate, page_of_cards
from .facets import Facet, build_facets, facet_counts
from .filters import FilteredResources, filter_choices, filter_labels, parse_filters
from .registry import cms_model
from .themes import themes_in_language
from .visibility import public_q, visible_resources

TOOLKITS_SHOWN = 6


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
        """One page of cards, cached until the library changes: a warm page costs no query
        for its results (a member's saved marks excepted)."""
        key = f"cms:cards:{self.version}:{self.locale}:{self.querystring}"
        page = page_of_cards(
            results_query=self.results_query,
            total=self.total,
            number=number,
            per_page=per_page,
            key=key,
        )
        self.decorate(page.object_list)
        return page

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
        """Adds each card's address under this index, its themes in the reader's language
        and whether the member saved it (cards.decorate: at most one query)."""
        decorate(
            items, index_url=self.index.url, themes=self.themes, locale=self.locale, user=self.user
        )


def library_listing(*, index, params, user=None) -> Listing:
    """The listing of the resource index `index` under the filters of `params` (the query
    string), for `user` (their saved resources are marked)."""
    locale = index.locale_id
    version = library_version()
    themes = _themes(locale, version)
    labels = filter_labels()
    filters = parse_filters(params, choices=filter_choices(themes), labels=labels)
    resources = FilteredResources(
        base=visible_resources(locale),
        active=filters.active,
        themes_by_slug={theme.slug: theme for theme in themes},
    )
    counts = facet_counts(resources, version=version, locale=locale)
    facets = build_facets(themes=themes, counts=counts, active=filters.active, labels=labels)
    toolkits = [] if filters.active else _toolkits(index, locale, version)
    return Listing(
        index=index,
        locale=locale,
        results_query=resources.results,
        facets=facets,
        active=filters.active,
        notices=filters.notices,
        themes={theme.translation_key: theme for theme in themes},
        user=user,
        toolkits=toolkits,
        total=counts.total,
        version=version,
    )


def _themes(locale: int, version: int) -> list:
    """The themes readers of the locale see, in their order (cached): theirs, and those not
    translated yet, marked by `other_language`."""
    return cached(f"cms:themes:{version}:{locale}", lambda: themes_in_language(locale_id=locale))


def _toolkits(index, locale: int, version: int) -> list[dict]:
    """The first toolkits of the reader's locale, shown above an unfiltered list (cached;
    their address is made under `index`)."""

    def build() -> list[dict]:
        pages = (
            cms_model("ToolkitPage")
            .objects.live()
            .filter(public_q(), locale=locale)
            .order_by("title")[:TOOLKITS_SHOWN]
        )
        return [{"title": page.title, "summary": page.summary, "slug": page.slug} for page in pages]

    toolkits = cached(f"cms:toolkits:{version}:{locale}", build)
    return [dict(toolkit, card_url=f"{index.url}{toolkit['slug']}/") for toolkit in toolkits]
