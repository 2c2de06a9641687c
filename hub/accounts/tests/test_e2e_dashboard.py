"""Mon espace in a real Chromium against a real Daphne, on a phone (390 px) and a desktop
(1280 px), in French and English: every panel is there, nothing scrolls sideways, axe finds
nothing, and a screenshot of each is kept in var/screenshots/ for a person to look at."""

from pathlib import Path

import pytest

from cms import services as cms_services
from cms.services import library_setup
from cms.tests.factories import make_resource, make_theme, make_toolkit
from events.models import Registration
from events.tests.factories import event_index, event_page
from forum import services as forum_services
from forum.models import ForumCategory
from forum.tests.factories import PostFactory, programme_forums, topic_with_first_post
from hub.accounts.tests.factories import UserFactory
from hub.notifications.tests.conftest import session_cookie_for
from hub.testing import ROOT, assert_accessible

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "var" / "screenshots"
HEADINGS = {
    "fr": ["Mon espace", "Mes thèmes", "Mes questions et réponses", "Mes événements"],
    "en": ["My space", "My themes", "My questions and answers", "My events"],
}


def fill(site) -> object:
    forums = programme_forums()
    library = library_setup()
    events = event_index(site)
    cyber = make_theme(
        slug="cybersecurite", name="Cybersécurité", english=("cyber", "Cybersecurity")
    )
    make_theme(slug="donnees", name="Gestion des données", english=("data", "Data management"))
    category, _created = ForumCategory.objects.get_or_create(forum=forums["Cybersécurité"])
    category.themes.add(cyber)
    member = UserFactory(email="nadia@exemple.org", first_name="Nadia", last_name="Bouchard")
    helper = UserFactory(first_name="Karim", last_name="Benali")
    cms_services.theme_follow_set(user=member, theme=cyber, follow=True)
    guide = make_resource(library, title="Gérer les mots de passe de l'équipe", themes=[cyber])
    cms_services.resource_save(user=member, resource=guide)
    toolkit = make_toolkit(
        library,
        title="Sécuriser son organisme",
        steps=[("Inventaire", [guide]), ("Sauvegardes", [])],
    )
    cms_services.toolkit_step_set_done(
        user=member, toolkit=toolkit, step_id=toolkit.step_ids[0], done=True
    )
    webinar = event_page(index=events, title="Webinaire : l'hameçonnage", themes=[cyber])
    Registration.objects.create(event=webinar, user=member, status=Registration.Status.CONFIRMED)
    question = topic_with_first_post(
        forum=forums["Cybersécurité"], poster=member, subject="Quel antivirus pour 5 postes?"
    )
    reply = PostFactory(topic=question, poster=helper, content="Nous utilisons Defender.")
    forum_services.topic_accept_answer(post=reply, by=member)
    other = topic_with_first_post(
        forum=forums["Demandes d'aide"], poster=helper, subject="Partager un agenda d'équipe"
    )
    answer = PostFactory(topic=other, poster=member, content="Essayez un calendrier partagé.")
    forum_services.topic_accept_answer(post=answer, by=helper)
    topic_with_first_post(
        forum=forums["Cybersécurité"], poster=helper, subject="Un courriel d'hameçonnage reçu"
    )
    return member


@pytest.fixture
def nadia(transactional_db, site):
    """Built before Chromium starts: Playwright's loop would refuse the live events that
    notify() sends from this thread."""
    return fill(site)


def test_my_space_on_a_phone_and_a_desktop_in_both_languages(nadia, daphne_server, chromium):
    member = nadia
    cookie_name, cookie_value = session_cookie_for(member).split("=", 1)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for language, locale in (("fr", "fr-CA"), ("en", "en-CA")):
        for width, height in ((390, 844), (1280, 900)):
            context = chromium.new_context(
                locale=locale, viewport={"width": width, "height": height}
            )
            context.add_cookies(
                [{"name": cookie_name, "value": cookie_value, "url": daphne_server}]
            )
            page = context.new_page()
            try:
                page.goto(f"{daphne_server}/{language}/mon-espace/", wait_until="networkidle")
                for heading in HEADINGS[language]:
                    assert page.get_by_role("heading", name=heading, exact=True).count() == 1, (
                        heading
                    )
                assert not page.evaluate(
                    "() => document.documentElement.scrollWidth > window.innerWidth"
                ), f"{language} {width}px scrolls sideways"
                assert_accessible(page, f"/{language}/mon-espace/ at {width}px")
                page.screenshot(
                    path=str(SHOTS / f"mon-espace-{language}-{width}.png"), full_page=True
                )
            finally:
                context.close()
    assert Path(SHOTS / "mon-espace-fr-390.png").stat().st_size > 10_000
