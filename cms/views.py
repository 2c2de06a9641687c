"""Django views of the CMS room: feeds, sitemap, and the member actions of
resource and toolkit pages (save, step done). Views parse input, call one service, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from hub.redirects import safe_next

from . import services
from .models import ResourceIndexPage, ResourcePage, Theme, ToolkitPage

FEED_SIZE = 30


def _back(request, fallback: str) -> str:
    return safe_next(request, fallback)


@login_required
@require_POST
def resource_save(request, page_id: int):
    resource = get_object_or_404(ResourcePage.objects.live().public(), pk=page_id)
    if request.POST.get("action") == "remove":
        services.resource_unsave(user=request.user, resource=resource)
        messages.success(request, _("Removed from My space."))
    else:
        services.resource_save(user=request.user, resource=resource)
        messages.success(request, _("Saved to My space."))
    return redirect(_back(request, resource.url))


@login_required
@require_POST
def toolkit_step(request, page_id: int, step_id: str):
    toolkit = get_object_or_404(ToolkitPage.objects.live().public(), pk=page_id)
    done = request.POST.get("done") == "1"
    try:
        services.toolkit_step_set_done(
            user=request.user, toolkit=toolkit, step_id=step_id, done=done
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(_back(request, toolkit.url) + f"#step-{step_id}")


@login_required
@require_POST
def theme_follow(request, slug: str):
    """The "Suivre ce thème" button of the library filtered on a theme (and of Mon espace)."""
    theme = get_object_or_404(Theme.objects.filter(slug=slug)[:1])
    following = services.theme_follow_set(
        user=request.user, theme=theme, follow=request.POST.get("follow") == "1"
    )
    if following:
        messages.success(request, _("You now follow “%(theme)s”.") % {"theme": theme.name})
    else:
        messages.success(request, _("You no longer follow “%(theme)s”.") % {"theme": theme.name})
    return redirect(_back(request, "accounts:dashboard"))


@login_required
@require_POST
def themes_choose(request):
    """The themes form of Mon espace: the member follows exactly the themes ticked."""
    try:
        ids = [int(value) for value in request.POST.getlist("themes")][:200]
    except ValueError:
        return HttpResponseBadRequest(_("Choose themes from the list."))
    services.theme_follows_replace(user=request.user, themes=Theme.objects.filter(pk__in=ids))
    messages.success(request, _("Your themes have been saved."))
    return redirect(_back(request, "accounts:dashboard"))


class ResourcesFeed(Feed):
    """New resources in the language of the address (/fr/... or /en/...)."""

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Locale.objects.filter(language_code=get_language()).first()

    def title(self, locale):
        return _("DATAide Hub — new resources")

    def description(self, locale):
        return _("Guides, templates and toolkits for Québec community organizations.")

    def link(self, locale):
        index = ResourceIndexPage.objects.live().filter(locale=locale).first()
        return index.url if index else f"/{get_language()}/"

    def items(self, locale):
        return (
            ResourcePage.objects.live()
            .public()
            .filter(locale=locale)
            .order_by("-first_published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class ResourcesAtomFeed(ResourcesFeed):
    feed_type = Atom1Feed

    def subtitle(self, locale):
        return self.description(locale)


class TranslatedPages:
    """One sitemap entry: a page and its live translations, by language code."""

    def __init__(self):
        self.pages: dict[str, Page] = {}


class PageSitemap(Sitemap):
    """Every live public page, once per language it exists in, with hreflang alternates."""

    i18n = True
    alternates = True

    def items(self):
        groups: dict = {}
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .order_by("path")
        )
        for page in pages:
            group = groups.setdefault(page.translation_key, TranslatedPages())
            group.pages[page.locale.language_code] = page
        return list(groups.values())

    def get_languages_for_item(self, item):
        return [code for code in self._languages() if code in item.pages]

    def location(self, item):
        return item.pages[get_language()].get_url(self.request)

    def lastmod(self, item):
        return item.pages[get_language()].last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        return super().get_urls(page=page, site=site, protocol=protocol)


def sitemap(request):
    page_sitemap = PageSitemap()
    page_sitemap.request = request
    return django_sitemap(request, sitemaps={"pages": page_sitemap})
