"""The search room's own rows: the words "did you mean" proposes, and the searches that found
nothing (counted per normalised query, never with who searched)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """A word of the public content (titles and summaries, as a visitor reads them), rebuilt
    by `manage.py search_vocabulary`. `folded`: lower case, no accents (what is compared)."""

    word = models.CharField(max_length=60)
    folded = models.CharField(max_length=60, unique=True)
    weight = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word


class SearchMiss(models.Model):
    """A search that found nothing, counted. The query is normalised (lower case, no accents,
    one space between words, at most 200 characters); nothing says who searched."""

    query = models.CharField(_("search"), max_length=200, unique=True)
    count = models.PositiveIntegerField(_("times"), default=0)
    first_seen = models.DateTimeField(_("first searched"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last searched"), auto_now=True)

    class Meta:
        verbose_name = _("search without result")
        verbose_name_plural = _("searches without result")
        ordering = ["-count", "-last_seen"]

    def __str__(self) -> str:
        return self.query
