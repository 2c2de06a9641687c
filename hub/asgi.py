"""HTTP and websockets in one ASGI application, served by Daphne."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings.dev")

from django.core.asgi import get_asgi_application  # noqa: E402

# Django must be set up before anything imports models.
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from hub.routing import websocket_urlpatterns  # noqa: E402
from hub.websockets import SameOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SameOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
