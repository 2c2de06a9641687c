"""Demo content (run by `manage.py seed_demo`): home pages, the library with themes,
29 French resources (25 translated into English), 4 toolkits and the standard pages.
Idempotent: a page or theme that exists is left alone, so a second run changes nothing."""

import datetime
import uuid

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from .demo_content import STANDARD_PAGES, THEMES, TOOLKITS, R
from .models import HomePage, ResourcePage, StandardPage, Theme, ToolkitPage
from .services import library_setup, site_setup

ORDER = 20

WORDS = {
    "fr": {
        "why": "Pourquoi c'est important",
        "why_text": "Les organismes communautaires gèrent des renseignements sensibles avec "
        "peu de moyens. Cette ressource propose une démarche simple, testée avec des "
        "intervenant·e·s, que vous pouvez suivre à votre rythme.",
        "todo": "À faire",
        "tip": "Commencez petit : une première étape bien faite vaut mieux qu'un grand plan "
        "jamais appliqué.",
        "link": "Centre canadien pour la cybersécurité : conseils pour les petites organisations",
        "quote": "On pensait que c'était trop technique pour nous. En deux après-midi, "
        "c'était fait.",
        "who": "Coordonnatrice d'un organisme de Trois-Rivières",
        "doc": "Modèle d'inventaire (tableur)",
    },
    "en": {
        "why": "Why it matters",
        "why_text": "Community organizations handle sensitive information with few means. "
        "This resource offers a simple approach, tested with community workers, that you can "
        "follow at your own pace.",
        "todo": "To do",
        "tip": "Start small: one first step done well beats a big plan never applied.",
        "link": "Canadian Centre for Cyber Security: advice for small organizations",
        "quote": "We thought it was too technical for us. Two afternoons later, it was done.",
        "who": "Coordinator of an organization in Trois-Rivières",
        "doc": "Inventory template (spreadsheet)",
    },
}

TOOLKIT_INTRO = {
    "fr": "<p>Suivez les étapes dans l'ordre, à votre rythme. Chaque étape propose une ou "
    "deux ressources courtes : marquez-la comme terminée pour suivre votre progression dans "
    "<strong>Mon espace</strong>.</p>",
    "en": "<p>Follow the steps in order, at your own pace. Each step offers one or two short "
    "resources: mark it done to track your progress in <strong>My space</strong>.</p>",
}

INVENTORY_CSV = (
    "Fichier ou logiciel;Renseignements;Personnes qui y ont accès;Durée de conservation\n"
    "Dossiers des participant·e·s;Nom, adresse, situation familiale;Intervenant·e·s;7 ans\n"
)


def _id(*parts: str) -> str:
    # Block ids are stable across runs and shared by translations (progress follows them).
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "dataide:" + ":".join(parts)))


def _body(key: str, lang: str, summary: str, items: list[str], fmt: str, document=None):
    words = WORDS[lang]
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
    if fmt == "case":
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
            "value": {
                "url": "https://www.cyber.gc.ca/fr/orientation/petites-organisations",
                "title": words["link"],
                "description": "",
            },
        }
    )
    return body


def _themes(fr: Locale, en: Locale) -> dict[str, dict[str, Theme]]:
    themes: dict[str, dict[str, Theme]] = {}
    for order, (key, (fr_slug, fr_name), (en_slug, en_name)) in enumerate(THEMES):
        french = Theme.objects.filter(locale=fr, slug=fr_slug).first()
        if french is None:
            french = Theme.objects.create(locale=fr, slug=fr_slug, name=fr_name, sort_order=order)
        english = french.get_translation_or_none(en)
        if english is None:
            english = french.copy_for_translation(en)
            english.slug, english.name = en_slug, en_name
            english.save()
        themes[key] = {"fr": french, "en": english}
    return themes


def _inventory_document():
    Document = get_document_model()
    document = Document.objects.filter(title="Modèle d'inventaire des données").first()
    if document is None:
        document = Document(title="Modèle d'inventaire des données")
        document.file.save(
            "modele-inventaire-donnees.csv", ContentFile(INVENTORY_CSV.encode()), save=False
        )
        document.save()
    return document


def seed(log) -> None:
    home = site_setup()
    index = library_setup()
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    english_index = index.get_translation(en)
    themes = _themes(fr, en)
    document = _inventory_document()

    pages: dict[str, dict[str, ResourcePage]] = {}
    reviewed = datetime.date(2026, 10, 15)
    for number, (key, fmt, level, audience, theme_keys, french, english) in enumerate(R):
        slug, title, summary, items = french
        page = ResourcePage.objects.filter(locale=fr, slug=slug).first()
        if page is None:
            page = ResourcePage(
                locale=fr,
                slug=slug,
                title=title,
                summary=summary,
                format=fmt,
                level=level,
                audience=audience,
                last_reviewed=reviewed - datetime.timedelta(days=9 * number),
                body=_body(
                    key, "fr", summary, items, fmt, document if key == "inventory" else None
                ),
            )
            page.themes = [themes[theme]["fr"] for theme in theme_keys]
            index.add_child(instance=page)
            page.save_revision().publish()
        pages[key] = {"fr": page}
        if english is None:
            continue
        translated = page.get_translation_or_none(en)
        if translated is None:
            slug, title, summary, items = english
            translated = page.copy_for_translation(en)
            translated.slug, translated.title, translated.summary = slug, title, summary
            translated.body = _body(
                key, "en", summary, items, fmt, document if key == "inventory" else None
            )
            translated.themes = [themes[theme]["en"] for theme in theme_keys]
            translated.save_revision().publish()
        pages[key]["en"] = translated.specific

    _relate(pages)
    toolkits = _toolkits(index, english_index, pages, themes, fr, en)
    _standard_pages(home, en)
    _feature(home, en, toolkits)
    log(f"library: {len(R)} resources, {len(toolkits)} toolkits, {len(THEMES)} themes")


def _relate(pages) -> None:
    """Each resource points to the other resources of its first theme (first run only)."""
    by_theme: dict[str, list[str]] = {}
    for key, _fmt, _level, _audience, theme_keys, _fr, _en in R:
        by_theme.setdefault(theme_keys[0], []).append(key)
    for key, _fmt, _level, _audience, theme_keys, _fr, _en in R:
        for lang, page in pages[key].items():
            if page.related_resources.exists():
                continue
            related = [pages[other].get(lang) for other in by_theme[theme_keys[0]] if other != key]
            related = [other for other in related if other is not None][:3]
            if related:
                page.related_resources.set(related)
                page.save_revision().publish()


def _toolkits(index, english_index, pages, themes, fr, en) -> list[ToolkitPage]:
    toolkits = []
    for spec in TOOLKITS:
        slug, title, summary = spec["fr"]
        toolkit = ToolkitPage.objects.filter(locale=fr, slug=slug).first()
        if toolkit is None:
            toolkit = ToolkitPage(
                locale=fr,
                slug=slug,
                title=title,
                summary=summary,
                intro=TOOLKIT_INTRO["fr"],
                outcomes=[{"type": "outcome", "value": text} for text in spec["outcomes_fr"]],
                steps=_steps(slug, spec, pages, "fr"),
            )
            toolkit.themes = [themes[key]["fr"] for key in spec["themes"]]
            index.add_child(instance=toolkit)
            toolkit.save_revision().publish()
        toolkits.append(toolkit)
        if spec["en"] is None or toolkit.get_translation_or_none(en) is not None:
            continue
        slug_en, title_en, summary_en = spec["en"]
        english = toolkit.copy_for_translation(en)
        english.slug, english.title, english.summary = slug_en, title_en, summary_en
        english.intro = TOOLKIT_INTRO["en"]
        english.outcomes = [{"type": "outcome", "value": text} for text in spec["outcomes_en"]]
        english.steps = _steps(slug, spec, pages, "en")
        english.themes = [themes[key]["en"] for key in spec["themes"]]
        english.save_revision().publish()
    return toolkits


def _steps(toolkit_slug: str, spec: dict, pages, lang: str) -> list[dict]:
    steps = []
    for number, ((title_fr, title_en), keys) in enumerate(spec["steps"], start=1):
        resources = [pages[key].get(lang) or pages[key]["fr"] for key in keys]
        steps.append(
            {
                "type": "step",
                "id": _id(toolkit_slug, "step", str(number)),
                "value": {
                    "title": title_fr if lang == "fr" else title_en,
                    "description": "",
                    "resources": [resource.pk for resource in resources],
                },
            }
        )
    return steps


def _standard_pages(home: HomePage, en: Locale) -> None:
    english_home = home.get_translation(en)
    for spec in STANDARD_PAGES:
        slug, title, intro, body = spec["fr"]
        page = StandardPage.objects.filter(locale=home.locale, slug=slug).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(
                    locale=home.locale, slug=slug, title=title, intro=intro, body=body
                )
            )
            page.save_revision().publish()
        if page.get_translation_or_none(en) is None and english_home is not None:
            slug, title, intro, body = spec["en"]
            english = page.copy_for_translation(en)
            english.slug, english.title, english.intro, english.body = slug, title, intro, body
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
