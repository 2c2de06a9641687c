"""hub.sanitize and the forum's renderer keep hostile markup harmless.

Every payload of the hostile corpus in forum/tests/xss/ (see its README: MIT licence, from
PayloadsAllTheThings) is saved as a REAL post; the rendered HTML is parsed and checked."""

import html
from html.parser import HTMLParser
from pathlib import Path

import pytest

from forum.markup import render
from hub.sanitize import ALLOWED_TAGS, LINK_REL, clean_html

from .factories import PostFactory, TopicFactory

XSS_DIR = Path(__file__).parent / "xss"
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster"}


def corpus() -> list[str]:
    payloads = []
    for path in sorted(XSS_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                payloads.append(line)
    return payloads


class Audit(HTMLParser):
    """Collects every problem a browser could turn into script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"attribute {name}")
            if name in URL_ATTRIBUTES or name == "style":
                # Attribute values are already entity-decoded by the parser; decode once more
                # and drop the whitespace and control characters browsers ignore in URLs.
                decoded = html.unescape(value or "")
                compact = "".join(c for c in decoded if ord(c) > 0x20).lower()
                if compact.startswith(BAD_SCHEMES) or any(s in compact for s in BAD_SCHEMES[:2]):
                    self.problems.append(f"{name}={value!r}")
            if name == "style":
                self.problems.append("style attribute")


def audit(rendered: str) -> list[str]:
    parser = Audit()
    parser.feed(rendered)
    parser.close()
    return parser.problems


def test_the_corpus_is_large():
    assert len(corpus()) > 800


@pytest.mark.django_db
def test_every_hostile_payload_saved_as_a_post_renders_harmless():
    topic = TopicFactory()
    post = PostFactory(topic=topic, content="Bonjour")
    failures = []
    for payload in corpus():
        post.content = payload
        post.save()
        rendered = type(post).objects.values_list("_content_rendered", flat=True).get(pk=post.pk)
        problems = audit(rendered or "")
        if problems:
            failures.append((payload, problems, rendered))
    assert not failures, failures[:5]


@pytest.mark.django_db
def test_an_entity_encoded_javascript_link_is_not_a_link():
    post = PostFactory(content="[a](javascript&colon;alert(1))")
    rendered = post._content_rendered
    assert not audit(rendered)
    assert "javascript" not in html.unescape(rendered).replace(" ", "").split("href=")[-1][:12]
    assert 'href="javascript' not in rendered.lower()


@pytest.mark.parametrize(
    "payload",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        '<a href="java\tscript:alert(1)">x</a>',
        '<img src=x onerror="alert(1)">',
        "<svg/onload=alert(1)>",
        "<iframe src=//evil.example></iframe>",
    ],
)
def test_known_tricks_render_harmless(payload):
    assert not audit(render(payload))


def test_script_renders_as_visible_text():
    rendered = render("<script>alert('x')</script>")
    assert "<script" not in rendered
    assert "&lt;script&gt;" in rendered


def test_markdown_basics_survive():
    rendered = render(
        "# Titre\n\n**gras** et *italique*\n\n- un\n- deux\n\n> citation\n\n`code`\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n[site](https://exemple.org)"
    )
    for fragment in (
        "<h3>Titre</h3>",
        "<strong>gras</strong>",
        "<em>italique</em>",
        "<li>un</li>",
        "<blockquote>",
        "<code>code</code>",
        "<table>",
        "<td>2</td>",
    ):
        assert fragment in rendered
    assert f'<a href="https://exemple.org" rel="{LINK_REL}">site</a>' in rendered


def test_bare_urls_become_links_with_rel():
    rendered = render("Voir https://www.quebec.ca/loi25 pour les détails.")
    assert f'href="https://www.quebec.ca/loi25" rel="{LINK_REL}"' in rendered


def test_mailto_links_are_kept_and_other_schemes_dropped():
    assert 'href="mailto:aide@exemple.org"' in render("[écrire](mailto:aide@exemple.org)")
    assert "href" not in render("[ftp](ftp://exemple.org/f)")


def test_images_only_from_our_media():
    assert '<img src="/media/forum/plan.png" alt="plan">' in render(
        "![plan](/media/forum/plan.png)"
    )
    assert "evil" not in render("![x](https://evil.example/x.png)").split("<img")[-1]
    assert "src" not in render("![x](//evil.example/media/x.png)")
    assert "src" not in render("![x](https://evil.example/media/x.png)")


def test_clean_html_is_empty_for_nothing():
    assert clean_html("") == ""
    assert render(None) == ""


@pytest.mark.django_db
def test_the_migration_rerenders_html_stored_by_the_old_renderer():
    import importlib

    from django.apps import apps as global_apps
    from machina.apps.forum_conversation.models import Post

    post = PostFactory(content="[a](javascript&colon;alert(1))")
    # What machina's markdown2 safe_mode stored before our renderer.
    Post.objects.filter(pk=post.pk).update(
        _content_rendered='<p><a href="javascript&colon;alert(1)">a</a></p>'
    )
    migration = importlib.import_module("forum.migrations.0001_rerender_markup")
    migration.rerender(global_apps, None)
    post.refresh_from_db()
    # Our renderer refuses the link: what was written shows as text, with no href at all.
    assert post._content_rendered == render("[a](javascript&colon;alert(1))")
    assert "href" not in post._content_rendered


@pytest.mark.django_db
def test_the_mentions_migration_rerenders_posts_written_before_mentions():
    import importlib

    from django.apps import apps as global_apps
    from machina.apps.forum_conversation.models import Post

    post = PostFactory(content="Merci @nadia.b!")
    Post.objects.filter(pk=post.pk).update(_content_rendered="<p>Merci @nadia.b!</p>")
    migration = importlib.import_module("forum.migrations.0008_rerender_mentions")
    migration.rerender(global_apps, None)
    post.refresh_from_db()
    assert post._content_rendered == render("Merci @nadia.b!")
    assert "<strong" in post._content_rendered


@pytest.mark.django_db
def test_the_commonmark_migration_rerenders_posts_stored_by_python_markdown():
    import importlib

    from django.apps import apps as global_apps
    from machina.apps.forum_conversation.models import Post

    post = PostFactory(content="[a](javascript:alert(1))")
    # What Python-Markdown stored: an empty link.
    Post.objects.filter(pk=post.pk).update(_content_rendered="<p><a>a</a></p>")
    migration = importlib.import_module("forum.migrations.0009_rerender_commonmark")
    migration.rerender(global_apps, None)
    post.refresh_from_db()
    assert post._content_rendered == render("[a](javascript:alert(1))")
    assert post._content_rendered == "<p>[a](javascript:alert(1))</p>"
