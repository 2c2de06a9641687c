"""The one place where user-written HTML is cleaned before it reaches a page.

Every renderer of member content (the forum's Markdown, for one) hands its HTML to
`clean_html()`. The engine (bleach 6) stays behind this module: swap it here and nothing
else changes. This module is a leaf: it imports nothing of ours.

Policy (a strict allowlist):
- paragraphs, line breaks, emphasis, lists, quotes, code, tables, headings h3–h5;
- links only to http, https and mailto, always with rel="nofollow ugc noopener";
- images only from our own media (settings.MEDIA_URL, same origin);
- bare URLs in the text become links;
- anything else is kept as visible text (escaped), never as markup.
"""

import html
import posixpath
import re
import unicodedata
from functools import lru_cache, partial
from html.parser import HTMLParser
from urllib.parse import unquote

import bleach
from bleach.linkifier import LinkifyFilter
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "em",
        "strong",
        "b",
        "i",
        "del",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "h3",
        "h4",
        "h5",
        "img",
    }
)
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"

_CODE_CLASS = re.compile(r"^language-[A-Za-z0-9_+-]{1,30}$")
_ALIGN = {"left", "right", "center"}


def _media_prefix() -> str:
    return settings.MEDIA_URL or "/media/"


# Characters that make a browser or a proxy read a path differently from how it is written:
# a query or fragment, path parameters, backslashes (read as slashes), control characters
# (stripped by URL parsers). Raw spaces too; an encoded one (%20) is a plain file name.
_MEDIA_URL_FORBIDDEN = re.compile(r"[?#;\\\x00-\x1f\x7f]")


def _fully_unquoted(value: str) -> str | None:
    """Percent-decodes until nothing changes (a proxy in front may decode once more than the
    browser); None when it never settles."""
    for _ in range(8):
        decoded = unquote(value)
        if decoded == value:
            return value
        value = decoded
    return None


def is_own_media_url(value: str) -> bool:
    """True for a path under our MEDIA_URL on this site, judged on the path the browser will
    fetch: percent-decoded (repeatedly) and with dot segments resolved. Browsers resolve
    `%2e%2e` as `..`, so `/media/%2e%2e/langue/en/` is a GET of `/langue/en/`. Only URLs
    that are already in resolved form pass, so the URL written into the page is the one that
    was checked. No query string, fragment, path parameters or backslashes on an image."""
    value = value.strip()
    prefix = _media_prefix()
    decoded = _fully_unquoted(value)
    if decoded is None or not value.startswith(prefix) or value.startswith("//"):
        return False
    if any(ord(c) <= 0x20 for c in value):
        return False
    if _MEDIA_URL_FORBIDDEN.search(decoded):
        return False
    resolved = posixpath.normpath(decoded)
    # normpath drops a trailing slash and keeps a leading "//": both count as changes.
    return (
        resolved == decoded.rstrip("/")
        and "//" not in decoded
        and (resolved + "/").startswith(prefix)
        and resolved + "/" != prefix
    )


_SCHEME = re.compile(r"^([^/?#]*):")
_FORBIDDEN_IN_URL = ("javascript:", "vbscript:", "data:")


def is_safe_link(value: str) -> bool:
    """bleach checks the scheme after decoding entities once; a browser decodes once too,
    but we also refuse URLs that turn hostile when decoded again (double-encoded payloads)."""
    decoded = value
    for _ in range(3):
        decoded = html.unescape(decoded)
    compact = "".join(c for c in decoded if ord(c) > 0x20).lower()
    if any(bad in compact for bad in _FORBIDDEN_IN_URL):
        return False
    scheme = _SCHEME.match(compact)
    return scheme is None or scheme.group(1) in ALLOWED_PROTOCOLS


def _allowed_attribute(tag: str, name: str, value: str) -> bool:
    if tag == "a":
        if name == "href":
            return is_safe_link(value)
        return name == "title"
    if tag == "img":
        if name == "src":
            return is_own_media_url(value)
        return name in {"alt", "title"}
    if tag == "code":
        return name == "class" and bool(_CODE_CLASS.match(value))
    if tag in {"th", "td"}:
        return name == "align" and value in _ALIGN
    if tag == "ol":
        return name == "start" and value.isascii() and value.isdigit() and len(value) <= 9
    return False


def _force_rel(attrs, new=False):
    href = attrs.get((None, "href"))
    if href is None:
        # A link whose URL was refused stays as plain text-like anchor without target.
        return attrs
    attrs[(None, "rel")] = LINK_REL
    attrs.pop((None, "target"), None)
    return attrs


@lru_cache(maxsize=1)
def _cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=_allowed_attribute,
        protocols=ALLOWED_PROTOCOLS,
        strip=False,  # hostile markup shows as text, so the reader sees what was written
        strip_comments=True,
        filters=[
            partial(
                LinkifyFilter,
                callbacks=[_force_rel],
                skip_tags={"pre", "code"},
                parse_email=False,
            )
        ],
    )


def clean_html(html: str) -> str:
    """Returns `html` restricted to the allowlist above, bare URLs turned into links and
    every link marked rel="nofollow ugc noopener". Safe to mark safe afterwards."""
    if not html:
        return ""
    return _cleaner().clean(html)


_BLANK_LINES = re.compile(r"\n[ \t]*\n")


def text_html(text: str) -> str:
    """Plain text as HTML: every character escaped, paragraphs at blank lines, line breaks
    kept. No markup written by the member survives, so there is nothing to clean, and it
    costs microseconds whatever the text (forum.markup falls back to it for a post too
    costly to parse). No links either: linking is the sanitiser's costly part."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    paragraphs = (part.strip("\n") for part in _BLANK_LINES.split(text))
    return "\n".join(
        "<p>" + escape(part).replace("\n", "<br>\n") + "</p>" for part in paragraphs if part.strip()
    )


# Excerpts ---------------------------------------------------------------------------------
# An excerpt is never a cut of HTML: Django's `truncatechars_html` decodes entities while it
# counts and can emit decoded text unescaped (`&lt;svg onload…&gt;` became a live <svg>).
# The visible text is taken out of the sanitised HTML, cut, and escaped: no markup survives.

_BLOCK_TAGS = frozenset(
    {"p", "br", "hr", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td", "th"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "div"}
)


class _TextExtractor(HTMLParser):
    """The text a reader sees, entities decoded once (as a browser does); blocks and line
    breaks become spaces so words of two paragraphs do not run together."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(html_text: str | None) -> str:
    """The visible text of (sanitised) HTML, runs of white space folded to one space. Not
    escaped: escape it before it goes into HTML (`excerpt()` does)."""
    if not html_text:
        return ""
    parser = _TextExtractor()
    parser.feed(html_text)
    parser.close()
    return " ".join("".join(parser.parts).split())


def excerpt(html_text: str | None, length: int = 240) -> SafeString:
    """At most `length` characters of the visible text of `html_text`, cut at a word when
    one ends near the limit, "…" added when cut, and escaped: safe in any HTML page, and it
    never holds markup. For plain-text places (emails in text), use `plain_text()`."""
    text = plain_text(html_text)
    if len(text) > length:
        cut = text[: max(length - 2, 0)]  # room for the " …"
        space = cut.rfind(" ")
        if space > length // 2:
            cut = cut[:space]
        text = cut.rstrip() + " …"
    return escape(text)


# Search excerpts --------------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower case without accents: "Sécurité" -> "securite"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def query_stems(query: str) -> list[str]:
    """Rough stems of the words of a query, to find them again in a text (the search
    engines match stems too: "trousses" finds "trousse")."""
    words = re.findall(r"\w+", fold(query))[:16]
    # Short words ("de", "la") would light up everywhere; keep them only if nothing else.
    long_words = [word for word in words if len(word) > 2]
    stems = []
    for word in long_words or words:
        stems.append(word[: max(3, len(word) - 2)] if len(word) > 4 else word)
    return stems


def highlight(text: str | None, query: str, *, words: int = 32) -> SafeString:
    """An excerpt of plain `text` (never HTML: pass `plain_text(html)`) around the first
    words that match the query, every piece escaped, the matches wrapped in <mark>. Accent-
    and case-insensitive. The only markup it can hold is <mark>."""
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
