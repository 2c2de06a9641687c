"""Excerpts of member posts never carry live markup (issue 11, finding 1).

Django's `truncatechars_html` decodes entities while it counts and, when the lengths line
up, emits the decoded text unescaped: a sanitised post of `""` + "A" × k and the text
`<svg onload=…>` became a live <svg> on the report page (k = 562), on the moderators'
reports list (k = 362) and on a member's posts list (k = 212). Pages are parsed as a
browser parses them (html5lib), not searched for a string."""

import html

import pytest

# The HTML5 parsing algorithm browsers use, as bleach ships it (no other copy installed).
from bleach._vendor import html5lib
from django.urls import reverse

from forum.models import PostReport
from hub.accounts.tests.factories import UserFactory

from .factories import PostFactory, TopicFactory

PAYLOAD_TAIL = "\n\n<svg onload=alert(document.domain)>"


def hostile_markdown(k: int) -> str:
    return '""' + "A" * k + PAYLOAD_TAIL


def live_hostile_elements(page_html: str) -> list[str]:
    """What a browser would build from the page that could run script: any element carrying
    an on* attribute, and any <svg>, <script>, <iframe>, <object> or <embed> inside <main>
    (where member content goes; the layout's own icons and scripts are outside it)."""
    tree = html5lib.parse(page_html, namespaceHTMLElements=False)
    found = []
    for element in tree.iter():
        if isinstance(element.tag, str):  # not a comment
            name = element.tag.rsplit("}", 1)[-1].lower()
            found.extend(f"{name}[{a}]" for a in element.attrib if a.lower().startswith("on"))
    for main in tree.iter("main"):
        for element in main.iter():
            name = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
            if name in {"svg", "script", "iframe", "object", "embed"}:
                found.append(name)
    return found


@pytest.fixture
def hostile_post(help_forum):
    """The new member's hostile post, factory-made per k (held for moderation, as a first
    post is)."""

    def make(k: int):
        author = UserFactory(first_name="Nouveau", last_name="Membre")
        topic = TopicFactory(forum=help_forum, poster=author, subject="Question", approved=False)
        return PostFactory(topic=topic, poster=author, content=hostile_markdown(k), approved=False)

    return make


def test_the_sanitised_post_itself_holds_no_live_svg(hostile_post):
    post = hostile_post(562)
    assert "&lt;svg" in post.content.rendered
    assert live_hostile_elements(post.content.rendered) == []


@pytest.mark.parametrize("k", [212, 362, 562])
def test_an_excerpt_of_the_hostile_post_holds_no_markup_at_any_length(hostile_post, k):
    from hub.sanitize import excerpt

    post = hostile_post(k)
    for length in (250, 400, 600, k, k + 2, k + 3, k + 4):
        cut = excerpt(post.content.rendered, length)
        assert live_hostile_elements(str(cut)) == [], (k, length)
        assert "<" not in str(cut)
        assert len(html.unescape(str(cut))) <= length


def test_the_report_page_shows_no_live_svg(client, moderator, hostile_post):
    post = hostile_post(562)
    client.force_login(moderator)
    response = client.get(reverse("community:post_report", args=[post.pk]))
    assert response.status_code == 200
    assert "AAAA" in response.content.decode()
    assert live_hostile_elements(response.content.decode()) == []


def test_the_reports_list_shows_no_live_svg(client, moderator, hostile_post):
    post = hostile_post(362)
    # Published, then reported by another member by a direct POST (authors cannot report
    # their own posts: forum/access.py).
    post.approved = True
    post.save()
    post.topic.approved = True
    post.topic.save()
    client.force_login(UserFactory())
    response = client.post(
        reverse("community:post_report", args=[post.pk]), {"reason": "Regardez ceci."}
    )
    assert response.status_code == 302
    assert PostReport.objects.filter(post=post).exists()
    client.force_login(moderator)
    response = client.get(reverse("community:reports"))
    assert response.status_code == 200
    assert "AAAA" in response.content.decode()
    assert live_hostile_elements(response.content.decode()) == []


def test_a_members_posts_list_shows_staff_no_live_svg(client, moderator, hostile_post):
    post = hostile_post(212)
    client.force_login(moderator)
    response = client.get(reverse("forum_member:user_posts", args=[post.poster.pk]))
    assert response.status_code == 200
    assert "AAAA" in response.content.decode()
    assert live_hostile_elements(response.content.decode()) == []


def test_an_excerpt_is_plain_text_cut_on_a_word_and_escaped():
    from hub.sanitize import excerpt

    cut = excerpt("<p>Bonjour <strong>à</strong> tous&nbsp;&amp; <em>chacun</em></p><p>Fin</p>", 20)
    assert str(cut) == "Bonjour à tous &amp; …"
    assert str(excerpt("<p>Court</p><p>texte</p>", 100)) == "Court texte"
    assert str(excerpt("", 10)) == ""
    assert str(excerpt("<p>&lt;b&gt;gras&lt;/b&gt;</p>", 100)) == "&lt;b&gt;gras&lt;/b&gt;"


def test_no_template_truncates_html():
    """Django's HTML truncation is not a sanitiser: excerpts use the |excerpt filter."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for folder in ("hub", "cms", "events", "forum")
        for pattern in ("*.html", "*.txt")
        for path in (root / folder).rglob(pattern)
        if "truncatechars_html" in path.read_text() or "truncatewords_html" in path.read_text()
    ]
    assert offenders == []
