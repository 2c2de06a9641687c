import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "accounts",
            "cms",
            "forum",
            "forum_conversation",
            "forum_permission",
            "community",
            "events",
            "wagtailcore",
        }
    }


def test_seed_demo_creates_content_and_running_it_twice_changes_nothing():
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    first = row_counts()
    assert first["accounts.User"] >= 10
    assert first["accounts.Organisation"] >= 10
    assert first["forum.Forum"] >= 7
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert row_counts() == first
