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
