"""The events' search provider, registered in hooks.py as the site search's "Events": live,
public, not cancelled events through Wagtail's search backend; upcoming ones first (soonest
first), then past ones that have a replay (latest first); past events without a replay are
not shown. In the reader's language when a translation exists."""

from django.utils import timezone
from django.utils.translation import gettext as _

from cms.page_search import in_language, ranked_pages
from hub.extensions import SearchHit, SearchQuery, SearchResults
from hub.sanitize import highlight, plain_text

from .models import EventPage


def event_theme_keys(pages) -> dict[int, list[str]]:
    """{event page id: [cms.Theme translation keys]}: one query. (A translation copies its
    original's theme rows.)"""
    found: dict[int, list[str]] = {}
    rows = EventPage.themes.through.objects.filter(
        eventpage_id__in=[page.pk for page in pages]
    ).values_list("eventpage_id", "theme__translation_key")
    for page_id, key in rows:
        found.setdefault(page_id, []).append(str(key))
    return found


def search_events(query: SearchQuery) -> SearchResults:
    base = EventPage.objects.live().public().select_related("locale")
    now = timezone.now()
    matches = [
        page
        for page in ranked_pages(base, query.text)
        if not page.cancelled and (page.effective_end > now or page.replay_url)
    ]
    if not matches:
        return SearchResults()
    themes_of = event_theme_keys(matches)
    languages: dict[str, int] = {}
    themes: dict[str, int] = {}
    kept = []
    by_key = {page.translation_key: page.pk for page in matches}
    for page, other_language in in_language(matches, query.language, model=EventPage):
        language = other_language or query.language
        page_themes = themes_of.get(page.pk) or themes_of.get(by_key[page.translation_key], [])
        if not query.theme or query.theme in page_themes:
            languages[language] = languages.get(language, 0) + 1
        if not query.lang or query.lang == language:
            for key in page_themes:
                themes[key] = themes.get(key, 0) + 1
            if not query.theme or query.theme in page_themes:
                kept.append((page, other_language))
    upcoming = sorted((e for e in kept if e[0].effective_end > now), key=lambda e: e[0].start)
    past = sorted(
        (e for e in kept if e[0].effective_end <= now), key=lambda e: e[0].start, reverse=True
    )
    hits = []
    for page, other_language in (upcoming + past)[: query.limit]:
        badges = [_("Replay")] if page.is_past else []
        hits.append(
            SearchHit(
                title=page.title,
                url=page.get_url(query.request) or "",
                excerpt=highlight(f"{page.summary} {plain_text(page.body)}", query.text),
                kind=page.get_format_display(),
                lang=other_language,
                when=page.start,
                badges=badges,
            )
        )
    return SearchResults(hits=hits, count=len(kept), themes=themes, languages=languages)


def event_words():
    """Titles and summaries of live, public events, for the "did you mean" vocabulary."""
    for title, summary in (
        EventPage.objects.live().public().filter(cancelled=False).values_list("title", "summary")
    ):
        yield title
        yield summary
