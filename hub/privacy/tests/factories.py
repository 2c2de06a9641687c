import factory
from django.utils import timezone

from hub.privacy.models import Incident, PrivacyRequest


class PrivacyRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrivacyRequest

    kind = PrivacyRequest.Kind.ACCESS
    requester_name = "Line Côté"
    requester_contact = "line@exemple.org"
    details = "Je veux une copie de mes renseignements."


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    information_description = "Adresses courriel et noms de 40 membres"
    circumstances = "Un fichier d'inscriptions envoyé par erreur à un autre organisme."
    occurred_on = factory.LazyFunction(timezone.localdate)
    learned_on = factory.LazyFunction(timezone.localdate)
    persons_affected = 40
    risk_assessment = "Faible : renseignements peu sensibles, destinataire de confiance."
    measures_taken = "Le destinataire a confirmé la suppression du fichier."
