"""Reads that matter in the library. Each costs a fixed number of queries, whatever the
number of resources (tests assert it).

    listing.py     library_listing(): the resource index, composed of the steps below
    filters.py     the filters read from the address, and the querysets they build
    facets.py      the count of each filter option
    cards.py       the cached cards of one page of results
    visibility.py  which resources a reader sees (live, public, in their language or not
                   translated yet)
    cache.py       the library's cache version, bumped by services.library_changed()
    detail.py      what a resource page and a toolkit page show
    themes.py      themes in the reader's language (every room files things under them)
    registry.py    how these modules reach the models

Imports go one way: the pages of cms.models.pages call these reads from get_context and
import this package at module level; this package imports nothing from cms.models. Even a
leaf such as cms.models.taxonomy would run cms/models/__init__.py, which imports the pages,
which import this package: the cycle again. The models a read queries are looked up in
Django's app registry when the read runs (registry.cms_model), which is complete by then.

The names below stay importable from `cms.selectors`: besides callers, cards pickled in a
shared cache before this became a package name the class `cms.selectors.Card`."""

from .cache import LIBRARY_VERSION_KEY, LISTING_CACHE_SECONDS, library_version
from .cards import Card
from .detail import resource_detail, toolkit_detail
from .facets import Facet, Option
from .filters import FILTERS
from .listing import Listing, library_listing
from .themes import localized_themes, theme_for_slug, themes_by_key, themes_in_language
from .visibility import visible_resources

__all__ = [
    "FILTERS",
    "LIBRARY_VERSION_KEY",
    "LISTING_CACHE_SECONDS",
    "Card",
    "Facet",
    "Listing",
    "Option",
    "library_listing",
    "library_version",
    "localized_themes",
    "resource_detail",
    "theme_for_slug",
    "themes_by_key",
    "themes_in_language",
    "toolkit_detail",
    "visible_resources",
]
