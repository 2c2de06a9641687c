import pytest

from demo.loaders import accounts, privacy
from hub.privacy.models import ConsentEvent, PrivacyOfficer, PrivacyRequest

pytestmark = pytest.mark.django_db


def test_the_privacy_demo_names_the_person_in_charge_and_a_second_run_adds_nothing():
    accounts.seed(lambda message: None)
    privacy.seed(lambda message: None)
    assert PrivacyOfficer.load().name == "Mireille Gauthier"
    given = set(ConsentEvent.objects.values_list("user__email", "subject", "action"))
    assert ("nadia@exemple.org", "statistics", "given") in given
    assert ("karim@exemple.org", "newsletter", "given") in given
    assert len(given) == 6
    request = PrivacyRequest.objects.get()
    assert request.kind == "access" and request.requester_name == "Line Côté"
    privacy.seed(lambda message: None)
    assert (ConsentEvent.objects.count(), PrivacyRequest.objects.count()) == (6, 1)
