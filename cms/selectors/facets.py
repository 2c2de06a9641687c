"""The count of each filter option, each with the other filters applied (a faceted
search): two queries, cached until the library changes. Options that would give no result
are not offered."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, QuerySet

from .cache import cached
from .filters import FilteredResources, all_filter_labels
from .registry import field_choices

COLUMNS = ("format", "level", "lang")  # the facets summed from one grouped query


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
    all_label: str = ""  # the empty choice, agreeing with the noun: "Tous les thèmes"

    @property
    def selected(self) -> Option | None:
        return next((option for option in self.options if option.selected), None)


@dataclass
class FacetCounts:
    theme: dict[str, int]  # theme translation_key -> count
    format: dict[str, int]
    level: dict[str, int]
    lang: dict[str, int]
    total: int  # results with every filter applied (saves the paginator a query)


def facet_counts(resources: FilteredResources, *, version: int, locale: int) -> FacetCounts:
    """One query grouped by theme, one grouped by (format, level, language) from which the
    three other facets and the total are summed here."""
    active = resources.active
    key = f"cms:counts:{version}:{locale}:{urlencode(sorted(active.items()))}"
    theme_counts, combos = cached(key, lambda: _count_rows(resources))
    return FacetCounts(
        theme=theme_counts,
        format=_summed(combos, active, "format"),
        level=_summed(combos, active, "level"),
        lang=_summed(combos, active, "lang"),
        total=_summed(combos, active, None).get("", 0),
    )


def _count_rows(resources: FilteredResources) -> tuple[dict[str, int], list[tuple]]:
    theme_counts = _counts(resources.filtered("theme"), "themes__translation_key")
    combos = list(
        resources.theme_only()
        .order_by()
        .values_list("format", "level", "locale__language_code")
        .annotate(n=Count("pk"))
    )
    return theme_counts, combos


def _counts(queryset: QuerySet, field_name: str) -> dict[str, int]:
    # Filters are subqueries, so each resource appears once per value of `field_name`.
    return dict(
        queryset.order_by()
        .values_list(field_name)
        .annotate(n=Count("pk"))
        .values_list(field_name, "n")
    )


def _summed(combos: list[tuple], active: dict[str, str], excluding: str | None) -> dict:
    """Counts per value of the `excluding` column, with the other columns' active filters
    applied; with `excluding=None`, the total under every filter (key "")."""
    position = COLUMNS.index(excluding) if excluding else None
    sums: dict[str, int] = {}
    for *values, n in combos:
        if all(
            active.get(name) in (None, values[i])
            for i, name in enumerate(COLUMNS)
            if name != excluding
        ):
            key = values[position] if position is not None else ""
            sums[key] = sums.get(key, 0) + n
    return sums


def theme_label(theme) -> str:
    """A theme's name in a filter's list, "(en français)" after it when not translated."""
    from hub.templatetags.hub_tags import LANGUAGE_NOTES

    other = getattr(theme, "other_language", "")
    return f"{theme.name} {LANGUAGE_NOTES[other]}" if other in LANGUAGE_NOTES else theme.name


def build_facets(*, themes, counts: FacetCounts, active: dict, labels: dict) -> list[Facet]:
    """The four facets in display order, their options counted and the active ones marked."""
    facets = [
        Facet(
            "theme",
            labels["theme"],
            [
                Option(t.slug, theme_label(t), counts.theme.get(t.translation_key, 0))
                for t in themes
            ],
        ),
        Facet(
            "format",
            labels["format"],
            [
                Option(v, str(label), counts.format.get(v, 0))
                for v, label in field_choices("format")
            ],
        ),
        Facet(
            "level",
            labels["level"],
            [Option(v, str(label), counts.level.get(v, 0)) for v, label in field_choices("level")],
        ),
        Facet(
            "lang",
            labels["lang"],
            [
                Option(code, name, counts.lang.get(code, 0))
                for code, name in dict(settings.LANGUAGES).items()
            ],
        ),
    ]
    all_labels = all_filter_labels()
    for facet in facets:
        facet.all_label = all_labels[facet.name]
        for option in facet.options:
            option.selected = active.get(facet.name) == option.value
        # An option that gives nothing under the other filters is not offered ("English
        # (0)" on the French library); the one selected stays, so the form says what is on.
        facet.options = [option for option in facet.options if option.count or option.selected]
    return facets
