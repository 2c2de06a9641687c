"""The library's filters: read from the address (unknown values are dropped with a notice,
never an error), and turned into querysets over the resources a reader sees."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from .registry import cms_model, field_choices

FILTERS = ("theme", "format", "level", "lang")


def filter_labels() -> dict[str, str]:
    return {
        "theme": _("Theme"),
        "format": _("Format"),
        "level": _("Level"),
        "lang": _("Language"),
    }


def all_filter_labels() -> dict[str, str]:
    """Each filter's empty choice, agreeing with its noun (never a bare "Toutes")."""
    return {
        "theme": _("All themes"),
        "format": _("All formats"),
        "level": _("All levels"),
        "lang": _("All languages"),
    }


def filter_choices(themes) -> dict[str, dict]:
    """The values each filter accepts, with their labels: value -> label."""
    return {
        "theme": {theme.slug: theme.name for theme in themes},
        "format": dict(field_choices("format")),
        "level": dict(field_choices("level")),
        "lang": dict(settings.LANGUAGES),
    }


@dataclass
class Filters:
    active: dict[str, str] = field(default_factory=dict)  # filter name -> value, in FILTERS order
    notices: list[str] = field(default_factory=list)  # one per value that was ignored


def parse_filters(params, *, choices: dict[str, dict], labels: dict[str, str]) -> Filters:
    """The filters of the query string that name a known value; the others are ignored,
    each with a notice in the reader's language."""
    filters = Filters()
    for name in FILTERS:
        value = (params.get(name) or "").strip()
        if not value:
            continue
        if value in choices[name]:
            filters.active[name] = value
        else:
            filters.notices.append(
                _("The filter “%(value)s” (%(facet)s) is unknown and was ignored.")
                % {"value": value[:60], "facet": labels[name].lower()}
            )
    return filters


@dataclass
class FilteredResources:
    """Querysets over `base` (the resources a reader sees) under the active filters. Built
    lazily: nothing runs until a count or a page of cards is needed."""

    base: QuerySet
    active: dict[str, str]
    themes_by_slug: dict  # slug -> Theme of the reader's locale

    def condition(self, name: str, value: str) -> Q:
        if name == "theme":
            # A subquery, not a join: no duplicate rows, so no DISTINCT over whole pages.
            theme = self.themes_by_slug[value]
            through = cms_model("ResourcePage").themes.through
            tagged = through.objects.filter(theme__translation_key=theme.translation_key)
            return Q(pk__in=tagged.values("resourcepage_id"))
        if name == "lang":
            return Q(locale__language_code=value)
        return Q(**{name: value})

    def filtered(self, excluding: str | None = None) -> QuerySet:
        """Every active filter applied, but `excluding` (to count that filter's options)."""
        queryset = self.base
        for name, value in self.active.items():
            if name != excluding:
                queryset = queryset.filter(self.condition(name, value))
        return queryset

    def theme_only(self) -> QuerySet:
        """Only the theme filter applied (the other facets are summed from its counts)."""
        if "theme" not in self.active:
            return self.base
        return self.base.filter(self.condition("theme", self.active["theme"]))

    def results(self) -> QuerySet:
        """The results, newest first, with what a card shows."""
        return (
            self.filtered()
            .defer("body")  # cards show the summary; bodies are large
            .select_related("locale")
            .prefetch_related("themes")
            .order_by("-first_published_at", "-pk")
        )
