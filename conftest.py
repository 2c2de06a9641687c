"""Fixtures every room's tests share."""

import pytest


@pytest.fixture
def site(db):
    """The French home page at the site root, with its English translation."""
    from cms.services import site_setup

    return site_setup()


@pytest.fixture
def member(db):
    from hub.accounts.tests.factories import UserFactory

    return UserFactory(first_name="Nadia", last_name="Bouchard")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def live_events():
    """Captures the live events services send after commit, per member:
    `live_events[user.pk] == [{"type": "notification", ...}]`."""
    from hub.notifications import services

    captured: dict[int, list[dict]] = {}
    original = services.send_live_event

    def capture(*, user_id, event):
        captured.setdefault(user_id, []).append(event)

    services.send_live_event = capture
    try:
        yield captured
    finally:
        services.send_live_event = original
