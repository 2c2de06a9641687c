"""Wagtail's page chooser, opened where an editor's pages are.

Asked for one type of page (toolkits, resources) with nothing chosen yet, Wagtail opens at
the nearest common ancestor of every page of that type: with a French and an English
tree, that is "Root", a level a non-technical editor has no reason to see. Here it opens
at the nearest common ancestor of those pages in one language — the one picked in the
chooser's language menu, or else the admin's language — and asked for any page, at that
language's home page. hub/urls.py mounts this view at Wagtail's own address."""

from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.coreutils import resolve_model_string
from wagtail.models import Locale, Page


def _start_page(request) -> Page | None:
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    locale = locale or Locale.get_active()
    names = (request.GET.get("page_type") or "wagtailcore.page").split(",")
    try:
        models = [resolve_model_string(name) for name in names]
    except (ValueError, LookupError):
        return None  # Wagtail's own view answers the 404
    if models == [Page]:
        return Page.objects.filter(depth=2, locale=locale).first()
    pages = Page.objects.type(*models).filter(locale=locale)
    if not pages.exists():
        return None
    return pages.first_common_ancestor()


@method_decorator([require_admin_access, never_cache], name="dispatch")
class LocaleBrowseView(BrowseView):
    def get(self, request, parent_page_id=None):
        if parent_page_id is None:
            start = _start_page(request)
            if start is not None and not start.is_root():
                parent_page_id = start.pk
        return super().get(request, parent_page_id=parent_page_id)
