"""Every websocket path of the hub. Feature apps add their consumers here."""

from django.urls import path, re_path

from forum.consumers import TopicConsumer
from hub.notifications.consumers import NotificationConsumer
from hub.websockets import RefusingConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    # Any segment: the consumer parses the id (hub.parsing) and refuses a bad one.
    path("ws/forum/topic/<str:topic_id>/", TopicConsumer.as_asgi()),
    # Without a last route, an unknown path is an exception (a 500) at the handshake.
    re_path(r"", RefusingConsumer.as_asgi()),
]
