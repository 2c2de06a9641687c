import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from .factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(db):
    Document = get_document_model()
    doc = Document(title="Modèle d'inventaire")
    doc.file.save("modele-inventaire.csv", ContentFile(b"colonne;valeur\n" * 100), save=False)
    doc.save()
    return doc


def _with_document(library, document, **kwargs):
    body = [
        {
            "type": "document",
            "value": {"document": document.pk, "title": "", "description": "Le modèle."},
        }
    ]
    return make_resource(library, body=body, **kwargs)


def test_a_download_shows_its_file_type_and_size(client, library, document):
    page = _with_document(library, document)
    html = client.get(page.url).content.decode()
    assert "Modèle d&#x27;inventaire" in html
    assert '<span class="badge badge-info">CSV</span>' in html
    assert "Taille du fichier : 1,5\xa0Kio" in html


def test_the_document_of_a_live_public_page_downloads(client, library, document):
    _with_document(library, document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"colonne;valeur")


def test_the_document_of_a_draft_is_not_reachable_by_guessing_its_address(
    client, library, document
):
    _with_document(library, document, publish=False)
    assert client.get(document.url).status_code == 404


def test_the_document_of_a_private_page_is_not_reachable_anonymously(client, library, document):
    page = _with_document(library, document)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(document.url).status_code == 404


def test_a_document_used_by_no_page_is_not_public_but_staff_can_open_it(client, library, document):
    from hub.accounts.tests.factories import UserFactory

    assert client.get(document.url).status_code == 404
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get(document.url).status_code == 200
