"""Layout helpers shared by every room: language links, Québec time formats, the note on
an item shown in the other language."""

import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, timezone, translation

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """For each language, the URL of this same page in that language: the Wagtail
    translation when the page has a live one, else the same route with the other prefix.
    One query on a Wagtail page (its live translations), none elsewhere."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        translations = {
            other.locale.language_code: other
            for other in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        if code in translations:
            url = translations[code].get_url(request)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {"code": code, "name": name, "url": url or f"/{code}/", "current": code == current}
        )
    return links


def _french_time(value: datetime.datetime | datetime.time) -> str:
    # OQLF: "13 h 30", "9 h" (no minutes when on the hour).
    return f"{value.hour} h" if value.minute == 0 else f"{value.hour} h {value.minute:02d}"


@register.filter
def qc_time(value) -> str:
    """A time in the reader's language: "13 h 30" / "9 h" in French, "1:30 p.m." in English."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if translation.get_language() == "fr":
        return _french_time(value)
    return formats.time_format(value, "TIME_FORMAT")


# One format per style and language. In French the first of the month is "1er" (OQLF):
# qc_date swaps the day for it, so every date shown in French says "1er novembre".
_DATE_FORMATS = {
    "fr": {"long": "l j F Y", "short": "SHORT_DATE_FORMAT", "day": "l j F"},
    "en": {"long": "l, F j, Y", "short": "SHORT_DATE_FORMAT", "day": "l, F j"},
}


@register.filter
def qc_date(value, style: str = "long") -> str:
    """The one way the hub writes a date to people: "mardi 3 novembre 2026" (long), "3 nov.
    2026" (short), "mardi 3 novembre" (day) in French, "dimanche 1er novembre 2026" on the
    first; "Tuesday, November 3, 2026" / "Nov 3, 2026" / "Tuesday, November 3" in English."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    language = "fr" if translation.get_language() == "fr" else "en"
    pattern = _DATE_FORMATS[language].get(style) or _DATE_FORMATS[language]["long"]
    pattern = formats.get_format(pattern) if pattern.endswith("_FORMAT") else pattern
    if language == "fr" and value.day == 1:
        pattern = pattern.replace("j", "j\\e\\r")
    return formats.date_format(value, pattern)


@register.filter
def qc_number(value) -> str:
    """A count shown to people, grouped the reader's way: "40 102" (non-breaking space) in
    French, "40,102" in English. Not for numbers in addresses or attributes."""
    if value is None or value == "":
        return ""
    try:
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    except (TypeError, ValueError):
        return str(value)


# Said in the item's own language, as a language menu names each language in itself.
LANGUAGE_NOTES = {"fr": "(en français)", "en": "(in English)"}


@register.filter
def language_note(code) -> str:
    """`{{ item.language|language_note }}`: "(en français)" beside a French item listed on an
    English page (no translation yet), "(in English)" the other way round; "" when `code`
    is the page's language. The note carries its own `lang`."""
    from django.utils.html import format_html

    code = str(code or "")[:2]
    if not code or code == (translation.get_language() or "")[:2] or code not in LANGUAGE_NOTES:
        return ""
    return format_html('<span class="lang-note" lang="{}">{}</span>', code, LANGUAGE_NOTES[code])


@register.filter
def excerpt(html, length=240):
    """`{{ post.content.rendered|excerpt:250 }}`: the visible text of sanitised HTML, cut
    and escaped (hub.sanitize.excerpt). Never `truncatechars_html` on member HTML."""
    from hub.sanitize import excerpt as make_excerpt

    try:
        length = int(length)
    except (TypeError, ValueError):
        length = 240
    return make_excerpt(str(html or ""), length)
