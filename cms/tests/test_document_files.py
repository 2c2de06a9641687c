"""Documents are stored outside /media/ and leave only through Wagtail's serve view, after its
privacy checks (hub/files.py); files uploaded before that move with one command."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from .test_documents import _with_document

pytestmark = pytest.mark.django_db


def make_document(name="modele.csv", content=b"colonne;valeur\n"):
    doc = get_document_model()(title="Modèle")
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def test_a_document_is_stored_outside_media_under_a_random_directory(library):
    doc = make_document()
    path = Path(doc.file.path).resolve()
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not (Path(settings.MEDIA_ROOT) / doc.file.name).exists()
    assert len(path.parent.name) >= 20
    assert doc.url.startswith("/documents/")  # the checking view, never /media/


def test_an_uploaded_html_document_downloads_and_runs_nothing(client, library):
    doc = make_document("page.html", b"<script>alert(document.domain)</script>")
    _with_document(library, doc)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_in_production_the_proxy_sends_a_document_after_the_check(client, library, settings):
    settings.HUB_PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    doc = make_document()
    page = _with_document(library, doc)
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/_private/" + doc.file.name
    assert response.content == b""
    assert "Content-Length" not in response or response["Content-Length"] == "0"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get(doc.url)
    assert refused.status_code == 404
    assert "X-Accel-Redirect" not in refused


def test_files_uploaded_under_media_before_move_to_the_private_store(client, library):
    from machina.apps.forum_conversation.forum_attachments.models import Attachment

    from forum.tests.factories import topic_with_first_post

    media = Path(settings.MEDIA_ROOT)
    old_files = [("documents/ancien.csv", b"a;b\n"), ("machina/attachments/vieux.pdf", b"%PDF")]
    for name, content in old_files:
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    doc = get_document_model().objects.create(title="Ancien", file="documents/ancien.csv")
    topic = topic_with_first_post()
    attachment = Attachment.objects.create(
        post=topic.first_post, file="machina/attachments/vieux.pdf"
    )

    call_command("private_files_move", stdout=open("/dev/null", "w"))  # noqa: SIM115

    doc.refresh_from_db()
    attachment.refresh_from_db()
    assert not (media / "documents/ancien.csv").exists()
    assert not (media / "machina/attachments/vieux.pdf").exists()
    assert attachment.file.name.startswith("private/forum/")
    assert Path(attachment.file.path).read_bytes() == b"%PDF"
    assert Path(doc.file.path).read_bytes() == b"a;b\n"
    assert doc.filename == "ancien.csv"
    before = (doc.file.name, attachment.file.name)
    call_command("private_files_move", stdout=open("/dev/null", "w"))  # noqa: SIM115
    doc.refresh_from_db()
    attachment.refresh_from_db()
    assert (doc.file.name, attachment.file.name) == before
