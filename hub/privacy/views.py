from django.http import Http404
from django.shortcuts import render

from hub.emails import read_unsubscribe_token


def unsubscribe(request, token: str):
    """One-click unsubscribe, no login needed (filled in by the privacy work, issue 6)."""
    data = read_unsubscribe_token(token)
    if data is None:
        raise Http404
    return render(request, "privacy/unsubscribe.html", {"category": data["c"]})
