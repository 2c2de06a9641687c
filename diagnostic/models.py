"""The needs diagnostic: dimensions, waves, versioned questionnaires, and what organisations
answer.

Staff-written labels carry a French and an English field side by side (`*_fr`, `*_en`), as
events' themes and the privacy officer's title do, rather than Wagtail's TranslatableMixin:
a questionnaire is one tree of rows that responses point at whatever the respondent's
language, and a frozen version must stay one set of rows (one row per locale would make
every response, aggregate and freeze check go through `translation_key`)."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def bilingual(obj, field: str) -> str:
    """The field in the active language; French when the English one is empty."""
    if translation.get_language() == "en":
        return getattr(obj, f"{field}_en") or getattr(obj, f"{field}_fr")
    return getattr(obj, f"{field}_fr")


class Dimension(models.Model):
    """One of the eight dimensions every question is tied to (seeded by a data migration).
    Its themes lead from a gap to the library's toolkits, webinars and forum categories."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    themes = models.ManyToManyField(
        "cms.Theme", blank=True, related_name="diagnostic_dimensions", verbose_name=_("themes")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return bilingual(self, "name")


class Wave(models.Model):
    """A year of the programme's collection (2022, 2023, 2024…): one submission per
    organisation per wave, whichever version of the questionnaire it answered."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("wave")
        verbose_name_plural = _("waves")

    def __str__(self) -> str:
        return str(self.year)


class Questionnaire(models.Model):
    """One version of a wave's questionnaire. Once published it is frozen: the services
    refuse to change it in place and make a new draft version instead
    (`diagnostic.services.questionnaire_editable`)."""

    wave = models.ForeignKey(
        Wave, on_delete=models.PROTECT, related_name="questionnaires", verbose_name=_("wave")
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        verbose_name=_("based on"),
    )

    class Meta:
        ordering = ["wave__year", "version"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["wave", "version"], name="diagnostic_questionnaire_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.wave.year} v{self.version} – {self.title}"

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Section(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="sections"
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self, "title")

    @property
    def intro(self) -> str:
        return bilingual(self, "intro")


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = "scale", _("Scale with described levels")
        CHOICE = "choice", _("Multiple choice")
        TEXT = "text", _("Free text")

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    dimension = models.ForeignKey(
        Dimension, on_delete=models.PROTECT, related_name="questions", verbose_name=_("dimension")
    )
    # The same question across versions and waves keeps its code: "change since last wave".
    code = models.SlugField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    text_fr = models.CharField(_("question (French)"), max_length=400)
    text_en = models.CharField(_("question (English)"), max_length=400, blank=True)
    purpose_fr = models.CharField(
        _("purpose (French)"),
        max_length=400,
        help_text=_("Why we ask: shown to respondents under the question."),
    )
    purpose_en = models.CharField(_("purpose (English)"), max_length=400, blank=True)

    class Meta:
        ordering = ["section__sort_order", "sort_order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return bilingual(self, "text")

    @property
    def purpose(self) -> str:
        return bilingual(self, "purpose")


class Option(models.Model):
    """A described level of a scale question (value 1 to 4…) or a choice of a multiple
    choice question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    value = models.PositiveSmallIntegerField(_("value"))
    label_fr = models.CharField(_("label (French)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    class Meta:
        ordering = ["value"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "value"], name="diagnostic_option_unique_value"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return bilingual(self, "label")

    @property
    def description(self) -> str:
        return bilingual(self, "description")


class AnswerSet(models.Model):
    """An organisation's diagnostic for one wave, answered together by its members."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    class Sharing(models.TextChoices):
        # Private by default (Loi 25: the highest confidentiality unless the organisation
        # chooses otherwise).
        PRIVATE = "private", _("Private: only our organization sees it")
        PROGRAMME = "programme", _("Shared with the program's staff")
        AGGREGATES = "aggregates", _("In anonymous aggregates only")

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="diagnostic_answer_sets",
        verbose_name=pgettext_lazy("community organization", "organization"),
    )
    wave = models.ForeignKey(
        Wave, on_delete=models.PROTECT, related_name="answer_sets", verbose_name=_("wave")
    )
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="answer_sets"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    sharing = models.CharField(
        _("sharing"), max_length=12, choices=Sharing.choices, default=Sharing.PRIVATE
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("answer set")
        verbose_name_plural = _("answer sets")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "wave"], name="diagnostic_one_answer_set_per_wave"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.wave}"


class Response(models.Model):
    """One member's answer to one question: several members answer the same set. Scale
    questions carry the level "now" and the target for next year."""

    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="responses")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="responses")
    # A departing member's answers stay with their organisation, unattributed.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="diagnostic_responses",
    )
    now = models.PositiveSmallIntegerField(_("now"), null=True, blank=True)
    target = models.PositiveSmallIntegerField(_("target for next year"), null=True, blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(
                fields=["answer_set", "question", "respondent"],
                name="diagnostic_one_response_per_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.answer_set} – {self.question.code}"
