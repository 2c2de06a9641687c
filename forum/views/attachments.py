"""Downloading a forum attachment. machina's view checks only `can_download_file`, which
every member holds in every forum: a file of the staff-only forum downloaded for any member.
Ours asks first that the reader may read the post (its forum, and its approval when held),
then hands the file out through hub/files.py, never by a path under /media/."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404
from machina.apps.forum_conversation.forum_attachments.models import Attachment
from machina.apps.forum_permission.handler import PermissionHandler

from hub.files import private_file_response

from .. import services


def attachment_download(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.select_related("post__topic__forum"), pk=pk)
    post = attachment.post
    try:
        services.check_can_read_post(post=post, user=request.user)
    except services.ForumError:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404 from None  # the same answer whether or not the file exists
    if not post.topic.approved and not _may_see_held_topic(post, request.user):
        raise Http404
    if not PermissionHandler().can_download_files(post.topic.forum, request.user):
        raise Http404
    return private_file_response(name=attachment.file.name, filename=attachment.filename)


def _may_see_held_topic(post, user) -> bool:
    return user.is_authenticated and (
        post.topic.poster_id == user.pk or services.is_moderator(forum=post.topic.forum, user=user)
    )
