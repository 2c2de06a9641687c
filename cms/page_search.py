"""The CMS's search provider, registered in hooks.py as the site search's "Resources": resource,
toolkit and standard pages, live and public only, through Wagtail's search backend
(PostgreSQL full text with the french_unaccent configuration in production; SQLite's FTS
in development), ranked by the backend, in the reader's language when a translation exists.

Also the helpers another room's pages use for the same rules (events): `ranked_pages` and
`in_language`."""

import re

from django.utils.translation import gettext as _
from wagtail.models import Page

from hub.extensions import SearchHit, SearchQuery, SearchResults
from hub.sanitize import highlight, plain_text

from .models import ResourceIndexPage, ResourcePage, StandardPage, Theme, ToolkitPage

# The facets count over the best MATCHES_CAP matches; the hits shown come from them too.
MATCHES_CAP = 400


def clean_for_backend(text: str) -> str:
    """Wagtail's SQLite backend hands the words to FTS5's MATCH, where an unbalanced double
    quote or a bare operator is a syntax error (a 500); a plain search gives them no meaning
    anyway. Only words go to the backend."""
    return " ".join(re.findall(r"\w+", text))[:200]


def ranked_pages(queryset, text: str, *, any_word: bool = False) -> list:
    """The pages of `queryset` matching every word of `text` (or any, with `any_word`),
    best first (at most MATCHES_CAP), as the queryset's model. One query."""
    words = clean_for_backend(text)
    if not words:
        return []
    operator = "or" if any_word else "and"
    return list(queryset.search(words, operator=operator)[:MATCHES_CAP])


def in_language(pages: list, language: str, *, model=Page) -> list[tuple[object, str]]:
    """One (page, other_language) per translation group, best first: the translation in
    `language` when there is a live one, else the page itself with its language code
    (shown as "not translated yet"). One query (the translations)."""
    keys = {page.translation_key for page in pages}
    translations = {}
    if keys:
        translations = {
            page.translation_key: page
            for page in model.objects.live()
            .public()
            .filter(locale__language_code=language, translation_key__in=keys)
            .select_related("locale")
        }
    chosen, seen = [], set()
    for page in pages:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        if page.translation_key in translations:
            chosen.append((translations[page.translation_key], ""))
        else:
            chosen.append((page, page.locale.language_code))
    return chosen


def search_pages(query: SearchQuery) -> SearchResults:
    base = (
        Page.objects.live()
        .public()
        .type(ResourcePage, ToolkitPage, StandardPage)
        .select_related("locale")
    )
    matches = ranked_pages(base, query.text, any_word=query.any_word)
    if not matches:
        return SearchResults()
    themes_of = _theme_keys([page.pk for page in matches])
    grouped = in_language(matches, query.language)
    languages: dict[str, int] = {}
    themes: dict[str, int] = {}
    kept = []
    for page, other_language in grouped:
        language = other_language or query.language
        page_themes = themes_of.get(page.pk) or themes_of.get(_first_pk(matches, page), [])
        if not query.theme or query.theme in page_themes:
            languages[language] = languages.get(language, 0) + 1
        if not query.lang or query.lang == language:
            for key in page_themes:
                themes[key] = themes.get(key, 0) + 1
            if not query.theme or query.theme in page_themes:
                kept.append((page, other_language))
    shown = kept[: query.limit]
    specific = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[page.pk for page, _lang in shown])
        .select_related("locale")
        .specific()
    }
    index_url = _library_url(query)
    hits = []
    for page, other_language in shown:
        page = specific.get(page.pk, page)
        url = page.get_url(query.request)
        if other_language and index_url and isinstance(page, (ResourcePage, ToolkitPage)):
            url = f"{index_url}{page.slug}/"  # the page under this language's library
        hits.append(
            SearchHit(
                title=page.title,
                url=url or "",
                excerpt=highlight(_page_text(page), query.text),
                kind=_kind(page),
                lang=other_language,
            )
        )
    return SearchResults(hits=hits, count=len(kept), themes=themes, languages=languages)


def _first_pk(matches, page) -> int | None:
    """The matched page of `page`'s translation group (its themes stand for the group)."""
    return next((m.pk for m in matches if m.translation_key == page.translation_key), None)


def _theme_keys(page_ids: list[int]) -> dict[int, list[str]]:
    """{page id: [theme translation keys]} for resources and toolkits: two queries."""
    found: dict[int, list[str]] = {}
    for model in (ResourcePage, ToolkitPage):
        rows = model.themes.through.objects.filter(
            **{f"{model._meta.model_name}_id__in": page_ids}
        ).values_list(f"{model._meta.model_name}_id", "theme__translation_key")
        for page_id, key in rows:
            found.setdefault(page_id, []).append(str(key))
    return found


def _library_url(query: SearchQuery) -> str:
    index = ResourceIndexPage.objects.live().filter(locale__language_code=query.language).first()
    return index.get_url(query.request) if index else ""


def _page_text(page) -> str:
    if isinstance(page, ResourcePage):
        return f"{page.summary} {page.body_text}"
    if isinstance(page, ToolkitPage):
        return f"{page.summary} {plain_text(page.intro)}"
    if isinstance(page, StandardPage):
        return f"{page.intro} {plain_text(page.body)}"
    return ""


def _kind(page) -> str:
    if isinstance(page, ResourcePage):
        return page.get_format_display()
    if isinstance(page, ToolkitPage):
        return _("Toolkit")
    return _("Page")


def page_words():
    """The public words of the library, for the "did you mean" vocabulary: titles and
    summaries of live, public pages, every language."""
    for model in (ResourcePage, ToolkitPage):
        for title, summary in model.objects.live().public().values_list("title", "summary"):
            yield title
            yield summary
    yield from Theme.objects.values_list("name", flat=True)
    yield from StandardPage.objects.live().public().values_list("title", flat=True)
