"""The library in Mon espace: saved resources and toolkits in progress (registered from
hooks.py)."""

from wagtail.models import Locale

from .models import SavedResource, ToolkitPage, ToolkitStepDone


def _localized(page, locale):
    if locale is None or page.locale_id == locale.pk:
        return page
    translated = page.get_translation_or_none(locale)
    return translated.specific if translated is not None and translated.live else page


def library_panel(request) -> dict:
    """Saved resources and toolkits in progress, in the reader's language when translated."""
    locale = Locale.get_active()
    saved = [
        _localized(row.resource, locale)
        for row in SavedResource.objects.filter(
            user=request.user, resource__live=True
        ).select_related("resource")[:10]
    ]
    done_by_toolkit: dict[int, set[str]] = {}
    for toolkit_id, step_id in ToolkitStepDone.objects.filter(user=request.user).values_list(
        "toolkit_id", "step_id"
    ):
        done_by_toolkit.setdefault(toolkit_id, set()).add(step_id)
    toolkits = []
    for toolkit in ToolkitPage.objects.live().filter(pk__in=done_by_toolkit):
        total = len(toolkit.step_ids)
        done = len(done_by_toolkit[toolkit.pk] & set(toolkit.step_ids))
        toolkits.append(
            {
                "page": _localized(toolkit, locale),
                "done": done,
                "total": total,
                "percent": round(100 * done / total) if total else 0,
            }
        )
    return {"saved_resources": saved, "toolkits_in_progress": toolkits}
