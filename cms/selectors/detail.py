"""What a resource page and a toolkit page show, in the reader's language: a page shown
under the other language's library (not translated yet) gets its themes, related
resources and library link in the reader's language where they exist."""

from django.db.models import QuerySet
from wagtail.models import Locale

from .registry import cms_model
from .themes import localized_themes


def resource_detail(*, page, request, shown_in_locale=None, **kwargs) -> dict:
    locale = _reader_locale(page, shown_in_locale)
    related = [_localized_page(resource, locale) for resource in _related_resources(page)]
    is_saved = _is_saved(page, getattr(request, "user", None))
    return {
        "themes": localized_themes(page.themes.all(), locale),
        "related": related,
        "is_saved": is_saved,
        "index_url": _index_url(page, locale, request),
        "shown_in_locale": shown_in_locale,
        "content_language": page.locale.language_code,
        "nav_section": "resources",
    }


def _related_resources(page):
    """The live, public related resources. In Wagtail's preview the page carries its form's
    choice as modelcluster's in-memory stand-in, which has no .live(): read it by id."""
    related = page.related_resources.all()
    if not isinstance(related, QuerySet):
        related = cms_model("ResourcePage").objects.filter(pk__in=[r.pk for r in related])
    return related.live().public()[:6]


def toolkit_detail(*, page, request, shown_in_locale=None, **kwargs) -> dict:
    locale = _reader_locale(page, shown_in_locale)
    steps = _toolkit_steps(
        page, locale=locale, done=_steps_done(page, getattr(request, "user", None))
    )
    return {
        "steps": steps,
        "progress": _progress(steps),
        "themes": localized_themes(page.themes.all(), locale),
        "shown_in_locale": shown_in_locale,
        "content_language": page.locale.language_code,
        "index_url": _index_url(page, locale, request),
        "nav_section": "resources",
    }


def _is_saved(page, user) -> bool:
    return bool(
        user
        and user.is_authenticated
        and cms_model("SavedResource")
        .objects.filter(user=user, resource__translation_key=page.translation_key)
        .exists()
    )


def _steps_done(toolkit, user) -> set[str]:
    """The ids of the steps the member marked done, in any language of the toolkit."""
    if user is None or not user.is_authenticated:
        return set()
    rows = cms_model("ToolkitStepDone").objects.filter(
        user=user, toolkit__translation_key=toolkit.translation_key
    )
    return set(rows.values_list("step_id", flat=True))


def _step_resources(toolkit, locale: Locale) -> dict:
    """The live, public resources the steps point to, by translation_key, each in the
    reader's language when translated. Two queries, whatever the number of steps."""
    resource_ids = {
        resource.pk for block in toolkit.steps for resource in block.value["resources"] if resource
    }
    resources = cms_model("ResourcePage").objects.live().public()
    by_key = {
        resource.translation_key: resource for resource in resources.filter(pk__in=resource_ids)
    }
    translations = resources.filter(locale=locale, translation_key__in=list(by_key))
    by_key.update({resource.translation_key: resource for resource in translations})
    return by_key


def _toolkit_steps(toolkit, *, locale: Locale, done: set[str]) -> list[dict]:
    shown = _step_resources(toolkit, locale)
    steps = []
    for number, block in enumerate(toolkit.steps, start=1):
        resources = [
            shown[resource.translation_key]
            for resource in block.value["resources"]
            if resource is not None and resource.translation_key in shown
        ]
        steps.append(
            {
                "id": block.id,
                "number": number,
                "title": block.value["title"],
                "description": block.value["description"],
                "resources": resources,
                "done": block.id in done,
            }
        )
    return steps


def _progress(steps: list[dict]) -> dict:
    total = len(steps)
    done = sum(1 for step in steps if step["done"])
    return {"done": done, "total": total, "percent": round(100 * done / total) if total else 0}


def _reader_locale(page, shown_in_locale) -> Locale:
    return shown_in_locale or page.locale


def _localized_page(page, locale: Locale):
    translated = page.get_translation_or_none(locale)
    if translated is not None and translated.live:
        return translated.specific
    return page.specific


def _index_url(page, locale: Locale, request) -> str:
    """The library the reader came from: the page's parent, in the reader's language."""
    if not page.path:  # the preview of a page not saved yet
        return ""
    parent = page.get_parent()
    if parent is None:
        return ""
    if parent.locale_id != locale.pk:
        parent = parent.get_translation_or_none(locale) or parent
    return parent.get_url(request) or ""
