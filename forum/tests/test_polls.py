"""Polls (machina's, in our forms and pages): a member asks a question with a poll, others
vote once, see the results; bad input gets a clear message and changes nothing."""

from django.urls import reverse
from machina.apps.forum_conversation.forum_polls.models import TopicPoll, TopicPollVote
from machina.apps.forum_conversation.models import Topic

from .conftest import established, topic_url


def create_url(forum):
    return reverse("forum_conversation:topic_create", args=[forum.slug, forum.pk])


def poll_data(choices, **extra):
    data = {
        "subject": "Quel jour pour la formation?",
        "content": "Aidez-nous à choisir la date de la formation sur la Loi 25.",
        "topic_type": Topic.TOPIC_POST,
        "poll_question": "Quel jour vous convient?",
        "poll_max_options": 1,
        "poll-TOTAL_FORMS": len(choices),
        "poll-INITIAL_FORMS": 0,
        "poll-MIN_NUM_FORMS": 0,
        "poll-MAX_NUM_FORMS": 30,
    }
    for index, text in enumerate(choices):
        data[f"poll-{index}-text"] = text
    data.update(extra)
    return data


def test_a_member_asks_a_question_with_a_poll(client, help_forum, asker):
    client.force_login(asker)
    form = client.get(create_url(help_forum)).content.decode()
    assert "Ajouter un sondage" in form and "Choix 1" in form
    response = client.post(create_url(help_forum), poll_data(["Mardi", "Jeudi", ""]))
    assert response.status_code == 302
    poll = TopicPoll.objects.get(topic__subject="Quel jour pour la formation?")
    assert poll.question == "Quel jour vous convient?"
    assert list(poll.options.order_by("pk").values_list("text", flat=True)) == ["Mardi", "Jeudi"]


def test_a_poll_needs_two_choices_and_the_form_keeps_what_was_typed(client, help_forum, asker):
    client.force_login(asker)
    response = client.post(create_url(help_forum), poll_data(["Mardi", ""]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Un sondage demande au moins deux choix." in page
    assert 'value="Mardi"' in page and "Aidez-nous à choisir" in page
    assert not Topic.objects.filter(subject="Quel jour pour la formation?").exists()


def test_members_vote_once_and_see_the_results(client, help_forum, asker, helper):
    client.force_login(asker)
    client.post(create_url(help_forum), poll_data(["Mardi", "Jeudi"]))
    topic = Topic.objects.get(subject="Quel jour pour la formation?")
    poll = topic.poll
    tuesday, thursday = poll.options.order_by("pk")
    client.force_login(helper)
    page = client.get(topic_url(topic)).content.decode()
    assert "Quel jour vous convient?" in page and 'type="radio"' in page
    vote = reverse("forum_conversation:topic_poll_vote", args=[poll.pk])
    assert client.post(vote, {"options": thursday.pk}).status_code == 302
    page = client.get(topic_url(topic)).content.decode()
    assert 'type="radio"' not in page  # voted: the results show
    assert "100 % (1 vote)" in page and "0 % (0 vote)" in page
    assert "1 personne a voté." in page
    # A second vote is refused (no vote changes on this poll) and changes nothing.
    client.post(vote, {"options": tuesday.pk})
    assert list(TopicPollVote.objects.values_list("poll_option", flat=True)) == [thursday.pk]


def test_a_vote_without_a_choice_gets_a_clear_message(client, help_forum, asker, helper):
    client.force_login(asker)
    client.post(create_url(help_forum), poll_data(["Mardi", "Jeudi"]))
    topic = Topic.objects.get(subject="Quel jour pour la formation?")
    client.force_login(helper)
    vote = reverse("forum_conversation:topic_poll_vote", args=[topic.poll.pk])
    response = client.post(vote, {}, follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    messages = page.split('class="wrap messages"')[1].split("</div>")[0]
    assert "Vous devez spécifier un choix pour voter" in messages
    assert "<ul" not in messages  # machina put its HTML error list in the message
    assert not TopicPollVote.objects.exists()
    # A choice from another poll is refused too.
    assert client.post(vote, {"options": 999999}, follow=True).status_code == 200
    assert not TopicPollVote.objects.exists()


def test_visitors_see_the_results_and_an_invitation_to_sign_in(client, help_forum, asker):
    client.force_login(asker)
    client.post(create_url(help_forum), poll_data(["Mardi", "Jeudi"]))
    topic = Topic.objects.get(subject="Quel jour pour la formation?")
    client.logout()
    page = client.get(topic_url(topic)).content.decode()
    assert "Quel jour vous convient?" in page and "Se connecter pour voter" in page
    vote = reverse("forum_conversation:topic_poll_vote", args=[topic.poll.pk])
    response = client.post(vote, {"options": topic.poll.options.first().pk})
    assert response.status_code == 302 and "/compte/login/" in response["Location"]
    assert not TopicPollVote.objects.exists()


def test_a_topic_with_a_poll_keeps_a_fixed_number_of_queries(
    client, help_forum, asker, django_assert_max_num_queries
):
    client.force_login(asker)
    client.post(create_url(help_forum), poll_data(["Mardi", "Jeudi", "Vendredi"]))
    topic = Topic.objects.get(subject="Quel jour pour la formation?")
    voters = [established() for _ in range(5)]
    vote = reverse("forum_conversation:topic_poll_vote", args=[topic.poll.pk])
    for voter in voters:
        client.force_login(voter)
        client.post(vote, {"options": topic.poll.options.first().pk})
    client.get(topic_url(topic))
    with django_assert_max_num_queries(25):
        client.get(topic_url(topic))


def test_the_author_adds_a_choice_when_editing_the_question(client, help_forum, asker):
    client.force_login(asker)
    client.post(create_url(help_forum), poll_data(["Mardi", "Jeudi"]))
    topic = Topic.objects.get(subject="Quel jour pour la formation?")
    tuesday, thursday = topic.poll.options.order_by("pk")
    url = reverse(
        "forum_conversation:topic_update",
        args=[help_forum.slug, help_forum.pk, topic.slug, topic.pk],
    )
    page = client.get(url).content.decode()
    assert 'value="Mardi"' in page and "Retirer ce choix" in page
    data = poll_data(["Mardi", "Jeudi", "Vendredi"], **{"poll-INITIAL_FORMS": 2})
    data.update({"poll-0-id": tuesday.pk, "poll-1-id": thursday.pk})
    response = client.post(url, data)
    assert response.status_code == 302
    texts = list(topic.poll.options.order_by("pk").values_list("text", flat=True))
    assert texts == ["Mardi", "Jeudi", "Vendredi"]


def test_a_failed_question_without_a_poll_says_nothing_about_a_poll(client, help_forum, asker):
    client.force_login(asker)
    data = poll_data([], poll_question="", content="")  # no poll opened; the message is empty
    response = client.post(create_url(help_forum), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Votre message est vide." in html
    assert "Un sondage demande au moins deux choix." not in html
    assert '<details class="field poll-fields">' in html  # the poll stays closed


def test_a_poll_with_one_choice_still_says_it_needs_two(client, help_forum, asker):
    client.force_login(asker)
    response = client.post(create_url(help_forum), poll_data(["Mardi"]))
    assert response.status_code == 200
    assert "Un sondage demande au moins deux choix." in response.content.decode()
