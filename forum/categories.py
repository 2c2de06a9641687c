"""Forum categories in the hub's two languages and on its themes (forum.ForumCategory,
beside machina's forums, whose own name and description are the French ones).

The table is small (one row per forum) and read on every forum page and wherever a topic
names its forum, so it is read whole and cached; any change to a category, a forum or a
theme drops the cache (receivers.py)."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils import translation

from .models import ForumCategory

CACHE_KEY = "community:categories:1"
CACHE_SECONDS = 60 * 60


@dataclass(frozen=True)
class CategoryWords:
    name_en: str = ""
    description_en: str = ""
    theme_keys: tuple = field(default_factory=tuple)  # cms.Theme translation keys


def categories() -> dict[int, CategoryWords]:
    """forum id → its English words and theme keys. Two queries when the cache is cold."""
    found = cache.get(CACHE_KEY)
    if found is None:
        rows = ForumCategory.objects.prefetch_related("themes")
        found = {
            row.forum_id: CategoryWords(
                name_en=row.name_en,
                description_en=row.description_en,
                theme_keys=tuple(str(theme.translation_key) for theme in row.themes.all()),
            )
            for row in rows
        }
        cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def categories_changed(**kwargs) -> None:
    cache.delete(CACHE_KEY)


def _english() -> bool:
    return (translation.get_language() or "fr").startswith("en")


def is_translated(forum) -> bool:
    """Whether `forum` has words in the reader's language (French always does)."""
    return not _english() or bool(categories().get(forum.pk, CategoryWords()).name_en)


def forum_name(forum) -> str:
    """The forum's name in the reader's language, else machina's (French) one."""
    if _english():
        english = categories().get(forum.pk, CategoryWords()).name_en
        if english:
            return english
    return forum.name


def forum_description_en(forum) -> str:
    """The forum's English description when the reader reads English ("" otherwise, or
    when there is none: machina's rendered French one is shown then)."""
    if not _english():
        return ""
    return categories().get(forum.pk, CategoryWords()).description_en


def forum_theme_keys(forum_id: int) -> tuple:
    return categories().get(forum_id, CategoryWords()).theme_keys


def forum_ids_on_themes(theme_keys) -> set[int]:
    """The forums filed under any of the themes (by translation key)."""
    wanted = {str(key) for key in theme_keys}
    return {pk for pk, words in categories().items() if wanted.intersection(words.theme_keys)}
