"""Site search. The search page asks every provider registered on
`hub.extensions.search_providers` for hits; cms registers its pages from hooks.py, and forum
or events can register theirs from their own hooks.py (cms never imports them):

    from cms.search import SearchHit, SearchProvider
    extensions.search_providers.register(
        "forum", SearchProvider(label=_("Forum"), search=search_topics), order=20
    )

`search(*, request, query, limit)` returns a list of SearchHit, best first."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hub import extensions


@dataclass
class SearchHit:
    title: str
    url: str
    excerpt: SafeString | str = ""
    kind: str = ""
    lang: str = ""  # set when the hit is in another language than the page
    meta: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SearchProvider:
    label: object  # the section's title on the search page
    search: Callable[..., list[SearchHit]]


def run_search(*, request, query: str, limit: int = 20) -> list[dict]:
    """One section per provider that found something: {"key", "label", "hits"}."""
    sections = []
    for key, provider in extensions.search_providers.items():
        hits = provider.search(request=request, query=query, limit=limit)
        sections.append({"key": key, "label": provider.label, "hits": hits})
    return sections


def fold(text: str) -> str:
    """Lower case without accents: "Sécurité" -> "securite"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def query_stems(query: str) -> list[str]:
    """Rough stems of the words of a query, to find them again in a text (the search
    engine matched stems too: "trousses" finds "trousse")."""
    words = re.findall(r"\w+", fold(query))
    # Short words ("de", "la") would light up everywhere; keep them only if nothing else.
    long_words = [word for word in words if len(word) > 2]
    stems = []
    for word in long_words or words:
        stems.append(word[: max(3, len(word) - 2)] if len(word) > 4 else word)
    return stems


def highlight(text: str, query: str, *, words: int = 32) -> SafeString:
    """An excerpt of `text` around the first words that match the query, escaped, with the
    matches wrapped in <mark>. Accent- and case-insensitive."""
    stems = query_stems(query)
    tokens = re.split(r"(\s+)", " ".join((text or "").split()))
    word_positions = [i for i, token in enumerate(tokens) if token and not token.isspace()]

    def matches(token: str) -> bool:
        folded = fold(re.sub(r"^\W+", "", token))
        return any(folded.startswith(stem) for stem in stems)

    first = next((n for n, i in enumerate(word_positions) if matches(tokens[i])), 0)
    start = max(0, first - words // 3)
    chosen = word_positions[start : start + words]
    if not chosen:
        return mark_safe("")
    parts = []
    for i in range(chosen[0], chosen[-1] + 1):
        token = tokens[i]
        if token.isspace():
            parts.append(" ")
        elif matches(token):
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    excerpt = "".join(parts)
    if start > 0:
        excerpt = "… " + excerpt
    if start + words < len(word_positions):
        excerpt += " …"
    return mark_safe(excerpt)  # noqa: S308 - every piece was escaped above
