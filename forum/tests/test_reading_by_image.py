"""Reading a topic clears its notifications, but only when the member opens the page: an
image or a prefetch of the topic's URL planted in a post changes nothing (issue 11,
finding 6)."""

import pytest

from hub.notifications.models import Notification

from .conftest import reply_url, topic_url

pytestmark = pytest.mark.django_db


def test_an_image_fetch_of_a_topic_leaves_its_notifications_unread(
    client, helper, asker, question, site
):
    client.force_login(helper)
    client.post(reply_url(question), {"subject": "Re", "content": "Essayez un CRM libre."})
    note = Notification.objects.get(recipient=asker, kind="forum.answer")
    client.force_login(asker)
    # What Chromium sends for <img src="/fr/forum/…/topic/…/">.
    response = client.get(
        topic_url(question), HTTP_SEC_FETCH_DEST="image", HTTP_SEC_FETCH_MODE="no-cors"
    )
    assert response.status_code == 200
    note.refresh_from_db()
    assert note.read_at is None
    # Opening the page for real still clears it (and the email that would report it).
    client.get(topic_url(question), HTTP_SEC_FETCH_DEST="document")
    note.refresh_from_db()
    assert note.read_at is not None
