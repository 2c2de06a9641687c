"""Demo library: home pages, themes, resources in French (most translated into English),
toolkits and the standard pages (content: demo/content/cms.toml). A page or theme that
exists (by slug) is left alone."""

import datetime
import uuid

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from cms.models import HomePage, RelatedResource, ResourcePage, StandardPage, Theme, ToolkitPage
from cms.services import library_setup, site_setup

from . import content

REVIEW_INTERVAL = datetime.timedelta(days=9)  # between the review dates of two resources


def _id(*parts: str) -> str:
    # Block ids are stable across runs and shared by translations (progress follows them).
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "dataide:" + ":".join(parts)))


def _body(key: str, lang: str, text: dict, document=None) -> list[dict]:
    """A resource's StreamField body, built from its summary and checklist."""
    layout = content("cms")["resource_body"]
    words = layout[lang]
    summary, items = text["summary"], text["checklist"]
    body = [
        {
            "type": "rich_text",
            "id": _id(key, "intro"),
            "value": f"<h2>{words['why']}</h2><p>{summary}</p><p>{words['why_text']}</p>",
        },
        {
            "type": "callout",
            "id": _id(key, "tip"),
            "value": {"tone": "tip", "title": "", "text": f"<p>{words['tip']}</p>"},
        },
        {
            "type": "checklist",
            "id": _id(key, "checklist"),
            "value": {"title": words["todo"], "items": items},
        },
    ]
    for number, item in enumerate(items, start=1):
        body.append(
            {
                "type": "step",
                "id": _id(key, "step", str(number)),
                "value": {"title": f"{number}. {item}", "text": f"<p>{summary}</p>"},
            }
        )
    if text["format"] == "case":
        body.append(
            {
                "type": "quote",
                "id": _id(key, "quote"),
                "value": {"quote": words["quote"], "attribution": words["who"]},
            }
        )
    if document is not None:
        body.append(
            {
                "type": "document",
                "id": _id(key, "document"),
                "value": {"document": document.pk, "title": words["doc"], "description": ""},
            }
        )
    body.append(
        {
            "type": "external_link",
            "id": _id(key, "link"),
            "value": {"url": layout["link_url"], "title": words["link"], "description": ""},
        }
    )
    return body


def _themes(fr: Locale, en: Locale) -> dict[str, dict[str, Theme]]:
    themes: dict[str, dict[str, Theme]] = {}
    for order, spec in enumerate(content("cms")["themes"]):
        french = Theme.objects.filter(locale=fr, slug=spec["fr"]["slug"]).first()
        if french is None:
            french = Theme.objects.create(
                locale=fr, slug=spec["fr"]["slug"], name=spec["fr"]["name"], sort_order=order
            )
        english = french.get_translation_or_none(en)
        if english is None:
            english = french.copy_for_translation(en)
            english.slug, english.name = spec["en"]["slug"], spec["en"]["name"]
            english.save()
        themes[spec["key"]] = {"fr": french, "en": english}
    return themes


def _inventory_document():
    spec = content("cms")["inventory_document"]
    Document = get_document_model()
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        document = Document(title=spec["title"])
        document.file.save(spec["filename"], ContentFile(spec["csv"].encode()), save=False)
        document.save()
    return document


def seed(log) -> None:
    data = content("cms")
    home = site_setup()
    index = library_setup()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    themes = _themes(fr, en)
    document = _inventory_document()
    with_document = data["inventory_document"]["resource"]

    pages: dict[str, dict[str, ResourcePage]] = {}
    for number, spec in enumerate(data["resources"]):
        key = spec["key"]
        attached = document if key == with_document else None
        french = spec["fr"] | {"format": spec["format"]}
        page = ResourcePage.objects.filter(locale=fr, slug=french["slug"]).first()
        if page is None:
            page = ResourcePage(
                locale=fr,
                slug=french["slug"],
                title=french["title"],
                summary=french["summary"],
                format=spec["format"],
                level=spec["level"],
                audience=spec["audience"],
                last_reviewed=data["last_reviewed"] - REVIEW_INTERVAL * number,
                body=_body(key, "fr", french, attached),
            )
            page.themes = [themes[theme]["fr"] for theme in spec["themes"]]
            index.add_child(instance=page)
            page.save_revision().publish()
        pages[key] = {"fr": page}
        if "en" not in spec:
            continue
        translated = page.get_translation_or_none(en)
        if translated is None:
            english = spec["en"] | {"format": spec["format"]}
            translated = page.copy_for_translation(en)
            translated.slug, translated.title = english["slug"], english["title"]
            translated.summary = english["summary"]
            translated.body = _body(key, "en", english, attached)
            translated.themes = [themes[theme]["en"] for theme in spec["themes"]]
            translated.save_revision().publish()
        pages[key]["en"] = translated.specific

    _relate(pages)
    toolkits = _toolkits(index, pages, themes, fr, en)
    _standard_pages(home, en)
    _feature(home, en, toolkits)
    log(
        f"library: {len(data['resources'])} resources, {len(toolkits)} toolkits, "
        f"{len(data['themes'])} themes"
    )


def _relate(pages) -> None:
    """Each resource points to the other resources of its first theme (first run only)."""
    resources = content("cms")["resources"]
    by_theme: dict[str, list[str]] = {}
    for spec in resources:
        by_theme.setdefault(spec["themes"][0], []).append(spec["key"])
    for spec in resources:
        key = spec["key"]
        for lang, page in pages[key].items():
            if page.related_links.exists():
                continue
            neighbours = [other for other in by_theme[spec["themes"][0]] if other != key]
            related = [pages[other].get(lang) for other in neighbours]
            related = [other for other in related if other is not None][:3]
            if related:
                page.related_links = [RelatedResource(resource=other) for other in related]
                page.save_revision().publish()


def _toolkits(index, pages, themes, fr, en) -> list[ToolkitPage]:
    data = content("cms")
    toolkits = []
    for spec in data["toolkits"]:
        french = spec["fr"]
        toolkit = ToolkitPage.objects.filter(locale=fr, slug=french["slug"]).first()
        if toolkit is None:
            toolkit = ToolkitPage(
                locale=fr,
                slug=french["slug"],
                title=french["title"],
                summary=french["summary"],
                intro=data["toolkit_intro"]["fr"],
                outcomes=[{"type": "outcome", "value": text} for text in french["outcomes"]],
                steps=_steps(french["slug"], spec, pages, "fr"),
            )
            toolkit.themes = [themes[key]["fr"] for key in spec["themes"]]
            index.add_child(instance=toolkit)
            toolkit.save_revision().publish()
        toolkits.append(toolkit)
        if "en" not in spec or toolkit.get_translation_or_none(en) is not None:
            continue
        english = toolkit.copy_for_translation(en)
        english.slug, english.title = spec["en"]["slug"], spec["en"]["title"]
        english.summary = spec["en"]["summary"]
        english.intro = data["toolkit_intro"]["en"]
        english.outcomes = [{"type": "outcome", "value": text} for text in spec["en"]["outcomes"]]
        # Step ids come from the French slug, so progress follows a member across languages.
        english.steps = _steps(french["slug"], spec, pages, "en")
        english.themes = [themes[key]["en"] for key in spec["themes"]]
        english.save_revision().publish()
    return toolkits


def _steps(toolkit_slug: str, spec: dict, pages, lang: str) -> list[dict]:
    steps = []
    for number, step in enumerate(spec["steps"], start=1):
        resources = [pages[key].get(lang) or pages[key]["fr"] for key in step["resources"]]
        steps.append(
            {
                "type": "step",
                "id": _id(toolkit_slug, "step", str(number)),
                "value": {
                    "title": step[lang],
                    "description": "",
                    "resources": [resource.pk for resource in resources],
                },
            }
        )
    return steps


def _standard_pages(home: HomePage, en: Locale) -> None:
    english_home = home.get_translation(en)
    for spec in content("cms")["standard_pages"]:
        french = spec["fr"]
        page = StandardPage.objects.filter(locale=home.locale, slug=french["slug"]).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(
                    locale=home.locale,
                    slug=french["slug"],
                    title=french["title"],
                    intro=french["intro"],
                    body=french["body"],
                )
            )
            page.save_revision().publish()
        if page.get_translation_or_none(en) is None and english_home is not None:
            english = page.copy_for_translation(en)
            for field in ("slug", "title", "intro", "body"):
                setattr(english, field, spec["en"][field])
            english.save_revision().publish()


def _feature(home: HomePage, en: Locale, toolkits: list[ToolkitPage]) -> None:
    """Features the first two toolkits on both home pages, if none are featured yet."""
    for page in (home, home.get_translation_or_none(en)):
        if page is None:
            continue
        page = page.specific
        if len(page.featured_toolkits):
            continue
        page.featured_toolkits = [{"type": "toolkit", "value": t.pk} for t in toolkits[:2]]
        page.save_revision().publish()
