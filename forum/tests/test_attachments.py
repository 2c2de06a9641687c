"""Forum attachments leave only through a view that checks the reader may read the forum (and
the post, when it is held), from a store that no server hands out by path."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse
from django.views.static import serve
from machina.apps.forum_conversation.forum_attachments.models import Attachment

from hub.accounts.tests.factories import UserFactory

from .factories import PostFactory, topic_with_first_post

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>'


def attach(post, name="plan.pdf", content=b"%PDF-1.4 plan"):
    return Attachment.objects.create(post=post, file=SimpleUploadedFile(name, content))


def download_url(attachment):
    return reverse("forum_conversation:attachment", kwargs={"pk": attachment.pk})


@pytest.fixture
def staff_attachment(staff_forum, moderator):
    topic = topic_with_first_post(forum=staff_forum, poster=moderator, subject="Budget interne")
    return attach(topic.first_post, "budget-interne.pdf")


@pytest.fixture
def public_topic(help_forum, asker):
    return topic_with_first_post(forum=help_forum, poster=asker, subject="Plan de formation")


def test_a_member_cannot_download_a_file_of_the_staff_forum(client, helper, staff_attachment):
    client.force_login(helper)
    response = client.get(download_url(staff_attachment))
    assert response.status_code in (403, 404)
    assert b"PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_a_visitor_cannot_download_a_file_of_the_staff_forum(client, staff_attachment):
    response = client.get(download_url(staff_attachment))
    assert response.status_code in (302, 403, 404)


def test_staff_download_the_files_of_their_forum(client, moderator, staff_attachment):
    client.force_login(moderator)
    response = client.get(download_url(staff_attachment))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 plan"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_file_is_not_served_by_its_path_under_media(staff_attachment):
    """Caddy serves /media/ from MEDIA_ROOT, and so does Django's static() in DEBUG: the file
    must simply not be there, and its name must not be guessable from the upload."""
    assert not (Path(settings.MEDIA_ROOT) / staff_attachment.file.name).exists()
    request = RequestFactory().get("/media/" + staff_attachment.file.name)
    with pytest.raises(Http404):
        serve(request, staff_attachment.file.name, document_root=settings.MEDIA_ROOT)
    path = Path(staff_attachment.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    # A random directory between the prefix and the name: ids and names do not lead to it.
    assert len(path.parent.name) >= 20
    other = attach(staff_attachment.post, "budget-interne.pdf")
    assert Path(other.file.path).parent != path.parent


@pytest.mark.parametrize(
    "name, content",
    [("dessin.svg", SVG), ("page.html", b"<script>alert(document.domain)</script>")],
)
def test_uploaded_svg_and_html_are_never_shown_inline(client, helper, public_topic, name, content):
    attachment = attach(public_topic.first_post, name, content)
    client.force_login(helper)
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_picture_may_show_inline(client, helper, public_topic):
    attachment = attach(public_topic.first_post, "photo.png", b"\x89PNG\r\n\x1a\n")
    client.force_login(helper)
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")


def test_the_file_of_a_held_post_stays_with_its_author_and_moderators(
    client, help_forum, asker, helper, moderator
):
    topic = topic_with_first_post(forum=help_forum, poster=asker)
    newcomer = UserFactory()
    held = PostFactory(topic=topic, poster=newcomer, approved=False)
    attachment = attach(held, "liste.pdf")
    client.force_login(helper)
    assert client.get(download_url(attachment)).status_code in (403, 404)
    for reader in (newcomer, moderator):
        client.force_login(reader)
        assert client.get(download_url(attachment)).status_code == 200


def test_in_production_the_proxy_sends_the_bytes_after_the_check(
    client, helper, public_topic, staff_attachment, settings
):
    settings.HUB_PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    attachment = attach(public_topic.first_post, "plan.pdf")
    client.force_login(helper)
    response = client.get(download_url(attachment))
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_private/" + attachment.file.name
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == b""
    refused = client.get(download_url(staff_attachment))
    assert refused.status_code in (403, 404)
    assert "X-Accel-Redirect" not in refused


def test_an_accented_name_is_stored_in_ascii_for_the_proxy(client, helper, public_topic, settings):
    settings.HUB_PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    attachment = attach(public_topic.first_post, "Démarche été.pdf")
    assert attachment.filename == "Demarche_ete.pdf"
    client.force_login(helper)
    header = client.get(download_url(attachment))["X-Accel-Redirect"]
    assert header.isascii() and "%" not in header
    assert header.endswith("/Demarche_ete.pdf")
