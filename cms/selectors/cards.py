"""The cards of one page of results. The cards of a page are cached until the library
changes, so a warm page costs no query for its results (a member's saved marks excepted)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.core.paginator import Page as DjangoPage

from .cache import cached
from .registry import cms_model, field_choices


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
        return str(dict(field_choices("format")).get(self.format, self.format))

    def get_level_display(self) -> str:
        return str(dict(field_choices("level")).get(self.level, self.level))

    @property
    def language_name(self) -> str:
        return dict(settings.LANGUAGES).get(self.language, self.language)


def page_of_cards(*, results_query, total: int, number, per_page: int, key: str) -> DjangoPage:
    """Page `number` of the results (the nearest real page when out of range), counted
    from `total` instead of a COUNT query; `results_query()` runs only on a cache miss.
    `key` names the cached cards of this listing, without the page number."""
    paginator = Paginator([], per_page)
    paginator.count = total
    number = _valid_number(number, paginator)

    def build() -> list[Card]:
        bottom = (number - 1) * per_page
        return [Card.from_page(page) for page in results_query()[bottom : bottom + per_page]]

    cards = cached(f"{key}:{per_page}:{number}", build)
    return DjangoPage(cards, number, paginator)


def _valid_number(number, paginator) -> int:
    try:
        return paginator.validate_number(_page_number(number))
    except EmptyPage:  # past the end (or below 1): the nearest real page
        return paginator.num_pages if _page_number(number) > 1 else 1


def _page_number(number) -> int:
    try:
        return int(number)
    except (TypeError, ValueError):
        return 1


def decorate(cards, *, index_url: str, themes: dict, locale: int, user) -> None:
    """Adds what a card shows to each resource of the current page: its address under the
    index, its themes in the reader's language, whether the member saved it. Costs at most
    one query (saved resources); themes are prefetched."""
    saved = _saved_keys(cards, user)
    for card in cards:
        card.card_url = f"{index_url}{card.slug}/"
        card.card_themes = [themes[key] for key in card.theme_keys if key in themes]
        card.other_language = card.locale_id != locale
        card.is_saved = card.translation_key in saved


def _saved_keys(cards, user) -> set:
    if user is None or not user.is_authenticated or not cards:
        return set()
    rows = cms_model("SavedResource").objects.filter(
        user=user, resource__translation_key__in=[card.translation_key for card in cards]
    )
    return set(rows.values_list("resource__translation_key", flat=True))
