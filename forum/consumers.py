"""Live topic: a signed-in reader of a topic hears that a reply was published, so the page
can offer "1 new reply" without a reload. The message is only a hint (an id); the browser
fetches the reply through a normal, permission-checked view."""

from channels.db import database_sync_to_async
from django.http import Http404

from hub.websockets import QuietJsonConsumer

UNAUTHENTICATED = 4401
FORBIDDEN = 4403


def topic_group(topic_id: int) -> str:
    return f"forum.topic.{topic_id}"


@database_sync_to_async
def _access_topic(user, topic_id):
    """The topic page's own rule (forum/access.py), or None."""
    from . import access

    try:
        return access.access_topic(topic_id=topic_id, user=user)
    except Http404:
        return None


class TopicConsumer(QuietJsonConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        topic = await _access_topic(user, self.scope["url_route"]["kwargs"]["topic_id"])
        if topic is None:
            await self.close(code=FORBIDDEN)
            return
        self.group = topic_group(topic.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def forum_post(self, message):
        user = self.scope["user"]
        if message.get("poster_id") != user.pk:  # your own reply is already on your page
            await self.send_json({"type": "post", "id": message["post_id"]})
