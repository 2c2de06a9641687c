"""Every write of the diagnostic: questionnaire versions (a published one is frozen),
answer sets and responses."""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AnswerSet, Option, Question, Questionnaire, Response, Section, Wave

TEXT_MAX_LENGTH = 5000


class DiagnosticError(Exception):
    """A write that cannot happen; `message` is for the member, in their language."""

    ALREADY_SUBMITTED = "already_submitted"
    NO_QUESTIONNAIRE = "no_questionnaire"
    NOT_IN_QUESTIONNAIRE = "not_in_questionnaire"
    BAD_VALUE = "bad_value"
    TEXT_TOO_LONG = "text_too_long"
    BAD_SHARING = "bad_sharing"

    MESSAGES = {
        ALREADY_SUBMITTED: _(
            "Your organization already submitted its diagnostic for %(year)s: there is one "
            "submission per organization per wave. Your answers are kept as submitted."
        ),
        NO_QUESTIONNAIRE: _("No questionnaire is open for this wave yet."),
        NOT_IN_QUESTIONNAIRE: _("This question is not part of your organization's diagnostic."),
        BAD_VALUE: _("This answer is not one of the choices offered. Choose one of them."),
        TEXT_TOO_LONG: _(
            "Your answer is too long: %(length)s characters, for %(max)s at most. Shorten it "
            "and save again."
        ),
        BAD_SHARING: _("Choose how your organization's answers may be used."),
    }

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        return (
            str(self.MESSAGES[self.code]) % self.params
            if self.params
            else str(self.MESSAGES[self.code])
        )


# --- questionnaires: a published version is frozen ----------------------------------------


def questionnaire_publish(*, questionnaire: Questionnaire) -> Questionnaire:
    """Publishes a draft version; from now on it is never changed in place."""
    if questionnaire.published_at is None:
        questionnaire.published_at = timezone.now()
        questionnaire.save(update_fields=["published_at"])
    return questionnaire


@transaction.atomic
def questionnaire_editable(*, questionnaire: Questionnaire) -> Questionnaire:
    """The version edits go to: the questionnaire itself while it is a draft; for a
    published one, the wave's newer draft if there is one, else a new draft version that
    copies its sections, questions and options (published answers keep pointing at the
    frozen rows)."""
    if not questionnaire.is_published:
        return questionnaire
    Wave.objects.select_for_update().get(pk=questionnaire.wave_id)  # one new version at once
    newer = (
        Questionnaire.objects.filter(
            wave_id=questionnaire.wave_id,
            published_at__isnull=True,
            version__gt=questionnaire.version,
        )
        .order_by("-version")
        .first()
    )
    if newer is not None:
        return newer
    latest = Questionnaire.objects.filter(wave_id=questionnaire.wave_id).aggregate(
        v=Max("version")
    )["v"]
    copy = Questionnaire.objects.create(
        wave_id=questionnaire.wave_id,
        version=latest + 1,
        title_fr=questionnaire.title_fr,
        title_en=questionnaire.title_en,
        based_on=questionnaire,
    )
    for section in questionnaire.sections.prefetch_related("questions__options"):
        questions = list(section.questions.all())
        section.pk = None
        section.questionnaire = copy
        section.save()
        for question in questions:
            options = list(question.options.all())
            question.pk = None
            question.section = section
            question.save()
            Option.objects.bulk_create(
                Option(
                    question=question,
                    value=o.value,
                    label_fr=o.label_fr,
                    label_en=o.label_en,
                    description_fr=o.description_fr,
                    description_en=o.description_en,
                )
                for o in options
            )
    return copy


QUESTION_FIELDS = {"dimension", "kind", "sort_order", "text_fr", "text_en", "purpose_fr"}
QUESTION_FIELDS |= {"purpose_en"}


@transaction.atomic
def question_update(*, question: Question, **fields) -> Question:
    """Changes a question. On a published version the change lands in the wave's draft
    version (made if needed) and the returned question is that copy; the published one
    stays as respondents saw it."""
    unknown = set(fields) - QUESTION_FIELDS
    if unknown:
        raise TypeError(f"Not a question field: {sorted(unknown)}")
    published = question.section.questionnaire
    editable = questionnaire_editable(questionnaire=published)
    if editable.pk != published.pk:
        question = Question.objects.get(section__questionnaire=editable, code=question.code)
    for name, value in fields.items():
        setattr(question, name, value)
    question.full_clean()
    question.save()
    return question


@transaction.atomic
def section_add(*, questionnaire: Questionnaire, **fields) -> Section:
    """Adds a section, to the draft version when `questionnaire` is published."""
    editable = questionnaire_editable(questionnaire=questionnaire)
    return Section.objects.create(questionnaire=editable, **fields)


# --- answering together -------------------------------------------------------------------


def answer_set_start(*, organisation, wave: Wave, by) -> AnswerSet:
    """The organisation's answer set for the wave, started on the latest published version
    if nobody has started it yet. Two members starting at once get the same one."""
    existing = AnswerSet.objects.filter(organisation=organisation, wave=wave).first()
    if existing is not None:
        return existing
    questionnaire = (
        Questionnaire.objects.filter(wave=wave, published_at__isnull=False)
        .order_by("-version")
        .first()
    )
    if questionnaire is None:
        raise DiagnosticError(DiagnosticError.NO_QUESTIONNAIRE)
    try:
        with transaction.atomic():
            return AnswerSet.objects.create(
                organisation=organisation, wave=wave, questionnaire=questionnaire, started_by=by
            )
    except IntegrityError:
        return AnswerSet.objects.get(organisation=organisation, wave=wave)


def _check_open(answer_set: AnswerSet) -> None:
    if answer_set.status == AnswerSet.Status.SUBMITTED:
        raise DiagnosticError(DiagnosticError.ALREADY_SUBMITTED, year=answer_set.wave.year)


def _clean_answer(question: Question, *, now, target, choices, text) -> dict:
    values = set(question.options.values_list("value", flat=True))
    if question.kind == Question.Kind.SCALE:
        for level in (now, target):
            if level is not None and level not in values:
                raise DiagnosticError(DiagnosticError.BAD_VALUE)
        return {"now": now, "target": target, "choices": [], "text": ""}
    if question.kind == Question.Kind.CHOICE:
        chosen = sorted(set(choices or []))
        if not set(chosen) <= values:
            raise DiagnosticError(DiagnosticError.BAD_VALUE)
        return {"now": None, "target": None, "choices": chosen, "text": ""}
    text = (text or "").strip()
    if len(text) > TEXT_MAX_LENGTH:
        raise DiagnosticError(DiagnosticError.TEXT_TOO_LONG, length=len(text), max=TEXT_MAX_LENGTH)
    return {"now": None, "target": None, "choices": [], "text": text}


@transaction.atomic
def answer_save(
    *,
    answer_set: AnswerSet,
    question: Question,
    respondent,
    now: int | None = None,
    target: int | None = None,
    choices: list[int] | None = None,
    text: str = "",
) -> Response:
    """Saves one member's answer to one question as typed, draft or not: saving the same
    answer again changes nothing (one row per member and question). Refused once the set
    is submitted, or for a question of another version."""
    answer_set = AnswerSet.objects.select_for_update().select_related("wave").get(pk=answer_set.pk)
    _check_open(answer_set)
    if question.section.questionnaire_id != answer_set.questionnaire_id:
        raise DiagnosticError(DiagnosticError.NOT_IN_QUESTIONNAIRE)
    values = _clean_answer(question, now=now, target=target, choices=choices, text=text)
    response, _created = Response.objects.update_or_create(
        answer_set=answer_set, question=question, respondent=respondent, defaults=values
    )
    return response


@transaction.atomic
def answer_set_submit(*, answer_set: AnswerSet, by, sharing: str) -> AnswerSet:
    """Submits the organisation's diagnostic for the wave with its sharing choice. The row
    is locked, so two members pressing "Submit" at once make one submission; the second
    gets DiagnosticError(ALREADY_SUBMITTED) and nothing changes."""
    if sharing not in AnswerSet.Sharing.values:
        raise DiagnosticError(DiagnosticError.BAD_SHARING)
    answer_set = AnswerSet.objects.select_for_update().select_related("wave").get(pk=answer_set.pk)
    _check_open(answer_set)
    answer_set.status = AnswerSet.Status.SUBMITTED
    answer_set.sharing = sharing
    answer_set.submitted_by = by
    answer_set.submitted_at = timezone.now()
    answer_set.save(update_fields=["status", "sharing", "submitted_by", "submitted_at"])
    return answer_set
