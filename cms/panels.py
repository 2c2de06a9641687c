"""The library in Mon espace: saved resources and toolkits in progress, and the themes the
member follows with what is new on them (registered from hooks.py)."""

from wagtail.models import Locale

from hub import extensions
from hub.accounts.visits import previous_visit

from .models import SavedResource, ToolkitPage, ToolkitStepDone
from .selectors.follows import followed_theme_keys, themes_in_locale

NEWS_LIMIT = 8


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


def themes_panel(request) -> dict:
    """ "Mes thèmes": every theme with a box ticked for those followed, and what each room
    (hub.extensions.theme_news) has that is new on them since the member's previous visit,
    newest first."""
    keys = followed_theme_keys(user=request.user)
    themes = themes_in_locale(locale=Locale.get_active())
    since = previous_visit(request)
    news = []
    if keys:
        for _key, provider in extensions.theme_news.items():
            news.extend(provider(user=request.user, theme_keys=keys, since=since, limit=NEWS_LIMIT))
    news.sort(key=lambda item: item.when, reverse=True)
    return {
        "themes": [{"theme": theme, "followed": theme.translation_key in keys} for theme in themes],
        "followed": [theme for theme in themes if theme.translation_key in keys],
        "news": news[:NEWS_LIMIT],
        "since": since,
    }
