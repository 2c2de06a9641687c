"""The default storage on a fresh clone: `make run`'s demo content saves a private file
before any public one, when var/media does not exist yet."""

from django.core.files.base import ContentFile
from django.test import override_settings

from hub.files import HubFileStorage


def test_a_private_file_is_saved_before_the_public_folder_exists(tmp_path):
    media, private = tmp_path / "media", tmp_path / "private"
    with override_settings(MEDIA_ROOT=str(media), PRIVATE_MEDIA_ROOT=str(private)):
        storage = HubFileStorage(location=str(media))
        name = storage.save("documents/guide.pdf", ContentFile(b"%PDF-1.4"))
    assert not media.exists()  # nothing public was written
    assert (private / name).read_bytes() == b"%PDF-1.4"
