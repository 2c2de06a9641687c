"""Admin screens of the CMS room, and the rule that keeps documents of drafts and private
pages from being downloaded by guessing their address."""

import json

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.models import Page, ReferenceIndex
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import translation_admin
from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


def document_is_public(document) -> bool:
    """A document is served to the public only when at least one live page that anyone
    may view uses it. Documents of drafts, of private pages, or used nowhere, are not."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    ids = [int(pk) for pk in page_ids if str(pk).isdigit()]
    return bool(ids) and Page.objects.filter(pk__in=ids).live().public().exists()


@hooks.register("before_serve_document")
def protect_unpublished_documents(document, request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return None
    if not document_is_public(document):
        raise Http404
    return None


# Translation goes through review (cms/translation_admin.py). Order -1: before
# wagtail-localize's own hooks, which would otherwise answer first.
hooks.register("before_edit_page", translation_admin.submit_for_review, order=-1)
hooks.register("register_admin_urls", translation_admin.urls, order=-1)


@hooks.register("insert_global_admin_js")
def admin_words_in_the_admin_language():
    words = {
        "moreActions": gettext("More actions"),
        "saveSelected": gettext("Save the selection"),
        "translation": gettext("{source} to {target} translation"),
    }
    return format_html(
        '<script src="{}" data-hub-words="{}" defer></script>',
        versioned_static("cms/js/admin-words.js"),
        json.dumps(words),
    )


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', versioned_static("cms/css/admin.css"))


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def register_translations_menu_item():
    """A place of its own for translation (wagtail-localize keeps its report among
    Wagtail's reports): what is translated, in which language, and what is still waiting."""
    return TranslationsMenuItem(
        _("Translations"),
        reverse("wagtail_localize:translations_report"),
        icon_name="site",
        name="hub-translations",
        order=260,
    )
