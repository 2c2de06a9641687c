"""The library's Wagtail pages: home, resource index, resources, toolkits, standard pages."""

import math

from django import forms
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from ..admin_forms import LibraryPageForm
from ..blocks import ResourceBodyBlock, ToolkitStepBlock, stream_text
from ..selectors import library_listing, resource_detail, toolkit_detail
from ..selectors.follows import theme_filter_follow
from .taxonomy import Audience, Format, Level

WORDS_PER_MINUTE = 200  # a comfortable pace for readers of a second language, too


class LibraryPageMixin:
    """What every library page puts in its head: the feed of new resources, Open Graph."""

    feed_alternate = True

    def serve(self, request, *args, **kwargs):
        # Set by ResourceIndexPage.route when an address names the other language's slug.
        if kwargs.get("redirect_to"):
            return redirect(kwargs["redirect_to"])
        return super().serve(request, *args, **kwargs)

    def get_meta_description(self) -> str:
        return self.search_description or getattr(self, "summary", "") or ""


class HomePage(Page):
    """The hub's front door, one per language. Forum questions and upcoming events come in
    through template tags that forum and events provide (cms never imports them)."""

    hero_title = models.CharField(_("hero title"), max_length=200)
    hero_text = models.TextField(_("hero text"), blank=True)
    body = RichTextField(_("body"), blank=True)
    featured_toolkits = StreamField(
        [("toolkit", blocks.PageChooserBlock(page_type="cms.ToolkitPage", label=_("toolkit")))],
        blank=True,
        verbose_name=_("featured toolkits"),
    )

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
        FieldPanel("featured_toolkits"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toolkits = [block.value for block in self.featured_toolkits if block.value]
        context["featured_toolkits"] = [page.localized.specific for page in toolkits if page.live]
        return context


class ResourceIndexPage(LibraryPageMixin, Page):
    """The library: every resource and toolkit of the site, filtered and paginated."""

    intro = RichTextField(_("introduction"), blank=True)
    per_page = models.PositiveSmallIntegerField(_("resources per page"), default=12)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("per_page")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ResourcePage", "cms.ToolkitPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resource index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        listing = library_listing(index=self, params=request.GET, user=request.user)
        page_obj = listing.page(request.GET.get("page"), self.per_page)
        context.update(listing=listing, results_page=page_obj, nav_section="resources")
        context["theme_follow"] = theme_filter_follow(listing=listing, user=request.user)
        return context

    def route(self, request, path_components):
        """A resource that has no translation yet is shown in its own language under this
        index (with a notice) rather than a 404: /en/resources/<french-slug>/."""
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        slug, rest = path_components[0], path_components[1:]
        for other in self.get_translations().live():
            child = other.get_children().live().filter(slug=slug).specific().first()
            if child is None:
                continue
            translated = child.get_translation_or_none(self.locale)
            if translated is not None and translated.live:
                return RouteResult(translated.specific, kwargs={"redirect_to": translated.url})
            result = child.route(request, rest)
            kwargs = dict(result.kwargs or {}, shown_in_locale=self.locale)
            return RouteResult(result.page, args=result.args, kwargs=kwargs)
        raise Http404


class ResourcePage(LibraryPageMixin, Page):
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences, shown in lists.")
    )
    body = StreamField(ResourceBodyBlock(), verbose_name=_("body"), blank=True)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    themes = ParentalManyToManyField(
        "cms.Theme", related_name="resources", verbose_name=_("themes")
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    reading_time = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("level"),
                FieldPanel("audience"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Classification"),
        ),
        # A page chooser limited to resources, opened at the library (cms/admin_chooser.py).
        MultipleChooserPanel(
            "related_links",
            chooser_field_name="resource",
            heading=_("Related resources"),
            label=_("related resource"),
        ),
    ]
    # Themes of the page's own language only (cms/admin_forms.py).
    base_form_class = LibraryPageForm
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("locale"),
        index.FilterField("format"),
        index.FilterField("level"),
    ]
    parent_page_types = ["cms.ResourceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def save(self, *args, **kwargs):
        # Derived from the body; stored so listings need not read every body.
        self.reading_time = compute_reading_time(self.summary, self.body)
        return super().save(*args, **kwargs)

    @cached_property
    def body_text(self) -> str:
        return stream_text(self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(resource_detail(page=self, request=request, **kwargs))
        return context


class RelatedResource(Orderable):
    """A resource a resource page points to, in the order the editor chose."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_links")
    resource = models.ForeignKey(
        ResourcePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("resource")
    )

    panels = [FieldPanel("resource")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")


class ToolkitPage(LibraryPageMixin, Page):
    """A learning path: an introduction, what you will be able to do, ordered steps."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link", "ul"])
    outcomes = StreamField(
        [("outcome", blocks.CharBlock(label=_("outcome")))],
        blank=True,
        verbose_name=_("outcomes"),
    )
    steps = StreamField([("step", ToolkitStepBlock())], verbose_name=_("steps"))
    themes = ParentalManyToManyField("cms.Theme", related_name="toolkits", verbose_name=_("themes"))
    summary = models.TextField(_("summary"), max_length=400, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("intro"),
        FieldPanel("outcomes"),
        FieldPanel("steps"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = LibraryPageForm
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.FilterField("locale"),
    ]
    parent_page_types = ["cms.ResourceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")

    @property
    def step_ids(self) -> list[str]:
        # From the stored data: iterating the blocks would load each step's resources (a
        # query per toolkit in Mon espace's list).
        return [block["id"] for block in self.steps.raw_data]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(toolkit_detail(page=self, request=request, **kwargs))
        return context


class StandardPage(Page):
    """About, accessibility, privacy: a title, an introduction and rich text."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")

    def get_meta_description(self) -> str:
        return self.search_description or self.intro


def compute_reading_time(summary: str, body) -> int:
    words = len((summary or "").split()) + len(stream_text(body).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))
