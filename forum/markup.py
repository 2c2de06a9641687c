"""How member posts become HTML: Markdown, then hub.sanitize (set as MACHINA_MARKUP_LANGUAGE).

The Markdown is CommonMark, parsed by markdown-it-py, whose parser works in linear time:
Python-Markdown's regular expressions took over a minute on 20,000 nested "[" (issue 11),
each such post holding a worker. Linear is not cheap: markdown-it-py and the sanitiser (bleach,
html5lib) are pure Python and pay for every delimiter, tag and entity, so a 20,000-character
post of "@a " or of table rows cost close to a second. Two bounds keep any post near what a
long ordinary post costs (`bench/markup_bench.py` measures hostile inputs):
- at most MAX_BOLD_MENTIONS mentions are shown in bold, the rest as written;
- a post whose estimated cost passes a budget (Markdown's, read in the text; the sanitiser's,
  read in the HTML markdown-it wrote; MAX_RAW_TAGS) is shown as its text, escaped,
  paragraphs and line breaks kept (`hub.sanitize.text_html`): nothing is lost and nothing
  runs; the author sees it in the preview.

machina calls `render()` in a pre_save signal and stores the result in `_content_rendered`;
`bulk_create` skips that signal, so code that bulk-creates posts calls `render()` itself."""

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline

from hub.accounts.handles import HANDLE_MAX_LENGTH, MENTION_RE
from hub.sanitize import clean_html, text_html

# Headings in posts stay below the page's own h1/h2: "# Titre" becomes an h3.
_HEADING_MAP = {"h1": "h3", "h2": "h3", "h6": "h5"}

# Notifications go to the first 20 handles (forum.services.MAX_MENTIONS); past 50 a bold
# mention is only cost (each one is three tokens for markdown-it and two tags for html5lib).
MAX_BOLD_MENTIONS = 50

# What one occurrence costs, in µs of CPU time on the shared 2-core machine (loaded), from
# the worst 20,000-character run of each in bench/markup_bench.py. Occurrences are counted
# with str.count, in C: an estimate costs well under a millisecond whatever the text, and
# is read before the half it stands for runs. A character absent is cheap in any number.
# markdown-it, in the member's text (block structure is paid per line, hence the newline):
_MARKDOWN_COSTS = (
    ("[", 45),  # a link label: markdown-it scans it up to maxNesting (20) levels deep
    ("](", 30),  # a link's destination
    ("*", 25),  # an emphasis delimiter
    ("_", 25),
    ("\n", 45),  # a line break or a new block (paragraph, list item, table row, heading)
    ("|", 25),  # a table cell
    ("@", 5),  # past MAX_BOLD_MENTIONS a mention is text
    ("&", 6),
    ("<", 5),
    ("\\", 3),
    ("!", 3),  # other characters that stop markdown-it's text rule
    (":", 3),
    ("`", 2),
)
# The sanitiser (html5lib builds a tree, walks it, linkifies its text, serialises it), in
# the HTML markdown-it wrote:
_SANITISER_COSTS = (
    ("<", 45),  # a tag, allowed or not; some cost more (implied ends, attributes checked):
    ("<li", 35),
    ("<blockquote", 30),
    ("<a ", 60),
    ("<img", 40),
    ("<em>", 15),
    ("&", 25),  # an entity (every "<" or "&" the member wrote as text is one)
    ("://", 25),  # a bare URL the linkifier turns into a link
    (".", 25),  # so is a bare domain ("x.ca")
)
# A long ordinary post (20,000 characters with bold, code, a link and a mention in every
# sentence: the bench's "ordinary prose") is estimated at 28,000 and 67,700: any post within
# both budgets costs about what the costliest ordinary post costs; past one, it shows as text.
MARKDOWN_BUDGET = 36_000
SANITISER_BUDGET = 70_000
# html5lib compares each new formatting element (<b>, <i>, <a>…) with every one still open,
# and checks scope through every open element: unclosed raw tags cost it the square of their
# number (500 "<b title=N>" took 300 ms; 100 and a list within the budgets, 110 ms).
# Markdown's own tags are balanced; the member's raw ones are counted, and past this number
# the post shows as text.
MAX_RAW_TAGS = 50


def _cost(text: str, costs) -> int:
    return sum(text.count(marker) * cost for marker, cost in costs)


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
        shown = state.env.get("mentions", 0)
        if shown >= MAX_BOLD_MENTIONS:
            return False
        state.env["mentions"] = shown + 1
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


def _markdown(text: str) -> tuple[str, int]:
    """The HTML markdown-it writes for `text`, and how many raw HTML tags it passed on."""
    parser, env = _parser(), {}
    tokens = parser.parse(text, env)
    raw_tags = 0
    for token in tokens:
        if token.type == "html_block":
            raw_tags += token.content.count("<")
        elif token.children:
            raw_tags += sum(child.type == "html_inline" for child in token.children)
    return parser.renderer.render(tokens, parser.options, env).rstrip("\n"), raw_tags


def markdown_html(text: str) -> str:
    """Markdown → HTML, NOT sanitised: never shown; `render()` is what pages use."""
    return _markdown(text)[0]


def _html_within_budgets(text: str) -> str | None:
    """markdown-it's HTML for `text` when rendering it stays within the budgets, else None."""
    if _cost(text, _MARKDOWN_COSTS) > MARKDOWN_BUDGET:
        return None
    html, raw_tags = _markdown(text)
    if raw_tags > MAX_RAW_TAGS or _cost(html, _SANITISER_COSTS) > SANITISER_BUDGET:
        return None
    return html


def renders_as_markdown(text: str) -> bool:
    """Whether `render()` shows `text` as Markdown rather than as its text (within the
    budgets; bench/markup_bench.py builds its costliest inputs with it)."""
    return _html_within_budgets(text) is not None


def render(text: str | None, **kwargs) -> str:
    """Markdown → HTML → sanitised HTML; past a budget, the text escaped. Never raises on
    hostile input."""
    if not text:
        return ""
    html = _html_within_budgets(text)
    return text_html(text) if html is None else clean_html(html)


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
