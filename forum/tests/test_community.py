"""Two members hold a discussion: reactions, solutions, reports, mentions, quotes, follows."""

import pytest
from django.conf import settings
from machina.apps.forum_conversation.models import Post, Topic

from forum import services
from forum.models import PostReport, Reaction, TopicSolution
from hub.accounts.tests.factories import UserFactory
from hub.notifications.models import Notification

from .conftest import established, reply_url, topic_url
from .factories import PostFactory, topic_with_first_post

pytestmark = pytest.mark.django_db


def reply(client, topic, content, subject="Re: sujet"):
    return client.post(reply_url(topic), {"subject": subject, "content": content})


def messages_of(response):
    return [str(m) for m in response.wsgi_request._messages]


# --- replying, following, mentions --------------------------------------------------------


def test_a_reply_makes_the_author_follow_and_notifies_followers_collapsed(
    client, question, asker, helper
):
    client.force_login(helper)
    assert reply(client, question, "Essayez un CRM libre.").status_code == 302
    question.refresh_from_db()
    assert question.subscribers.filter(pk=helper.pk).exists()
    assert question.subscribers.filter(pk=asker.pk).exists()  # the asker follows too

    rows = Notification.objects.filter(recipient=asker, kind="forum.answer")
    assert rows.count() == 1
    assert "Karim B." in rows.get().text

    client.force_login(established(first_name="Lina", last_name="Roy"))
    reply(client, question, "Autre idée : un tableur partagé.")
    note = Notification.objects.get(recipient=asker, kind="forum.answer")
    assert note.count == 2  # collapsed, not a second row
    assert not Notification.objects.filter(recipient=helper, kind="forum.mention").exists()
    assert Notification.objects.filter(recipient=helper, kind="forum.reply").count() == 1


def test_a_mention_notifies_the_member_once(client, question, asker, helper):
    lina = established(first_name="Lina", last_name="Roy")
    client.force_login(helper)
    reply(client, question, "@lina.r vous aviez le même problème, non? @personne.inconnue")
    notes = Notification.objects.filter(recipient=lina, kind="forum.mention")
    assert notes.count() == 1
    assert "Karim B." in notes.get().text
    # The helper did not notify themself.
    assert not Notification.objects.filter(recipient=helper).exists()


def test_quoting_a_post_fills_the_reply(client, question, helper):
    client.force_login(helper)
    first = question.first_post
    html = client.get(reply_url(question) + f"?quote={first.pk}").content.decode()
    assert "&gt; **Nadia B. a écrit :**" in html or "&gt; **Nadia B. wrote:**" in html
    assert "&gt; Nous sommes un petit organisme." in html


# --- reactions ----------------------------------------------------------------------------


def test_reactions_one_per_kind_per_person_with_counts(client, question, helper):
    post = question.first_post
    client.force_login(helper)
    url = f"/fr/forum/message/{post.pk}/reaction/"
    client.post(url, {"kind": "thanks"})
    client.post(url, {"kind": "useful"})
    assert Reaction.objects.filter(post=post).count() == 2
    client.post(url, {"kind": "thanks"})  # a second click takes it back
    assert list(Reaction.objects.filter(post=post).values_list("kind", flat=True)) == ["useful"]

    html = client.get(topic_url(question)).content.decode()
    assert 'aria-pressed="true">Utile <span class="reaction-count">1</span>' in html
    assert "Merci <span" in html


def test_reacting_to_a_post_you_cannot_read_changes_nothing(client, staff_forum, helper):
    staff_topic = topic_with_first_post(forum=staff_forum, poster=established())
    client.force_login(helper)
    response = client.post(
        f"/fr/forum/message/{staff_topic.first_post.pk}/reaction/", {"kind": "thanks"}
    )
    assert response.status_code == 302
    assert "Vous ne pouvez pas voir ce message." in messages_of(response)
    assert not Reaction.objects.exists()


def test_reacting_to_your_own_post_or_with_a_bad_kind_is_refused(question, asker, helper):
    with pytest.raises(services.ForumError):
        services.reaction_toggle(post=question.first_post, user=asker, kind="thanks")
    with pytest.raises(services.ForumError):
        services.reaction_toggle(post=question.first_post, user=helper, kind="love")
    assert not Reaction.objects.exists()


# --- solutions ----------------------------------------------------------------------------


def test_the_asker_marks_a_reply_as_the_solution(client, question, asker, helper):
    answer = PostFactory(topic=question, poster=helper, content="Essayez **CiviCRM**.")
    client.force_login(asker)
    html = client.get(topic_url(question)).content.decode()
    assert "Marquer comme solution" in html

    response = client.post(f"/fr/forum/message/{answer.pk}/solution/")
    assert response.status_code == 302
    assert TopicSolution.objects.get(topic=question).post == answer
    assert Notification.objects.filter(recipient=helper, kind="forum.solution").count() == 1

    html = client.get(topic_url(question)).content.decode()
    assert "Résolu" in html
    top = html.index('id="solution-title"')
    assert html.index("<strong>CiviCRM</strong>") > top  # the answer is shown at the top
    assert html.index("<strong>CiviCRM</strong>") < html.index('id="posts"')
    forum = question.forum
    listing = client.get(f"/fr/forum/forum/{forum.slug}-{forum.pk}/").content.decode()
    assert "Résolu" in listing


def test_accepting_in_someone_elses_topic_is_refused(client, question, helper):
    answer = PostFactory(topic=question, poster=helper)
    client.force_login(helper)
    response = client.post(f"/fr/forum/message/{answer.pk}/solution/")
    assert (
        "Seul l’auteur·e du sujet ou un·e modérateur·trice peut choisir la solution."
        in messages_of(response)
    )
    assert not TopicSolution.objects.exists()


def test_a_moderator_can_accept_and_the_question_itself_cannot_be_the_solution(
    question, helper, moderator
):
    answer = PostFactory(topic=question, poster=helper)
    services.topic_accept_answer(post=answer, by=moderator)
    assert TopicSolution.objects.get().accepted_by == moderator
    with pytest.raises(services.ForumError):
        services.topic_accept_answer(post=question.first_post, by=moderator)
    assert TopicSolution.objects.get().post == answer


# --- reports ------------------------------------------------------------------------------


def test_reporting_twice_gives_a_clear_message_and_changes_nothing(
    client, question, helper, moderator
):
    post = question.first_post
    client.force_login(helper)
    url = f"/fr/forum/message/{post.pk}/signaler/"
    assert client.get(url).status_code == 200
    client.post(url, {"reason": "Publicité déguisée"})
    response = client.post(url, {"reason": "Encore"})
    assert "Vous avez déjà signalé ce message." in " ".join(messages_of(response))
    assert PostReport.objects.count() == 1
    assert Notification.objects.filter(recipient=moderator, kind="forum.report").count() == 1

    client.force_login(established())
    client.post(url, {"reason": "Hors sujet"})
    client.force_login(moderator)
    html = client.get("/fr/forum/signalements/").content.decode()
    assert "2 signalements" in html and "Publicité déguisée" in html
    client.post(f"/fr/forum/signalements/{post.pk}/fermer/")
    assert not PostReport.objects.filter(resolved_at__isnull=True).exists()


def test_members_cannot_see_the_reports_page(client, helper):
    client.force_login(helper)
    assert client.get("/fr/forum/signalements/").status_code == 403


def test_a_report_needs_a_reason(question, helper):
    with pytest.raises(services.ForumError):
        services.post_report(post=question.first_post, user=helper, reason="   ")
    assert not PostReport.objects.exists()


# --- bad input, rate limits, first posts --------------------------------------------------


def test_an_empty_or_oversized_post_gives_a_clear_message(client, question, helper):
    client.force_login(helper)
    before = Post.objects.count()
    response = reply(client, question, "   ")
    assert response.status_code == 200
    assert "Votre message est vide." in response.content.decode()
    response = reply(client, question, "x" * (services.MAX_POST_LENGTH + 1))
    assert "Votre message est trop long" in response.content.decode()
    assert Post.objects.count() == before


def test_double_submit_and_rate_limit(client, question, helper):
    client.force_login(helper)
    assert reply(client, question, "Même texte").status_code == 302
    response = reply(client, question, "Même texte")
    assert response.status_code == 200
    assert "Vous venez de publier ce même message" in response.content.decode()
    count = Post.objects.filter(poster=helper).count()
    for n in range(settings.FORUM_RATE_LIMIT_POSTS):
        reply(client, question, f"Réponse {n}")
    response = reply(client, question, "Une de trop")
    assert "Veuillez patienter quelques minutes" in response.content.decode()
    assert Post.objects.filter(poster=helper).count() < count + settings.FORUM_RATE_LIMIT_POSTS + 1


def test_the_first_post_of_a_brand_new_member_waits_for_a_moderator(
    client, help_forum, question, asker, moderator
):
    from hub.accounts.tests.factories import UserFactory

    newcomer = UserFactory(first_name="Nouveau")
    client.force_login(newcomer)
    response = reply(client, question, "Bonjour, achetez mes pilules!")
    assert response.status_code == 302
    post = Post.objects.get(poster=newcomer)
    assert post.approved is False
    assert "Essayez" not in client.get(topic_url(question)).content.decode()
    assert not Notification.objects.filter(recipient=asker, kind="forum.answer").exists()

    client.force_login(moderator)
    queue = client.get("/fr/forum/moderation/queue/").content.decode()
    assert "File de modération" in queue or "Moderation queue" in queue
    client.post(f"/fr/forum/moderation/queue/{post.pk}/approve/")
    post.refresh_from_db()
    assert post.approved
    # Followers hear about it once it is published.
    assert Notification.objects.filter(recipient=asker, kind="forum.answer").count() == 1
    # The second message of that member needs no approval.
    client.force_login(newcomer)
    reply(client, question, "Pardon, je voulais dire bonjour.")
    assert Post.objects.filter(poster=newcomer, approved=True).count() == 2


def test_a_brand_new_members_topic_waits_too(client, help_forum):
    from hub.accounts.tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.post(
        f"/fr/forum/forum/{help_forum.slug}-{help_forum.pk}/topic/create/",
        {"subject": "Première question", "content": "Bonjour tout le monde", "topic_type": 0},
    )
    assert response.status_code == 302
    topic = Topic.objects.get(subject="Première question")
    assert topic.approved is False


# --- profiles -----------------------------------------------------------------------------


def test_member_profile_shows_organisation_and_solutions_but_no_email(
    client, question, asker, helper
):
    from hub.privacy.models import MemberPrivacy

    answer = PostFactory(topic=question, poster=helper)
    services.topic_accept_answer(post=answer, by=asker)
    # Profiles are private by default: these two members chose to show theirs to members.
    for member in (asker, helper):
        MemberPrivacy.objects.update_or_create(
            user=member, defaults={"profile_visibility": MemberPrivacy.Visibility.MEMBERS}
        )
    client.force_login(UserFactory())
    html = client.get(f"/fr/forum/member/profile/{asker.pk}/").content.decode()
    assert "Cuisine collective Hochelaga" in html
    assert "@exemple.org" not in html
    html = client.get(f"/fr/forum/member/profile/{helper.pk}/").content.decode()
    assert "1</strong> solution donnée" in html
    assert "@exemple.org" not in html


def test_member_suggestions_give_public_names_only(client, helper, asker):
    client.force_login(helper)
    data = client.get("/fr/forum/membres/suggestions/?q=Nad").json()
    assert data == {
        "results": [
            {
                "id": asker.pk,
                "name": "Nadia B.",
                "organisation": "",  # her profile is private
                "handle": "nadia.b",
                "label": "Nadia B. (@nadia.b)",
            }
        ]
    }
    client.logout()
    assert client.get("/fr/forum/membres/suggestions/?q=Nad").status_code == 302


def test_the_editor_preview_is_sanitised(client, helper):
    client.force_login(helper)
    data = client.post("/fr/forum/apercu/", {"text": "**ok** <script>x</script>"}).json()
    assert "<strong>ok</strong>" in data["html"] and "<script>" not in data["html"]


# --- Loi 25 ----------------------------------------------------------------------------


def test_a_leaving_member_keeps_their_posts_but_loses_reactions_reports_and_follows(
    question, asker, helper
):
    from hub.extensions import member_deleting, member_exports

    answer = PostFactory(topic=question, poster=helper, content="Ma réponse")
    services.reaction_toggle(post=question.first_post, user=helper, kind="thanks")
    services.post_report(post=question.first_post, user=helper, reason="Doublon")
    question.subscribers.add(helper)
    data = member_exports.get("forum")(helper)
    assert any(p["content"] == "Ma réponse" for p in data["posts"])
    assert data["reactions"][0]["kind"] == "thanks"
    assert question.subject in data["followed_topics"]

    member_deleting.send(sender=type(helper), user=helper)
    assert Post.objects.filter(pk=answer.pk).exists()
    assert not Reaction.objects.filter(user=helper).exists()
    assert not PostReport.objects.filter(reporter=helper).exists()
    assert not question.subscribers.filter(pk=helper.pk).exists()
