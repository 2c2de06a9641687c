"""@mentions name exactly one member, by handle; the editor suggests handles; posts show
mentions without letting anything hostile through."""

import pytest

from forum import services
from forum.markup import render
from hub.accounts import services as account_services
from hub.accounts.tests.factories import OrganisationFactory, UserFactory
from hub.notifications.models import Notification
from hub.privacy.models import MemberPrivacy

from .conftest import established, reply_url
from .factories import topic_with_first_post

pytestmark = pytest.mark.django_db


def reply(client, topic, text):
    return client.post(reply_url(topic), {"subject": f"Re: {topic.subject}", "content": text})


def mentions_of(user):
    return Notification.objects.filter(recipient=user, kind="forum.mention")


def test_a_mention_reaches_only_the_homonym_it_names(client, question, helper):
    first = established(display_name="Marie Tremblay")
    second = established(display_name="Marie Tremblay")
    assert (first.handle, second.handle) == ("marie.tremblay", "marie.tremblay2")
    client.force_login(helper)
    assert reply(client, question, "@marie.tremblay2 avez-vous essayé?").status_code == 302
    assert mentions_of(second).count() == 1
    assert not mentions_of(first).exists()


def test_mentions_ignore_case_and_trailing_punctuation(client, question, helper):
    lina = established(first_name="Lina", last_name="Roy")
    luc = established(display_name="Luc")
    client.force_login(helper)
    reply(client, question, "Merci @Lina.R, et toi @LUC.")
    assert mentions_of(lina).count() == 1
    assert mentions_of(luc).count() == 1


def test_a_public_name_or_an_email_address_mentions_nobody(client, question, helper):
    lina = established(first_name="Lina", last_name="Roy")
    client.force_login(helper)
    reply(
        client,
        question,
        "@Lina R. écrivez à lina.r@exemple.org ou voyez https://exemple.org/@lina.r",
    )
    assert not mentions_of(lina).exists()


def test_quoted_lines_and_code_do_not_mention(question, helper):
    established(first_name="Lina", last_name="Roy")
    text = "> **Nadia B. a écrit :**\n> merci @lina.r\n\n`@lina.r`\n```\n@lina.r\n```\nVoilà."
    assert services.mentioned_members(text, exclude=helper) == []
    assert [m.handle for m in services.mentioned_members("Et toi @lina.r?")] == ["lina.r"]


def test_at_most_twenty_members_are_mentioned_per_post(client, question, helper):
    members = [established(display_name=f"Membre {n}") for n in range(25)]
    client.force_login(helper)
    reply(client, question, " ".join(f"@{m.handle}" for m in members))
    notified = set(
        Notification.objects.filter(kind="forum.mention").values_list("recipient", flat=True)
    )
    assert notified == {m.pk for m in members[: services.MAX_MENTIONS]}
    assert services.MAX_MENTIONS == 20


def test_a_member_who_cannot_read_the_forum_is_not_told_of_the_topic(staff_forum, moderator):
    lina = established(first_name="Lina", last_name="Roy")
    topic = topic_with_first_post(
        forum=staff_forum, poster=moderator, subject="Sujet interne", content="Bonjour"
    )
    post = topic.first_post
    post.content = "@lina.r regardez ceci"
    services.post_published(post=post)
    assert not mentions_of(lina).exists()


def test_a_deleted_member_can_no_longer_be_mentioned(client, question, helper):
    lina = established(first_name="Lina", last_name="Roy")
    account_services.member_delete(user=lina)
    client.force_login(helper)
    reply(client, question, "@lina.r êtes-vous là?")
    assert not Notification.objects.filter(kind="forum.mention").exists()


# --- the editor's suggestions ---------------------------------------------------------------


def test_suggestions_show_name_organisation_and_handle_never_the_email(client, helper):
    nadia = UserFactory(
        first_name="Nadia",
        last_name="Bouchard",
        email="nadia.secret@exemple.org",
        organisation=OrganisationFactory(name="Cuisine collective Hochelaga"),
    )
    MemberPrivacy.objects.update_or_create(
        user=nadia, defaults={"profile_visibility": MemberPrivacy.Visibility.MEMBERS}
    )
    client.force_login(helper)
    response = client.get("/fr/forum/membres/suggestions/", {"q": "nad"})
    assert response.json()["results"] == [
        {
            "id": nadia.pk,
            "name": "Nadia B.",
            "organisation": "Cuisine collective Hochelaga",
            "handle": "nadia.b",
            "label": "Nadia B. — Cuisine collective Hochelaga (@nadia.b)",
        }
    ]
    assert "secret" not in response.content.decode()


def test_suggestions_hide_the_organisation_of_a_private_profile(client, helper):
    UserFactory(
        first_name="Nadia",
        last_name="Bouchard",
        organisation=OrganisationFactory(name="Cuisine collective Hochelaga"),
    )
    client.force_login(helper)
    (result,) = client.get("/fr/forum/membres/suggestions/", {"q": "@nadia.b"}).json()["results"]
    assert result["label"] == "Nadia B. (@nadia.b)"
    assert "Hochelaga" not in str(result)


def test_suggestions_find_a_handle_and_skip_yourself_and_deleted_members(client, helper):
    chosen = UserFactory(display_name="Coordination Est")
    chosen.handle = "coord.est"
    chosen.save()
    gone = UserFactory(display_name="Coordination Ouest")
    account_services.member_delete(user=gone)
    client.force_login(helper)
    handles = [
        r["handle"]
        for r in client.get("/fr/forum/membres/suggestions/", {"q": "coord"}).json()["results"]
    ]
    assert handles == ["coord.est"]
    mine = client.get("/fr/forum/membres/suggestions/", {"q": "karim"}).json()["results"]
    assert mine == []


# --- rendering ------------------------------------------------------------------------------


def test_a_mention_shows_in_bold_in_the_post():
    assert render("Merci @nadia.b!") == "<p>Merci <strong>@nadia.b</strong>!</p>"
    assert render("`@nadia.b`") == "<p><code>@nadia.b</code></p>"
    assert render("ana@exemple.org") == "<p>ana@exemple.org</p>"


@pytest.mark.parametrize(
    ("text", "html"),
    [
        (
            '@nadia.b"><script>alert(1)</script>',
            "<p><strong>@nadia.b</strong>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        ),
        ("@nadia.b<img src=x onerror=alert(1)>", "<p><strong>@nadia.b</strong><img></p>"),
        # CommonMark refuses the link: it stays as the text that was written.
        (
            "[@nadia.b](javascript:alert(1))",
            "<p>[<strong>@nadia.b</strong>](javascript:alert(1))</p>",
        ),
        (
            '@x" onmouseover="alert(1)',
            "<p><strong>@x</strong>&quot; onmouseover=&quot;alert(1)</p>",
        ),
        ("@nadia.b&#x3C;script&#x3E;", "<p><strong>@nadia.b</strong>&lt;script&gt;</p>"),
    ],
)
def test_a_hostile_text_that_looks_like_a_mention_stays_harmless(text, html):
    # The mention is a bare <strong>; whatever follows stays text or loses its attributes.
    assert render(text) == html
