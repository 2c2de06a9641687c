"""Builders for CMS tests: themes, resources, toolkits, translations."""

import datetime
import itertools

from wagtail.models import Locale

from cms.models import ResourcePage, Theme, ToolkitPage

_counter = itertools.count(1)


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def make_theme(*, slug: str, name: str, english: tuple[str, str] | None = None) -> Theme:
    theme = Theme.objects.create(locale=locale("fr"), slug=slug, name=name)
    if english:
        translated = theme.copy_for_translation(locale("en"))
        translated.slug, translated.name = english
        translated.save()
    return theme


def make_resource(
    index,
    *,
    title: str | None = None,
    summary: str = "Un résumé court.",
    body=None,
    format: str = "guide",
    level: str = "beginner",
    themes=(),
    publish: bool = True,
    **fields,
) -> ResourcePage:
    number = next(_counter)
    title = title or f"Ressource {number}"
    page = ResourcePage(
        title=title,
        slug=fields.pop("slug", f"ressource-{number}"),
        summary=summary,
        format=format,
        level=level,
        locale=index.locale,
        last_reviewed=datetime.date(2026, 10, 1),
        body=body or [{"type": "rich_text", "value": f"<p>{summary}</p>"}],
        **fields,
    )
    page.themes = list(themes)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save()
    page.refresh_from_db()
    return page


def translate(page, code: str = "en", **fields):
    """An English (by default) translation of a page, published, with the given fields."""
    translated = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def make_toolkit(index, *, title: str, steps: list[tuple[str, list]], **fields) -> ToolkitPage:
    number = next(_counter)
    page = ToolkitPage(
        title=title,
        slug=fields.pop("slug", f"trousse-{number}"),
        locale=index.locale,
        intro="<p>Introduction.</p>",
        summary="Un parcours.",
        steps=[
            {
                "type": "step",
                "value": {"title": name, "description": "", "resources": [r.pk for r in resources]},
            }
            for name, resources in steps
        ],
        **fields,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page
