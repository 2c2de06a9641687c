"""A post too costly to render as Markdown (issue 11, item 4), in a real Chromium against a
real Daphne: its preview and its topic page show the text as it was written, line by line,
with nothing lost and no markup of the member's, and the rest of the page works."""

import pytest

from .test_e2e_discussion import TOPIC_PAGE, nadia_on_the_question_form

pytestmark = pytest.mark.e2e

ROWS = 500
TEXT = (
    "Voici **notre inventaire** :\n\n| poste | logiciel | <b>licence</b> |\n|---|---|---|\n"
    + "".join(f"| poste {i} | LibreOffice | libre |\n" for i in range(ROWS))
    + "\nMerci & bonne journée"
)


def test_a_costly_post_shows_as_its_text_in_the_preview_and_the_topic(
    daphne_server, chromium, site
):
    assert len(TEXT) < 20_000
    nadia = nadia_on_the_question_form(daphne_server, chromium)
    nadia.get_by_label("Titre").fill("Notre inventaire")
    nadia.get_by_label("Message").fill(TEXT)
    nadia.locator("button[type=button][aria-pressed]", has_text="Aperçu").click()
    preview = nadia.locator("[data-md-preview]")
    preview.get_by_text("Merci & bonne journée").wait_for(timeout=10000)
    assert preview.locator("table, strong, b").count() == 0
    assert "| poste 499 | LibreOffice | libre |" in preview.inner_text()

    nadia.locator("button[type=button][aria-pressed]", has_text="Écrire").click()
    nadia.get_by_role("button", name="Publier la question").click()
    nadia.wait_for_url(TOPIC_PAGE)
    post = nadia.locator(".post-content").first
    assert post.locator("table, strong, b").count() == 0
    lines = post.inner_text().splitlines()
    assert lines[0] == "Voici **notre inventaire** :"
    assert "| poste | logiciel | <b>licence</b> |" in lines
    assert "| poste 0 | LibreOffice | libre |" in lines
    assert "| poste 499 | LibreOffice | libre |" in lines
    assert lines[-1] == "Merci & bonne journée"
