import pytest


@pytest.fixture
def staff_client(client, db):
    from hub.accounts.tests.factories import UserFactory

    staff = UserFactory(email="staff@dataide.example", is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.staff = staff
    return client
