import pytest

from hub.accounts.models import Organisation, Region

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_profile_form_saves_the_public_name_and_organisation(member_client, member):
    organisation = OrganisationFactory(name="Entraide Limoilou")
    response = member_client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Nadia",
            "last_name": "Bouchard",
            "display_name": "Nadia B.",
            "job_title": "Coordonnatrice",
            "organisation_name": "entraide limoilou",
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.organisation == organisation
    assert member.get_public_name() == "Nadia B."


def test_proposing_an_organisation_links_it_and_waits_for_approval(member_client, member):
    region = Region.objects.get(code="08")
    response = member_client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Nadia",
            "last_name": "",
            "display_name": "",
            "job_title": "",
            "organisation_name": "",
            "preferred_language": "fr",
            "new_organisation_name": "Aînés en action Val-d'Or",
            "new_organisation_region": region.pk,
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.organisation.name == "Aînés en action Val-d'Or"
    assert member.organisation.is_approved is False
    assert member.organisation.proposed_by == member


def test_a_proposal_without_region_is_refused_and_keeps_what_was_typed(member_client, member):
    response = member_client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Nadia",
            "last_name": "",
            "display_name": "Nadia de Rimouski",
            "job_title": "",
            "organisation_name": "",
            "preferred_language": "fr",
            "new_organisation_name": "Cuisine collective de Rimouski",
            "new_organisation_region": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choisissez la région de l’organisme que vous proposez." in html
    assert 'value="Nadia de Rimouski"' in html
    assert 'value="Cuisine collective de Rimouski"' in html
    assert not Organisation.objects.filter(name="Cuisine collective de Rimouski").exists()


def test_an_unknown_organisation_name_suggests_close_matches_and_keeps_the_input(
    member_client, member
):
    OrganisationFactory(name="Maison de la famille de Rimouski")
    response = member_client.post(
        "/fr/mon-espace/profil/",
        {
            "first_name": "Nadia",
            "last_name": "",
            "display_name": "",
            "job_title": "",
            "organisation_name": "Maison famille Rimouski",
            "preferred_language": "fr",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Aucun organisme ne s’appelle « Maison famille Rimouski »" in html
    assert "Maison de la famille de Rimouski" in html
    assert 'value="Maison famille Rimouski"' in html
    member.refresh_from_db()
    assert member.organisation is None


def test_the_profile_page_offers_organisation_suggestions_without_a_huge_list(
    member_client, member
):
    OrganisationFactory.create_batch(300)
    html = member_client.get("/fr/mon-espace/profil/").content.decode()
    assert "<option" not in html.split('name="organisation_name"')[1].split("</div>")[0]
    assert len(html) < 40_000


def test_organisation_search_only_lists_approved_organisations(member_client):
    OrganisationFactory(name="Maison de la famille", is_approved=True)
    OrganisationFactory(name="Maison fantôme", is_approved=False)
    data = member_client.get("/fr/mon-espace/organismes/?q=maison").json()
    assert [row["name"] for row in data["results"]] == ["Maison de la famille"]


def test_the_email_address_is_never_the_public_name(member):
    member.first_name = ""
    member.display_name = ""
    assert "@" not in member.get_public_name()


def test_my_space_needs_a_sign_in(client, site):
    response = client.get("/fr/mon-espace/")
    assert response.status_code == 302
    assert "/fr/compte/login/" in response["Location"]
