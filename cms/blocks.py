"""StreamField blocks of resource pages and toolkits. Each block renders with its own
template in templates/cms/blocks/ so a resource reads the same everywhere."""

import html
import re

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock

RICH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class CalloutBlock(blocks.StructBlock):
    tone = blocks.ChoiceBlock(
        choices=[("info", _("Information")), ("tip", _("Tip")), ("warning", _("Warning"))],
        default="info",
        label=_("tone"),
    )
    title = blocks.CharBlock(required=False, label=_("title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "cms/blocks/callout.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, label=_("title"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("item")), label=_("items"))

    class Meta:
        icon = "tasks"
        label = _("Checklist")
        template = "cms/blocks/checklist.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    text = blocks.RichTextBlock(features=RICH_FEATURES, label=_("text"))

    class Meta:
        icon = "list-ol"
        label = _("Step")
        template = "cms/blocks/step.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("video URL"), help_text=_("YouTube, Vimeo or another oEmbed URL."))
    caption = blocks.CharBlock(required=False, label=_("caption"))
    transcript = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link"], label=_("transcript")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "cms/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        required=False, label=_("title"), help_text=_("Defaults to the document's title.")
    )
    description = blocks.TextBlock(required=False, label=_("description"))

    class Meta:
        icon = "doc-full"
        label = _("Downloadable document")
        template = "cms/blocks/document.html"


class ExternalLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("URL"))
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(required=False, label=_("description"))

    class Meta:
        icon = "link-external"
        label = _("External link")
        template = "cms/blocks/external_link.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class ResourceBodyBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=RICH_FEATURES, label=_("Text"), icon="pilcrow")
    callout = CalloutBlock()
    checklist = ChecklistBlock()
    step = StepBlock()
    video = VideoBlock()
    document = DocumentBlock()
    external_link = ExternalLinkBlock()
    quote = QuoteBlock()


class ToolkitStepBlock(blocks.StructBlock):
    """One step of a learning path. Its block id (kept by translations) is what a member's
    progress points to, so progress survives a switch of language."""

    title = blocks.CharBlock(label=_("title"))
    description = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "link", "ul"], label=_("description")
    )
    resources = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="cms.ResourcePage"), label=_("resources")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


def stream_text(value) -> str:
    """The readable words of a StreamField value (for reading time and search excerpts)."""
    parts: list[str] = []

    def walk(node):
        if node is None:
            return
        if hasattr(node, "source"):  # RichText: tags become spaces so blocks do not run together
            parts.append(html.unescape(re.sub(r"<[^>]+>", " ", node.source)))
        elif isinstance(node, str):
            parts.append(node)
        elif isinstance(node, dict) or hasattr(node, "items") and not isinstance(node, list):
            for key, child in node.items():
                if key not in {"url", "tone", "video", "document"}:
                    walk(child)
        elif isinstance(node, (list, tuple)) or hasattr(node, "__iter__"):
            for child in node:
                walk(getattr(child, "value", child))

    for block in value or []:
        walk(block.value)
    return " ".join(part for part in parts if part)
