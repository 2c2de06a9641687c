"""How member posts become HTML: Markdown, then hub.sanitize (set as MACHINA_MARKUP_LANGUAGE).

machina calls `render()` in a pre_save signal and stores the result in `_content_rendered`;
`bulk_create` skips that signal, so code that bulk-creates posts calls `render()` itself."""

import xml.etree.ElementTree as etree

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from hub.accounts.handles import HANDLE_MAX_LENGTH, MENTION_RE
from hub.sanitize import clean_html

# Headings in posts stay below the page's own h1/h2: "# Titre" becomes an h3.
_HEADING_MAP = {"h1": "h3", "h2": "h3", "h6": "h5"}


class _DemoteHeadings(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in _HEADING_MAP:
                element.tag = _HEADING_MAP[element.tag]


class _Mention(InlineProcessor):
    """ "@nadia.b" shows as a mention, in bold (an allowed tag: no new markup reaches the
    sanitiser). Code is left alone. Whether the handle belongs to someone is not checked
    here: the text is rendered once, when saved, and handles can change later."""

    def handleMatch(self, m, data):  # noqa: N802 (Markdown's API)
        handle = m.group(1)
        if len(handle) > HANDLE_MAX_LENGTH:
            return None, None, None
        element = etree.Element("strong")
        element.text = AtomicString("@" + handle)  # not parsed again
        return element, m.start(0), m.end(0)


class _ForumExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)
        # Before emphasis (60), so the "_" of "@ana_b" is not read as italics.
        md.inlinePatterns.register(_Mention(MENTION_RE.pattern, md), "mention", 65)


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["tables", "fenced_code", "sane_lists", "nl2br", _ForumExtension()],
        output_format="html",
    )


def markdown_html(text: str) -> str:
    """Markdown → HTML, NOT sanitised: never shown; `render()` is what pages use."""
    return _markdown().convert(text)


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
