"""How member posts become HTML: Markdown, then hub.sanitize (set as MACHINA_MARKUP_LANGUAGE).

machina calls `render()` in a pre_save signal and stores the result in `_content_rendered`;
`bulk_create` skips that signal, so code that bulk-creates posts calls `render()` itself."""

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from hub.sanitize import clean_html

# Headings in posts stay below the page's own h1/h2: "# Titre" becomes an h3.
_HEADING_MAP = {"h1": "h3", "h2": "h3", "h6": "h5"}


class _DemoteHeadings(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in _HEADING_MAP:
                element.tag = _HEADING_MAP[element.tag]


class _ForumExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)


def _markdown() -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["tables", "fenced_code", "sane_lists", "nl2br", _ForumExtension()],
        output_format="html",
    )


def render(text: str | None, **kwargs) -> str:
    """Markdown → HTML → sanitised HTML. Never raises on hostile input."""
    if not text:
        return ""
    return clean_html(_markdown().convert(text))
