"""Pages moderators asked search engines not to index (see moderation.py)."""

from .moderation import noindex_paths


class NoIndexMiddleware:
    """Adds `X-Robots-Tag: noindex` to the pages moderators marked (one cache read)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path in noindex_paths():
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response
