"""One websocket per open tab. It joins only its own member's group and forwards the small
events that services send after commit."""

from hub.websockets import QuietJsonConsumer

from .services import user_group

UNAUTHENTICATED = 4401


class NotificationConsumer(QuietJsonConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHENTICATED)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # Heartbeat: lets the browser notice a dead connection and reconnect.
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def hub_event(self, message):
        await self.send_json(message["event"])
