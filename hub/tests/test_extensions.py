"""The one extension mechanism: keyed, ordered, idempotent, and every room plugged in."""

import pytest

from hub import extensions
from hub.extensions import ExtensionPoint


def test_registering_the_same_key_again_replaces_the_item_in_place():
    point = ExtensionPoint("test")
    point.register("b", "first b", order=20)
    point.register("a", "a", order=20)
    point.register("b", "second b", order=20)
    assert point.items() == [("b", "second b"), ("a", "a")]


def test_items_come_by_order_then_by_registration():
    point = ExtensionPoint("test")
    point.register("late", 3, order=90)
    point.register("early", 1, order=10)
    point.register("middle", 2)
    assert [key for key, _item in point.items()] == ["early", "middle", "late"]


def test_override_puts_everything_back_after_the_block():
    point = ExtensionPoint("test")
    point.register("kept", "original")
    with point.override("kept", "stand-in"), point.override("extra", "x"):
        assert dict(point.items()) == {"kept": "stand-in", "extra": "x"}
    assert point.items() == [("kept", "original")]


def test_a_single_point_takes_one_item_and_has_a_default():
    point = ExtensionPoint("test", single=True)
    assert point.one(default="default") == "default"
    point.register("privacy", "rule")
    point.register("privacy", "new rule")  # the same key: replaced
    with pytest.raises(ValueError):
        point.register("other", "rule")
    with point.override("test", "test rule"):
        assert point.one() == "test rule"
    assert point.one() == "new rule"


def test_every_room_is_plugged_in_once_the_apps_are_ready(db):
    assert [key for key, _ in extensions.dashboard_panels.items()] == [
        "cms/panels/my_themes.html",
        "community/panels/my_forum.html",
        "events/panels/my_events.html",
        "notifications/panels/notifications.html",
        "cms/panels/my_library.html",
        "privacy/panels/choices.html",
    ]
    assert sorted(key for key, _ in extensions.member_exports.items()) == [
        "diagnostic",
        "events",
        "forum",
        "library",
        "notifications",
        "privacy",
    ]
    assert [key for key, _ in extensions.retention_tasks.items()] == [
        "unverified_accounts",
        "inactive_accounts",
        "notifications",
        "sessions",
        "consent_log_after_deletion",
        "privacy_requests",
        "incidents",
        "event_attendees",
    ]
    assert all(key == task.key for key, task in extensions.retention_tasks.items())
    assert all(code == kind.code for code, kind in extensions.notification_kinds.items())
    assert {code.split(".")[0] for code, _ in extensions.notification_kinds.items()} == {
        "cms",
        "events",
        "forum",
    }
    assert [key for key, _ in extensions.digest_sections.items()] == [
        "notifications.pending",
        "forum.new_answers",
        "cms.new_resources",
        "events.new_events",
        "events.upcoming",
        "forum.unanswered",
    ]
    assert [key for key, _ in extensions.theme_news.items()] == ["cms", "events", "forum"]
    assert [key for key, _ in extensions.signup_fields.items()] == ["themes"]
    assert [key for key, _ in extensions.search_providers.items()] == [
        "resources",
        "discussions",
        "events",
    ]
    assert extensions.email_consent_rule.one() is not None
    assert len(extensions.member_deleting.receivers) == 5  # cms, events, forum, notif., privacy


def test_running_every_rooms_register_twice_changes_nothing(db):
    import importlib

    points = [
        extensions.dashboard_panels,
        extensions.member_exports,
        extensions.retention_tasks,
        extensions.notification_kinds,
        extensions.search_providers,
        extensions.email_consent_rule,
        extensions.digest_sections,
        extensions.theme_news,
        extensions.signup_fields,
    ]
    before = [point.items() for point in points]
    receivers = len(extensions.member_deleting.receivers)
    rooms = ("hub.accounts", "hub.notifications", "hub.privacy", "cms", "events", "forum")
    for room in (*rooms, "diagnostic"):
        importlib.import_module(f"{room}.hooks").register()
    assert [point.items() for point in points] == before
    assert len(extensions.member_deleting.receivers) == receivers
