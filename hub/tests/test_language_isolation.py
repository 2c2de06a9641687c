"""Each test starts in French, whatever the test before it left active (conftest.py)."""

import pytest
from django.utils import translation


@pytest.mark.django_db
def test_a_request_in_english_leaves_english_active_on_the_thread(client):
    client.get("/en/page-that-does-not-exist/")
    assert translation.get_language() == "en"


def test_the_next_test_starts_in_french_all_the_same():
    assert translation.get_language() == "fr"
