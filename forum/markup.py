"""How member posts become HTML: Markdown, then hub.sanitize (set as MACHINA_MARKUP_LANGUAGE).

The Markdown is CommonMark, parsed by markdown-it-py, whose parser works in linear time:
Python-Markdown's regular expressions took over a minute on 20,000 nested "[" (issue 11),
each such post holding a worker. `bench/markup_bench.py` measures hostile inputs.

machina calls `render()` in a pre_save signal and stores the result in `_content_rendered`;
`bulk_create` skips that signal, so code that bulk-creates posts calls `render()` itself."""

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from hub.accounts.handles import HANDLE_MAX_LENGTH, MENTION_RE
from hub.sanitize import clean_html

# Headings in posts stay below the page's own h1/h2: "# Titre" becomes an h3.
_HEADING_MAP = {"h1": "h3", "h2": "h3", "h6": "h5"}


def _demote_headings(state: StateCore) -> None:
    for token in state.tokens:
        if token.type in {"heading_open", "heading_close"} and token.tag in _HEADING_MAP:
            token.tag = _HEADING_MAP[token.tag]


def _mention(state: StateInline, silent: bool) -> bool:
    """ "@nadia.b" shows as a mention, in bold (an allowed tag: no new markup reaches the
    sanitiser). Code spans are parsed before this rule, so code is left alone. Whether the
    handle belongs to someone is not checked here: the text is rendered once, when saved,
    and handles can change later. Runs before emphasis, so the "_" of "@ana_b" is not read
    as italics."""
    if state.src[state.pos] != "@":
        return False
    # MENTION_RE's look-behind reads the character before `pos` in the same string.
    match = MENTION_RE.match(state.src, state.pos, state.posMax)
    if match is None or len(match.group(1)) > HANDLE_MAX_LENGTH:
        return False
    if not silent:
        state.push("strong_open", "strong", 1)
        token = state.push("text", "", 0)
        token.content = match.group(0)
        state.push("strong_close", "strong", -1)
    state.pos = match.end()
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # CommonMark with raw HTML kept for the sanitiser, which shows what it refuses as text
    # (so "<script>" reads as written); "breaks" turns each newline into <br> as members
    # expect; bare URLs are linked by the sanitiser, not here.
    parser = MarkdownIt("commonmark", {"breaks": True, "html": True, "xhtmlOut": False}).enable(
        "table"
    )
    parser.inline.ruler.before("emphasis", "mention", _mention)
    parser.core.ruler.push("demote_headings", _demote_headings)
    return parser


def markdown_html(text: str) -> str:
    """Markdown → HTML, NOT sanitised: never shown; `render()` is what pages use."""
    return _parser().render(text).rstrip("\n")


def render(text: str | None, **kwargs) -> str:
    """Markdown → HTML → sanitised HTML. Never raises on hostile input."""
    if not text:
        return ""
    return clean_html(markdown_html(text))


def rerender_stored(model, field: str, *, batch_size: int = 500) -> None:
    """Renders `field` again into machina's stored `_<field>_rendered` for every row of
    `model` (for data migrations: after a change of renderer, stored HTML is stale)."""
    rendered_field = f"_{field}_rendered"
    batch = []
    for row in model.objects.only("pk", field).iterator(chunk_size=batch_size):
        value = getattr(row, field)  # machina's descriptor wraps it in MarkupText
        setattr(row, rendered_field, render(getattr(value, "raw", value)))
        batch.append(row)
        if len(batch) >= batch_size:
            model.objects.bulk_update(batch, [rendered_field])
            batch = []
    if batch:
        model.objects.bulk_update(batch, [rendered_field])
