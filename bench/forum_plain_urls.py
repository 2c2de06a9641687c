"""The hub's URLs with plain django-machina at /<lang>/forum/ (no `forum` app views), for
bench/forum_bench.py's side-by-side comparison."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLResolver, include, path

import hub.urls as hub_urls


def _without_forum(patterns):
    kept = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver) and str(pattern.pattern) == "forum/":
            continue
        kept.append(pattern)
    return kept


urlpatterns = []
for entry in hub_urls.urlpatterns:
    if isinstance(entry, URLResolver) and entry.pattern.__class__.__name__ == "LocalePrefixPattern":
        inner = _without_forum(entry.url_patterns)
        urlpatterns += i18n_patterns(
            path("forum/", include("machina.urls")), *inner, prefix_default_language=True
        )
    else:
        urlpatterns.append(entry)

handler404 = hub_urls.handler404
handler500 = hub_urls.handler500
