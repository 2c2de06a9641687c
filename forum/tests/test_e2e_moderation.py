"""Moderators act, in a real Chromium against a real Daphne: a member reports a message, a
moderator (the "Modération" group, not staff) closes the report, approves a new member's
first question from the queue and locks a topic; the pages they use pass axe (WCAG 2.1 AA)."""

import re

import pytest

from hub.accounts.tests.factories import UserFactory
from hub.testing import assert_accessible

from .conftest import established
from .factories import moderators_group, programme_forums, topic_with_first_post
from .test_e2e_discussion import sign_in

pytestmark = pytest.mark.e2e


def test_a_report_a_queued_question_and_a_lock_are_handled_by_a_moderator(
    daphne_server, chromium, site
):
    programme_forums()
    nadia = established(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    established(email="karim@exemple.org", first_name="Karim", last_name="Benali")
    UserFactory(email="lucie@exemple.org", first_name="Lucie", last_name="Gagnon")  # new
    moderator = established(email="marie-eve@exemple.org", first_name="Marie-Ève", last_name="Roy")
    moderator.groups.add(moderators_group())
    from machina.apps.forum.models import Forum

    topic = topic_with_first_post(
        forum=Forum.objects.get(name="Demandes d'aide"),
        poster=nadia,
        subject="Achetez nos formations à rabais",
        content="Visitez notre boutique en ligne!",
    )
    forum = topic.forum
    topic_url = (
        f"{daphne_server}/fr/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/"
    )

    # Karim reports Nadia's message.
    karim = chromium.new_context(locale="fr-CA").new_page()
    sign_in(karim, daphne_server, "karim@exemple.org")
    karim.goto(topic_url)
    karim.get_by_role("link", name="Signaler").click()
    karim.get_by_label("Pourquoi signalez-vous ce message?").fill("De la publicité.")
    karim.get_by_role("button", name="Envoyer le signalement").click()
    karim.get_by_text("L'équipe de modération va examiner ce message").wait_for()

    # Lucie, new, asks her first question: it waits for a moderator.
    lucie = chromium.new_context(locale="fr-CA").new_page()
    sign_in(lucie, daphne_server, "lucie@exemple.org")
    lucie.goto(f"{daphne_server}/fr/forum/")
    lucie.get_by_role("link", name="Demandes d'aide").click()
    lucie.get_by_role("link", name="Poser une question").click()
    lucie.get_by_label("Titre").fill("Comment partager un agenda d'équipe?")
    lucie.get_by_label("Message").fill("Nous sommes quatre et nous perdons nos rendez-vous.")
    lucie.get_by_role("button", name="Publier la question").click()
    lucie.wait_for_load_state()
    karim.goto(f"{daphne_server}/fr/forum/sans-reponse/")
    assert karim.get_by_text("Comment partager un agenda").count() == 0

    # The moderator closes the report...
    mod = chromium.new_context(locale="fr-CA").new_page()
    sign_in(mod, daphne_server, "marie-eve@exemple.org")
    mod.goto(f"{daphne_server}/fr/forum/")
    mod.get_by_role("link", name="Signalements").click()
    assert mod.get_by_text("De la publicité.").is_visible()
    assert_accessible(mod, "reports")
    mod.get_by_role("button", name="Fermer les signalements").click()
    mod.get_by_text("Aucun signalement ouvert.").wait_for()

    # ...approves Lucie's question from the queue...
    mod.get_by_role("link", name="File de modération").click()
    mod.get_by_role("link", name="Comment partager un agenda d'équipe?").click()
    mod.get_by_role("link", name="Approuver").click()
    assert_accessible(mod, "approve a queued message")
    mod.get_by_role("button", name="Approuver").click()
    mod.get_by_text("Aucun message n'attend").or_(
        mod.get_by_text("Aucun message n’attend")
    ).wait_for()
    karim.goto(f"{daphne_server}/fr/forum/")
    karim.get_by_role("link", name="Demandes d'aide").click()
    assert karim.get_by_role("link", name="Comment partager un agenda d'équipe?").is_visible()

    # ...and locks the advertising topic.
    mod.goto(topic_url)
    mod.get_by_text("Modérer").click()
    mod.get_by_role("link", name="Verrouiller le sujet").click()
    assert_accessible(mod, "lock a topic")
    mod.get_by_role("button", name="Verrouiller le sujet").click()
    mod.wait_for_url(re.compile(r".*/topic/.*"))
    assert mod.locator("h1 .badge", has_text="Verrouillé").is_visible()
    karim.goto(topic_url)
    assert karim.get_by_text("Ce sujet est verrouillé").is_visible()
    assert karim.get_by_role("button", name="Publier la réponse").count() == 0
