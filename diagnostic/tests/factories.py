"""Builders for the diagnostic: a published questionnaire with one question of each kind,
organisations and their members."""

import itertools

from diagnostic import services
from diagnostic.models import Dimension, Option, Question, Questionnaire, Section, Wave
from hub.accounts.tests.factories import OrganisationFactory, UserFactory

_codes = itertools.count(1)

SCALE_LEVELS = [
    (1, "Débutant", "Beginning", "Rien n'est en place.", "Nothing is in place."),
    (2, "En développement", "Developing", "Quelques pratiques.", "A few practices."),
    (3, "Établi", "Established", "Des pratiques partagées.", "Shared practices."),
    (4, "Avancé", "Advanced", "Revu chaque année.", "Reviewed every year."),
]


def dimension(code: str = "cybersecurite") -> Dimension:
    return Dimension.objects.get(code=code)


def questionnaire(*, year: int = 2024, published: bool = True) -> Questionnaire:
    """A questionnaire of the wave with one section and three questions: a scale on
    cybersecurity, a multiple choice on collaboration tools and a free text on strategy."""
    wave, _ = Wave.objects.get_or_create(year=year)
    version = Questionnaire.objects.filter(wave=wave).count() + 1
    q = Questionnaire.objects.create(
        wave=wave,
        version=version,
        title_fr=f"Diagnostic {year}",
        title_en=f"Diagnostic {year}",
    )
    section = Section.objects.create(
        questionnaire=q, title_fr="Vos pratiques", title_en="Your practices"
    )
    scale_question(section)
    choice = Question.objects.create(
        section=section,
        dimension=dimension("collaboration"),
        code="outils",
        kind=Question.Kind.CHOICE,
        sort_order=2,
        text_fr="Quels outils utilisez-vous pour travailler ensemble?",
        text_en="Which tools do you use to work together?",
        purpose_fr="Pour vous proposer des formations sur vos outils.",
        purpose_en="To offer training on your tools.",
    )
    for value, fr, en in [(1, "Courriel", "Email"), (2, "Agenda partagé", "Shared calendar")]:
        Option.objects.create(question=choice, value=value, label_fr=fr, label_en=en)
    Question.objects.create(
        section=section,
        dimension=dimension("strategie"),
        code="priorite",
        kind=Question.Kind.TEXT,
        sort_order=3,
        text_fr="Quelle est votre priorité numérique cette année?",
        text_en="What is your digital priority this year?",
        purpose_fr="Pour orienter l'accompagnement.",
        purpose_en="To guide the support we offer.",
    )
    if published:
        services.questionnaire_publish(questionnaire=q)
    return q


def scale_question(section: Section, *, code: str = "sauvegardes", dim: str = "cybersecurite"):
    question = Question.objects.create(
        section=section,
        dimension=dimension(dim),
        code=code,
        kind=Question.Kind.SCALE,
        sort_order=1,
        text_fr="Vos données sont-elles sauvegardées?",
        text_en="Are your data backed up?",
        purpose_fr="Pour savoir si une formation sur les sauvegardes vous aiderait.",
        purpose_en="To know whether training on backups would help you.",
    )
    for value, fr, en, dfr, den in SCALE_LEVELS:
        Option.objects.create(
            question=question,
            value=value,
            label_fr=fr,
            label_en=en,
            description_fr=dfr,
            description_en=den,
        )
    return question


def organisation_with_members(count: int = 2, **fields):
    organisation = OrganisationFactory(**fields)
    members = [UserFactory(organisation=organisation) for _ in range(count)]
    return organisation, members
