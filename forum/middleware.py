"""Private by default: a first visit sets no cookie at all.

machina's ForumPermissionMiddleware writes a random "anonymous forum key" into the session of
every anonymous visitor, so every page would set a session cookie for people who never
signed in. This replacement gives the key lazily: it is created and stored only when
something actually reads it (an anonymous poll vote or post, which our forum permissions
do not allow anyway)."""

import uuid

from django.utils.functional import SimpleLazyObject
from machina.apps.forum_permission.middleware import (
    ForumPermissionMiddleware as MachinaForumPermissionMiddleware,
)
from machina.core.loading import get_class

PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


class ForumPermissionMiddleware(MachinaForumPermissionMiddleware):
    def process_request(self, request):
        if not request.user.is_authenticated:
            session_id = self.anonymous_forum_key_session_id

            def forum_key():
                key = request.session.get(session_id)
                if key is None:
                    key = uuid.uuid4().hex
                    request.session[session_id] = key
                return key

            request.user.forum_key = SimpleLazyObject(forum_key)
        request.forum_permission_handler = PermissionHandler()
