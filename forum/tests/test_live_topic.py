"""Live topic: readers of a topic hear about a new reply and fetch it."""

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from hub.asgi import application
from hub.tests.test_websocket import session_cookie_for

from .conftest import established, topic_url
from .factories import PostFactory, programme_forums, topic_with_first_post


def communicator(cookie, topic_id):
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
    if cookie:
        headers.append((b"cookie", cookie))
    return WebsocketCommunicator(application, f"/ws/forum/topic/{topic_id}/", headers=headers)


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_a_reader_hears_of_a_reply_but_not_of_their_own():
    @database_sync_to_async
    def setup():
        forum = programme_forums()["Demandes d'aide"]
        asker, helper = established(), established()
        return topic_with_first_post(forum=forum, poster=asker), asker, helper

    topic, asker, helper = await setup()
    reader = communicator(await session_cookie_for(asker), topic.pk)
    writer = communicator(await session_cookie_for(helper), topic.pk)
    assert (await reader.connect())[0] and (await writer.connect())[0]

    post = await database_sync_to_async(PostFactory)(topic=topic, poster=helper)
    assert await reader.receive_json_from(timeout=2) == {"type": "post", "id": post.pk}
    assert await writer.receive_nothing(timeout=0.3)
    await reader.disconnect()
    await writer.disconnect()


@pytest.mark.django_db(transaction=True)
@pytest.mark.asyncio
async def test_visitors_and_members_of_other_forums_cannot_listen():
    @database_sync_to_async
    def setup():
        staff = programme_forums()["Espace équipe et formateurs"]
        return topic_with_first_post(forum=staff), established()

    topic, member = await setup()
    connected, code = await communicator(None, topic.pk).connect()
    assert not connected and code == 4401
    connected, code = await communicator(await session_cookie_for(member), topic.pk).connect()
    assert not connected and code == 4403


@pytest.mark.django_db
def test_the_reply_fragment_is_permission_checked(client, question, helper, staff_forum):
    reply = PostFactory(topic=question, poster=helper, content="Une **réponse**")
    client.force_login(established())
    html = client.get(f"/fr/forum/message/{reply.pk}/fragment/").content.decode()
    assert html.strip().startswith(f'<li id="{reply.pk}"')
    assert "<strong>réponse</strong>" in html
    private = topic_with_first_post(forum=staff_forum)
    response = client.get(f"/fr/forum/message/{private.first_post.pk}/fragment/")
    assert response.status_code == 403
    page = client.get(topic_url(question)).content.decode()
    assert 'data-live="1"' in page
