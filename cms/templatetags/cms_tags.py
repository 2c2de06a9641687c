"""Head helpers of CMS pages: absolute addresses built from the hub's base URL (hub/links.py;
the Site record's hostname may differ from the address people use) and the page's other
languages."""

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
