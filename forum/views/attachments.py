"""Downloading a forum attachment. machina's view checks only `can_download_file`, which
every member holds in every forum: a file of the staff-only forum downloaded for any member.
Ours asks the forum's rule (forum/access.py: the reader may read the post, its forum and
its approval when held, and download files there), then hands the file out through
hub/files.py, never by a path under /media/."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from machina.apps.forum_conversation.forum_attachments.models import Attachment

from hub.files import private_file_response

from .. import access


def attachment_download(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.select_related("post__topic__forum"), pk=pk)
    post = attachment.post
    handler = getattr(request, "forum_permission_handler", None)
    if not access.can_read_post(post=post, user=request.user, handler=handler):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404  # the same answer whether or not the file exists
    if not access.can_download_attachments(post=post, user=request.user, handler=handler):
        raise Http404
    return private_file_response(name=attachment.file.name, filename=attachment.filename)
