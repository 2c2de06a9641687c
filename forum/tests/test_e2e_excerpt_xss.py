"""The hostile post of issue 11 (finding 1), in a real Chromium against a real Daphne: a new
member publishes `""` + "A" × k and the text `<svg onload=alert(document.domain)>`, another
member reports one of those posts, and the superuser opens the report page, the reports list and the
member's list of posts. No dialog opens and no <svg> exists in the page's content."""

import pytest
from django.contrib.auth import get_user_model
from machina.apps.forum.models import Forum
from machina.apps.forum_conversation.models import Post

from hub.accounts.tests.factories import UserFactory
from hub.testing import in_another_thread

from .factories import PostFactory, TopicFactory, programme_forums
from .test_e2e_discussion import sign_in
from .test_excerpt_xss import hostile_markdown

pytestmark = pytest.mark.e2e


def test_the_hostile_post_runs_nothing_where_its_excerpt_shows(daphne_server, chromium, site):
    programme_forums()
    forum = Forum.objects.get(name="Demandes d'aide")
    UserFactory(email="lucie@exemple.org", first_name="Lucie", last_name="Gagnon")  # new
    UserFactory(email="admin@exemple.org", is_staff=True, is_superuser=True)

    # Lucie, new, asks her first question with the payload (k = 562) through the form:
    # it waits for a moderator.
    lucie = chromium.new_context(locale="fr-CA").new_page()
    sign_in(lucie, daphne_server, "lucie@exemple.org")
    lucie.goto(f"{daphne_server}/fr/forum/forum/{forum.slug}-{forum.pk}/topic/create/")
    lucie.get_by_label("Titre").fill("Une question anodine")
    lucie.get_by_label("Message").fill(hostile_markdown(562))
    lucie.get_by_role("button", name="Publier la question").click()
    lucie.wait_for_load_state()
    author = get_user_model().objects.get(email="lucie@exemple.org")
    first = Post.objects.get(poster=author)
    assert not first.approved
    # Two more held posts of hers, for the other lengths (k = 362: the reports list;
    # k = 212: her list of posts).
    # The second one is published (authors cannot report their own posts: another member
    # reports it below).
    topic = TopicFactory(forum=forum, poster=author, subject="Deuxième", approved=True)
    listed = PostFactory(topic=topic, poster=author, content=hostile_markdown(362), approved=True)

    def held_post():  # a held post notifies the moderators: after commit, off this thread
        topic = TopicFactory(forum=forum, poster=author, subject="Troisième", approved=False)
        PostFactory(topic=topic, poster=author, content=hostile_markdown(212), approved=False)

    in_another_thread(held_post)

    # Another member reports it (k = 362) through the report page.
    UserFactory(email="marc@exemple.org", first_name="Marc", last_name="Tremblay")
    marc = chromium.new_context(locale="fr-CA").new_page()
    sign_in(marc, daphne_server, "marc@exemple.org")
    marc.goto(f"{daphne_server}/fr/forum/message/{listed.pk}/signaler/")
    marc.get_by_label("Pourquoi signalez-vous ce message?").fill("Regardez ceci.")
    marc.get_by_role("button", name="Envoyer le signalement").click()
    marc.wait_for_load_state()

    admin = chromium.new_context(locale="fr-CA").new_page()
    dialogs = []
    admin.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(admin, daphne_server, "admin@exemple.org")
    pages = {
        "report page (k = 562)": f"/fr/forum/message/{first.pk}/signaler/",
        "reports list (k = 362)": "/fr/forum/signalements/",
        "posts list (k = 212)": f"/fr/forum/member/profile/{author.pk}/posts/",
    }
    for label, path in pages.items():
        admin.goto(daphne_server + path)
        admin.wait_for_load_state("load")
        admin.wait_for_timeout(200)  # an onload handler would have run by now
        assert dialogs == [], label
        assert admin.locator("main svg").count() == 0, label
        assert admin.evaluate("document.querySelectorAll('[onload]').length") == 0, label
        main = admin.locator("main")
        assert main.get_by_text("AAAAAAAAAA").count() >= 1, label  # the excerpt is there,
        assert main.get_by_text("<svg onload", exact=False).count() >= 1, label  # as text
