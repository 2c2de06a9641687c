import pytest

from .factories import event_index, event_page


@pytest.fixture
def index(site):
    return event_index(site)


@pytest.fixture
def event(index):
    return event_page(index=index, capacity=2)


@pytest.fixture
def make_event(index):
    def make(**fields):
        return event_page(index=index, **fields)

    return make


@pytest.fixture
def make_member(db):
    from hub.accounts.tests.factories import UserFactory

    def make(**fields):
        return UserFactory(**fields)

    return make
