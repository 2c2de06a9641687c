"""What resources are classified by. Themes are translatable snippets managed by staff;
formats, levels and audiences are fixed lists (their labels live in the catalogue)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A theme (cybersécurité, gestion des données...): the one taxonomy of the hub. The
    library's resources and toolkits, events (`EventPage.themes`) and forum categories
    (`forum.ForumCategory.themes`) are filed under it. The French theme and its English
    translation share a `translation_key`: filters match on it, so an English resource
    tagged with the French theme still shows under the English theme."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Used in filter links."))
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    # Its name is in every calendar entry filed under it (CATEGORIES): feeds' Last-Modified.
    updated_at = models.DateTimeField(auto_now=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="cms_theme_unique_slug")
        ]

    def __str__(self) -> str:
        return self.name


class Format(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TEMPLATE = "template", pgettext_lazy("resource format", "Template")
    CHECKLIST = "checklist", _("Checklist")
    VIDEO = "video", _("Video")
    WEBINAR = "webinar", _("Webinar replay")
    TOOL = "tool", _("Tool review")
    CASE = "case", _("Case study")


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    WORKERS = "workers", _("Community workers")
    MANAGERS = "managers", _("Managers and directors")
    BOARD = "board", _("Board members")
    VOLUNTEERS = "volunteers", _("Volunteers")
