"""One search over every room: each provider registered on `hub.extensions.search_providers`
is asked for its best hits, and the lists are fused into one ranking.

Ranking (reciprocal rank fusion): a hit at place `n` (0 first) of its provider's list scores
1 / (FUSION_K + n), and 1 / FUSION_K more when every word of the query is in its title. Each
provider ranks its own hits with its own engine (ts_rank, Wagtail's backend, dates for
events); fusion needs no common scale and keeps every provider's order.

Facets: the type facet counts what each provider found; the theme and language facets add
up the providers' counts. Pages: PAGE_SIZE hits each, at most MAX_PAGES (a provider is asked
for page × PAGE_SIZE hits, so the cost of a page is bounded). The number of SQL queries of a
results page does not depend on how much is found."""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.utils.translation import get_language

from cms.models import Theme
from hub import extensions
from hub.sanitize import fold, query_stems

from .models import SearchWord

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
MAX_PAGES = 10
FUSION_K = 10
LANGUAGES = {"fr": "Français", "en": "English"}  # each named in its own language
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ue000\ue001]+")


def clean_query(raw: str | None) -> tuple[str, bool]:
    """The query as searched: control characters (PostgreSQL refuses NUL) and runs of spaces
    folded, cut to MAX_QUERY_LENGTH at a word. Also says whether it was cut."""
    query = " ".join(_CONTROL.sub(" ", (raw or "")[: MAX_QUERY_LENGTH * 10]).split())
    if len(query) <= MAX_QUERY_LENGTH:
        return query, False
    return query[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0].strip() or query[:MAX_QUERY_LENGTH], True


@dataclass
class Facet:
    value: str
    label: object
    count: int
    selected: bool = False


@dataclass
class SiteSearch:
    hits: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    pages: int = 0
    types: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    languages: list = field(default_factory=list)


def _fused(results: dict, text: str) -> list:
    stems = query_stems(text)
    scored = []
    for key, result in results.items():
        for place, hit in enumerate(result.hits):
            hit.type = key
            score = 1 / (FUSION_K + place)
            title = fold(hit.title)
            if stems and all(stem in title for stem in stems):
                score += 1 / FUSION_K
            scored.append((score, len(scored), hit))
    scored.sort(key=lambda entry: (-entry[0], entry[1]))
    return [hit for _score, _n, hit in scored]


def site_search(
    *, request, text: str, page: int = 1, type_key: str = "", theme: str = "", lang: str = ""
) -> SiteSearch:
    """The results page of `text` for `request.user`. `type_key`: a provider's key or "";
    `theme`: a theme's slug in the page's language or ""; `lang`: "fr", "en" or "". Unknown
    filter values are ignored, `page` is clamped to 1..MAX_PAGES."""
    language = get_language() or "fr"
    providers = dict(extensions.search_providers.items())
    type_key = type_key if type_key in providers else ""
    lang = lang if lang in LANGUAGES else ""
    page = min(max(page, 1), MAX_PAGES)
    theme_key = ""
    if theme:
        found = Theme.objects.filter(slug=theme[:80], locale__language_code=language).first()
        theme_key = str(found.translation_key) if found else ""
    results = {}
    for key, provider in providers.items():
        wanted = page * PAGE_SIZE if type_key in ("", key) else 0
        query = extensions.SearchQuery(
            text=text,
            request=request,
            language=language,
            limit=wanted,
            theme=theme_key,
            lang=lang,
        )
        results[key] = provider.search(query)
    chosen = {key: r for key, r in results.items() if type_key in ("", key)}
    total = sum(result.count for result in chosen.values())
    hits = _fused(chosen, text)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return SiteSearch(
        hits=hits,
        total=total,
        page=page,
        pages=min(MAX_PAGES, -(-total // PAGE_SIZE)),
        types=[
            Facet(key, providers[key].label, results[key].count, key == type_key)
            for key in providers
        ],
        themes=_theme_facet(chosen, language, theme_key),
        languages=_language_facet(chosen, lang),
    )


def _theme_facet(results: dict, language: str, selected: str) -> list[Facet]:
    counts: dict[str, int] = {}
    for result in results.values():
        for key, count in result.themes.items():
            counts[key] = counts.get(key, 0) + count
    if not counts:
        return []
    names = {}
    for found in Theme.objects.filter(translation_key__in=list(counts)).select_related("locale"):
        key = str(found.translation_key)
        if key not in names or found.locale.language_code == language:
            names[key] = found
    facets = [
        Facet(names[key].slug, names[key].name, count, key == selected)
        for key, count in counts.items()
        if key in names
    ]
    return sorted(facets, key=lambda facet: (-facet.count, str(facet.label)))


def _language_facet(results: dict, selected: str) -> list[Facet]:
    counts: dict[str, int] = {}
    for result in results.values():
        for code, count in result.languages.items():
            counts[code] = counts.get(code, 0) + count
    return [
        Facet(code, label, counts[code], code == selected)
        for code, label in LANGUAGES.items()
        if counts.get(code)
    ]


# Did you mean -----------------------------------------------------------------------------

_SIMILAR_SQL = """
SELECT w.input,
  EXISTS (SELECT 1 FROM search_searchword v WHERE v.folded = w.input),
  (SELECT v.word FROM search_searchword v WHERE v.folded %% w.input
   ORDER BY similarity(v.folded, w.input) DESC, v.weight DESC LIMIT 1)
FROM unnest(%s::text[]) AS w(input)
"""


def did_you_mean(text: str) -> str:
    """The query with each word unknown to the vocabulary replaced by the closest known one
    (PostgreSQL: pg_trgm similarity; SQLite: difflib), or "" when nothing would change. One
    query. Words under 4 letters are left alone."""
    words = re.findall(r"\w+", text)[:8]
    folded = sorted({fold(word) for word in words if len(word) >= 4 and not word.isdigit()})
    if not folded:
        return ""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_SIMILAR_SQL, [folded])
            rows = cursor.fetchall()
        closest = {word: match for word, known, match in rows if not known and match}
    else:
        closest = _closest_simple(folded)
    replaced = [closest.get(fold(word), word) for word in words]
    if all(fold(a) == fold(b) for a, b in zip(replaced, words, strict=True)):
        return ""
    return " ".join(replaced)


def _closest_simple(folded: list[str]) -> dict[str, str]:
    import difflib

    starts = {word[0] for word in folded}
    rows = list(
        SearchWord.objects.filter(folded__regex=rf"^[{''.join(map(re.escape, starts))}]")
        .order_by("-weight")
        .values_list("folded", "word")[:20000]
    )
    known = dict(rows)
    closest = {}
    for word in folded:
        if word in known:
            continue
        match = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
        if match:
            closest[word] = known[match[0]]
    return closest
