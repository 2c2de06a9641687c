"""A community worker on a phone finds a resource by filter and by search, in a real
Chromium against a real Daphne."""

import pytest

from cms.services import library_setup

from .factories import make_resource, make_theme

pytestmark = pytest.mark.e2e


def test_on_a_phone_a_worker_filters_the_library_and_searches(daphne_server, chromium, site):
    index = library_setup()
    cyber = make_theme(slug="cybersecurite", name="Cybersécurité")
    data = make_theme(slug="gestion-des-donnees", name="Gestion des données")
    make_resource(
        index,
        title="Gérer les mots de passe",
        summary="Choisir un gestionnaire de mots de passe pour l'équipe.",
        themes=[cyber],
        level="beginner",
    )
    make_resource(index, title="Tableurs bien structurés", themes=[data], level="beginner")

    context = chromium.new_context(locale="fr-CA", viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{daphne_server}/fr/ressources/")
        assert page.get_by_role("heading", name="2 ressources").is_visible()
        assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        # On a phone the filters are folded above the results; they open with a tap.
        page.get_by_text("Filtrer les ressources").click()
        page.get_by_label("Thème").select_option("cybersecurite")
        page.get_by_role("button", name="Appliquer les filtres").click()
        page.wait_for_url("**theme=cybersecurite**")
        assert page.get_by_role("heading", name="1 ressource").is_visible()
        assert page.get_by_role("link", name="Gérer les mots de passe").is_visible()
        assert page.get_by_role("link", name="Tableurs bien structurés").count() == 0

        page.get_by_role("searchbox").first.fill("mots de passe")
        page.get_by_role("button", name="Rechercher").first.click()
        page.wait_for_url("**/fr/recherche/?q=**")
        assert page.get_by_role("link", name="Gérer les mots de passe").is_visible()
        assert page.locator("mark").first.inner_text().lower() in {"mots", "passe"}
    finally:
        context.close()


def test_a_choice_in_one_filter_updates_the_counts_of_the_others(daphne_server, chromium, site):
    # Issue 18: "Outils collaboratifs (6)" + "Modèle (5)" gave 0 results, because the counts
    # shown were those before the first choice.
    index = library_setup()
    tools = make_theme(slug="outils-collaboratifs", name="Outils collaboratifs")
    data = make_theme(slug="gestion-des-donnees", name="Gestion des données")
    for number in range(3):
        make_resource(index, title=f"Modèle {number}", format="template", themes=[data])
    make_resource(index, title="Guide des outils", format="guide", themes=[tools])
    context = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{daphne_server}/fr/ressources/")
        formats = page.locator("#filter-format option")
        assert "Modèle (3)" in formats.all_inner_texts()
        page.get_by_label("Thème").select_option("outils-collaboratifs")
        page.wait_for_function(
            "() => ![...document.querySelectorAll('#filter-format option')]"
            ".some((o) => o.value === 'template')"
        )
        assert formats.all_inner_texts() == ["Tous les formats", "Guide (1)"]
        assert page.get_by_label("Thème").input_value() == "outils-collaboratifs"
        page.get_by_role("button", name="Appliquer les filtres").click()
        page.wait_for_url("**theme=outils-collaboratifs**")
        assert page.get_by_role("heading", name="1 ressource").is_visible()
    finally:
        context.close()
