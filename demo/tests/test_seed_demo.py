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
            "account",
            "accounts",
            "privacy",
            "cms",
            "forum",
            "forum_conversation",
            "forum_permission",
            "forum_polls",
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


def test_seed_demo_says_what_each_room_added():
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "  12 organizations, 12 members"
    assert "  library: 29 resources, 4 toolkits, 6 themes" in lines
    assert "  8 forums" in lines and "  1 poll, 5 votes" in lines
    assert "  events: 8 new, 16 pages in all" in lines
    assert lines[-1].endswith("Demo content ready.")
