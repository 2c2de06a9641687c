"""noindex for privacy: a page marked by a moderator answers with X-Robots-Tag at once;
every action lands in the append-only moderation register, which never keeps removed words.
(Post moderation is the forum's: forum/tests/test_privacy_moderation.py.)"""

import pytest
from django.core.cache import cache

from hub.accounts.tests.factories import UserFactory
from hub.privacy import moderation
from hub.privacy.models import AppendOnlyError, ModerationEntry

pytestmark = pytest.mark.django_db


def test_a_noindex_page_answers_with_x_robots_tag_at_once(client, site):
    cache.clear()
    moderator = UserFactory(is_staff=True)
    assert "X-Robots-Tag" not in client.get("/fr/")
    moderation.path_noindex(path="http://testserver/fr/?x=1", by=moderator, reason="Demande 3")
    assert client.get("/fr/")["X-Robots-Tag"] == "noindex, nofollow"
    moderation.path_noindex(path="/fr/", by=moderator, reason="Fin", noindex=False)
    assert "X-Robots-Tag" not in client.get("/fr/")
    assert list(ModerationEntry.objects.values_list("action", flat=True)) == ["index", "noindex"]


def test_the_moderation_log_is_append_only():
    moderation.path_noindex(path="/fr/", by=None, reason="x")
    entry = ModerationEntry.objects.get()
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
