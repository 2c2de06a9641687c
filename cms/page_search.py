"""The CMS's search provider: resources, toolkits and standard pages, through Wagtail's
search backend (PostgreSQL full text with the french_unaccent configuration in
production), ranked by the backend, in the reader's language when a translation exists."""

from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from .models import ResourceIndexPage, ResourcePage, StandardPage, ToolkitPage
from .search import SearchHit, highlight

MAX_QUERY_LENGTH = 200


def search_pages(*, request, query: str, limit: int = 20) -> list[SearchHit]:
    # Wagtail's SQLite backend hands the words to FTS5's MATCH, where an unbalanced double
    # quote is a syntax error (a 500); a plain search gives quotes no meaning anyway.
    query = " ".join(query.replace('"', " ").split())[:MAX_QUERY_LENGTH]
    if not query:
        return []
    locale = Locale.objects.filter(language_code=get_language()).first()
    queryset = Page.objects.live().public().type(ResourcePage, ToolkitPage, StandardPage)
    ranked_ids = [page.pk for page in queryset.search(query)[: limit * 2]]
    if not ranked_ids:
        return []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ranked_ids).specific()}
    ordered = [pages[pk] for pk in ranked_ids if pk in pages]
    # A hit in the other language is replaced by its translation when there is one.
    translations = {}
    index_url = ""
    if locale is not None:
        translations = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=[page.translation_key for page in ordered])
            .specific()
        }
        index = ResourceIndexPage.objects.live().filter(locale=locale).first()
        index_url = index.get_url(request) if index else ""
    hits, seen = [], set()
    for page in ordered:
        if page.translation_key in seen:
            continue
        seen.add(page.translation_key)
        other_language = ""
        if locale is not None and page.locale_id != locale.pk:
            if page.translation_key in translations:
                page = translations[page.translation_key]
            else:
                other_language = page.locale.language_code
        url = page.get_url(request)
        if other_language and index_url and isinstance(page, (ResourcePage, ToolkitPage)):
            url = f"{index_url}{page.slug}/"
        hits.append(
            SearchHit(
                title=page.title,
                url=url,
                excerpt=highlight(_page_text(page), query),
                kind=_kind(page),
                lang=other_language,
            )
        )
        if len(hits) >= limit:
            break
    return hits


def _page_text(page) -> str:
    if isinstance(page, ResourcePage):
        return f"{page.summary} {page.body_text}"
    if isinstance(page, ToolkitPage):
        return f"{page.summary} {strip_tags(page.intro)}"
    if isinstance(page, StandardPage):
        return f"{page.intro} {strip_tags(page.body)}"
    return ""


def _kind(page) -> str:
    if isinstance(page, ResourcePage):
        return page.get_format_display()
    if isinstance(page, ToolkitPage):
        return _("Toolkit")
    return _("Page")
