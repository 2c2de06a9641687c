import pytest


@pytest.fixture
def staff_client(client, db):
    from hub.accounts.tests.factories import UserFactory

    staff = UserFactory(email="staff@dataide.example", is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.staff = staff
    return client


@pytest.fixture(autouse=True)
def french_first():
    """reverse() follows the active language, which a previous test's request may have left
    in English: start every test in French, like a first visit."""
    from django.utils import translation

    with translation.override("fr"):
        yield
