"""Every websocket path of the hub. Feature apps add their consumers here."""

from django.urls import path

from forum.consumers import TopicConsumer
from hub.notifications.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/forum/topic/<int:topic_id>/", TopicConsumer.as_asgi()),
]
