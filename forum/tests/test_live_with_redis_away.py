"""A reply posted while Redis (the channel layer) is away is saved and answered normally:
the live hint to open pages of the topic is lost, never the reply (seen in `make
rehearsal`: every reply was a 500 while Redis restarted)."""

import pytest

from .conftest import reply_url


class AwayLayer:
    async def group_send(self, group, message):
        raise ConnectionError("Error 111 connecting to Redis")


@pytest.mark.django_db
def test_a_reply_while_redis_is_away_is_saved_and_not_a_500(
    client, question, helper, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr("hub.notifications.services.live.get_channel_layer", lambda: AwayLayer())
    client.force_login(helper)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reply_url(question), {"subject": "Re", "content": "Une réponse."})
    assert response.status_code == 302
    assert question.posts.filter(content="Une réponse.").exists()
