"""Many members click "S'inscrire" at the same moment: capacity holds (row lock)."""

import threading

import pytest
from django.db import connection, connections

from events import services
from events.models import EventPage, Registration

from .factories import event_index, event_page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_registrations_never_exceed_capacity(site, make_member):
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite has no row locks (select_for_update is a no-op) and serialises writers "
            "with 'database is locked' errors; this test needs PostgreSQL (DATABASE_URL)."
        )
    page = event_page(index=event_index(site), capacity=5)
    members = [make_member() for _ in range(30)]
    barrier = threading.Barrier(len(members))
    errors: list[BaseException] = []

    def register(user):
        try:
            event = EventPage.objects.get(pk=page.pk)
            barrier.wait(timeout=30)
            services.registration_create(event=event, user=user)
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(user,)) for user in members]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    rows = Registration.objects.filter(event=page)
    assert rows.filter(status="confirmed").count() == 5
    waiting = list(rows.filter(status="waitlisted").values_list("waitlist_order", flat=True))
    assert len(waiting) == 25
    assert len(set(waiting)) == 25  # a distinct place in line for everyone
