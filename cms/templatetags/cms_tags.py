"""Head helpers of CMS pages: absolute addresses built from the hub's base URL (hub/links.py;
the Site record's hostname may differ from the address people use) and the page's other
languages; and the library's resources on some themes, for the other rooms' pages (an event's)."""

from django import template

from hub import links

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_page_url(context, page) -> str:
    request = context.get("request")
    url = page.get_url(request) or ""
    return links.absolute_url(url)


@register.simple_tag(takes_context=True)
def page_alternates(context, page) -> list[dict]:
    """[{"code": "en", "url": absolute URL}] for each live translation (this page included)."""
    request = context.get("request")
    alternates = []
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation.get_url(request) or ""
        alternates.append(
            {
                "code": translation.locale.language_code,
                "url": links.absolute_url(url),
            }
        )
    return alternates


@register.inclusion_tag("cms/includes/resources_on_themes.html", takes_context=True)
def resources_on_themes(context, themes, limit: int = 3, exclude=None):
    """`{% resources_on_themes themes exclude=page %}`: the latest resources on these themes
    (cms.Theme), but `exclude` (a resource the page links already)."""
    from django.utils import translation

    from cms.selectors import resources_on_themes as on_themes

    keys = [theme.translation_key for theme in themes or []]
    language = translation.get_language() or "fr"
    return {
        "resources": on_themes(keys, language=language, limit=limit, exclude=exclude),
        "request": context.get("request"),
    }
