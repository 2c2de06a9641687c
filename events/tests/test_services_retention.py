"""Retention of attendee lists (Loi 25), run by `manage.py privacy_retention`."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Registration
from events.services import registration_create, registrations_purge_past
from hub.accounts.tests.factories import UserFactory
from hub.privacy.retention import retention_tasks

from .factories import event_page

pytestmark = pytest.mark.django_db


def test_attendee_lists_are_deleted_a_year_after_the_event_and_only_then(site):
    now = timezone.now()
    past = event_page(start=now + timedelta(days=2))
    recent = event_page(start=now + timedelta(days=3))
    registration_create(event=past, user=UserFactory())
    registration_create(event=recent, user=UserFactory())
    type(past).objects.filter(pk=past.pk).update(start=now - timedelta(days=400))
    type(recent).objects.filter(pk=recent.pk).update(start=now - timedelta(days=30))

    assert registrations_purge_past(now=now, days=365) == 1
    assert list(Registration.objects.values_list("event_id", flat=True)) == [recent.pk]
    assert registrations_purge_past(now=now, days=365) == 0  # idempotent


def test_the_attendee_list_retention_task_is_registered():
    assert "event_attendees" in {task.key for task in retention_tasks()}
