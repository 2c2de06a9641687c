"""The site search page. Parses the query string, calls the selectors, renders; a search that
found nothing is counted (search.services), anonymously."""

from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hub.parsing import parse_id

from . import selectors, services


@require_GET
def search(request):
    text, shortened = selectors.clean_query(request.GET.get("q"))
    if shortened:
        messages.info(
            request,
            _("Your search was shortened to its first %(count)s characters.")
            % {"count": selectors.MAX_QUERY_LENGTH},
        )
    filters = {
        "type_key": request.GET.get("type", "")[:40],
        "theme": request.GET.get("theme", "")[:80],
        "lang": request.GET.get("lang", "")[:5],
    }
    page = parse_id(request.GET.get("page")) or 1
    found = suggestion = None
    if text:
        found = selectors.site_search(request=request, text=text, page=page, **filters)
        suggestion = selectors.did_you_mean(text)
        if not found.total and found.page == 1 and not any(filters.values()):
            services.search_miss_record(query=text)
    return render(
        request,
        "search/results.html",
        {
            "query": text,
            "found": found,
            "suggestion": suggestion,
            "filters": filters,
            "max_length": selectors.MAX_QUERY_LENGTH,
            "nav_section": "search",
        },
    )
