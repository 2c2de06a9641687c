"""The notifications page, the bell's JSON feed, opening and marking read, preferences."""

import pytest
from django.urls import reverse

from hub.notifications.models import Notification, NotificationPreference
from hub.notifications.services import notify, unread_count

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(test_kinds, member, make_member):
    from hub.accounts.tests.factories import OrganisationFactory

    ben = make_member(first_name="Ben", last_name="Roy")
    made = []
    for i in range(25):
        target = OrganisationFactory(name=f"Sujet {i}")
        made += notify(
            recipients=[member],
            kind="test.reply",
            actor=ben,
            target=target,
            url=f"/fr/forum/sujet-{i}/",
        )
    return made


def test_the_list_is_paginated_and_costs_the_same_queries_for_any_size(
    member_client, rows, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = member_client.get(reverse("notifications:list"))
    assert response.status_code == 200
    page = response.context["page"]
    assert len(page.object_list) == 20 and page.paginator.num_pages == 2
    assert "Ben R. a répondu dans « Sujet 24 »" in response.text
    response = member_client.get(reverse("notifications:list"), {"page": 2})
    assert len(response.context["page"].object_list) == 5


def test_the_list_filters_unread(member_client, member, rows):
    Notification.objects.filter(pk__in=[r.pk for r in rows[:20]]).update(
        read_at="2026-11-01T10:00Z"
    )
    response = member_client.get(reverse("notifications:list"), {"unread": "1"})
    assert [n.pk for n in response.context["page"].object_list] == [
        r.pk for r in reversed(rows[20:])
    ]


def test_a_member_sees_only_their_own_notifications(client, make_member, rows):
    other = make_member()
    client.force_login(other)
    response = client.get(reverse("notifications:list"))
    assert list(response.context["page"].object_list) == []
    response = client.post(reverse("notifications:open", args=[rows[0].pk]))
    assert response.status_code == 302 and response.url == reverse("notifications:list")
    assert Notification.objects.get(pk=rows[0].pk).read_at is None


def test_opening_marks_read_and_goes_to_the_exact_target(member_client, member, rows):
    response = member_client.post(reverse("notifications:open", args=[rows[3].pk]))
    assert response.status_code == 302
    assert response.url == "/fr/forum/sujet-3/"
    assert unread_count(user=member) == 24


def test_opening_from_the_bell_answers_json(member_client, member, rows):
    response = member_client.post(
        reverse("notifications:open", args=[rows[3].pk]), HTTP_ACCEPT="application/json"
    )
    assert response.json() == {"unread": 24, "url": "/fr/forum/sujet-3/"}


def test_an_outside_link_is_never_followed(member_client, member, test_kinds):
    row = notify(recipients=[member], kind="test.accepted", url="https://evil.example/")[0]
    response = member_client.post(reverse("notifications:open", args=[row.pk]))
    assert response.url == reverse("notifications:list")


def test_mark_one_and_mark_all_read(member_client, member, rows):
    response = member_client.post(
        reverse("notifications:mark_read"),
        {"id": [rows[0].pk, rows[1].pk], "next": "/fr/notifications/?unread=1"},
    )
    assert response.url == "/fr/notifications/?unread=1"
    assert unread_count(user=member) == 23
    response = member_client.post(
        reverse("notifications:mark_all_read"), HTTP_ACCEPT="application/json"
    )
    assert response.json() == {"unread": 0}
    assert unread_count(user=member) == 0


def test_the_feed_gives_the_latest_and_catches_up_after_an_id(
    member_client, rows, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        data = member_client.get(reverse("notifications:feed")).json()
    assert data["unread"] == 25
    assert [item["id"] for item in data["items"]] == [r.pk for r in reversed(rows[-8:])]
    data = member_client.get(reverse("notifications:feed"), {"after": rows[21].pk}).json()
    assert [item["id"] for item in data["items"]] == [r.pk for r in rows[22:]]
    assert data["items"][0]["text"] == "Ben R. a répondu dans « Sujet 22 »"


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    for name in ("notifications:list", "notifications:feed", "notifications:preferences"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/compte/" in response.url


def test_preferences_page_saves_a_choice_per_kind(member_client, member, test_kinds):
    url = reverse("notifications:preferences")
    response = member_client.get(url)
    assert response.status_code == 200
    assert "Réponses (test)" in response.text
    response = member_client.post(
        url,
        {"kind_test__reply": "digest", "kind_test__accepted": "none", "kind_test__digest": "site"},
    )
    assert response.status_code == 302
    assert dict(
        NotificationPreference.objects.filter(user=member).values_list("kind", "delivery")
    ) == {
        "test.reply": "digest",
        "test.accepted": "none",
        "test.digest": "site",
    }
    response = member_client.post(url, {"kind_test__reply": "sms"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=member, kind="test.reply").delivery == "digest"


def test_my_space_shows_the_notifications_panel(member_client, rows):
    response = member_client.get(reverse("accounts:dashboard"))
    assert response.status_code == 200
    assert reverse("notifications:preferences") in response.text
    assert "25 notifications non lues" in response.text


def test_the_header_bell_shows_the_count_and_links_to_the_list(member_client, rows):
    response = member_client.get(reverse("notifications:list"))
    assert "data-bell-count>25<" in response.text
    assert 'data-feed-url="/fr/notifications/flux/"' in response.text
