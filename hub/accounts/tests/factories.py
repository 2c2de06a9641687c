import factory
from allauth.account.models import EmailAddress

from hub.accounts.models import Organisation, Region, User

PASSWORD = "un-mot-de-passe-solide-42"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisme communautaire {n}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="06"))
    mission_field = Organisation.MissionField.FOOD_SECURITY
    is_approved = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"membre{n}@exemple.org")
    first_name = "Camille"
    last_name = "Tremblay"
    preferred_language = "fr"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


def signup_data(**overrides) -> dict:
    """What a newcomer types in the sign-up form (terms and age confirmed, no consent)."""
    data = {
        "email": "josee@exemple.org",
        "password1": "Solidarite-2026!",
        "password2": "Solidarite-2026!",
        "first_name": "Josée",
        "last_name": "Gagnon",
        "accept_terms": "on",
        "confirm_age": "on",
    }
    data.update(overrides)
    return data
