"""Which resources a reader sees: live, outside private sections, in the reader's language
or, when not translated yet, in their original language."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Locale, Page, PageViewRestriction

from .cache import cached, library_version
from .registry import cms_model


def public_q() -> Q:
    """Like PageQuerySet.public(), with the private sections cached until they change."""
    paths = cached(
        f"cms:private-paths:{library_version()}",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    private = Q(pk__in=[])
    for path in paths:
        private |= Q(path__startswith=path)
    return ~private


def visible_resources(locale: Locale | int) -> QuerySet:
    """Live, public resources readers of `locale` see: those written or translated in
    their language, plus those not yet translated, in their original language."""
    base = cms_model("ResourcePage").objects.live().filter(public_q())
    # Correlated NOT EXISTS: only rows of another locale look for a translation (one index
    # lookup each), instead of hashing every key of the reader's locale.
    translated = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, live=True
    )
    return base.filter(Q(locale=locale) | ~Exists(translated))
