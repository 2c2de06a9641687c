"""The forum's renderer bounds what a hostile post costs (issue 11, item 4). Speed itself is
measured in bench/markup_bench.py; these tests hold the behaviour of the bounds: what a
reader sees when a post goes past them, and that ordinary posts never do."""

import html
import re

import pytest

from forum.markup import MAX_BOLD_MENTIONS, MAX_RAW_TAGS, render


def test_mentions_past_the_cap_show_as_plain_text():
    text = " ".join(f"@membre{i}" for i in range(MAX_BOLD_MENTIONS + 5))
    rendered = render(text)
    assert rendered.count("<strong>") == MAX_BOLD_MENTIONS
    assert f"<strong>@membre{MAX_BOLD_MENTIONS - 1}</strong>" in rendered
    assert f" @membre{MAX_BOLD_MENTIONS} " in rendered  # still there, as written


def test_a_long_ordinary_post_keeps_its_formatting():
    sentence = (
        "Bonjour à toutes et à tous, **merci** pour vos réponses : voyez "
        "https://www.quebec.ca/loi25 et `pip install` avec @nadia.b.\n\n"
    )
    text = (sentence * 200)[:20_000]
    rendered = render(text)
    assert "<strong>merci</strong>" in rendered
    assert "<code>pip install</code>" in rendered
    assert 'href="https://www.quebec.ca/loi25"' in rendered


def test_a_post_too_costly_to_parse_shows_as_its_text_with_nothing_lost():
    rows = "| x | <b>y</b> | [z](https://exemple.org) |\n" * 600
    text = "Voici **le tableau** :\n\n| a | b | c |\n|---|---|---|\n" + rows + "\nFin & merci"
    rendered = render(text)
    # No markup of the member's: only paragraphs and line breaks, everything escaped.
    assert "<table" not in rendered and "<b>" not in rendered and "<strong>" not in rendered
    assert rendered.startswith("<p>Voici **le tableau** :</p>\n<p>| a | b | c |<br>\n")
    assert "| x | &lt;b&gt;y&lt;/b&gt; | [z](https://exemple.org) |<br>\n" in rendered
    assert rendered.endswith("<p>Fin &amp; merci</p>")


def test_a_post_with_too_many_raw_tags_shows_as_text():
    # Unclosed formatting tags cost html5lib the square of their number.
    text = "".join(f"<b title={i}>" for i in range(MAX_RAW_TAGS + 1)) + "\n\nFin"
    rendered = render(text)
    assert "<b>" not in rendered and "&lt;b title=0&gt;" in rendered
    assert rendered.endswith("<p>Fin</p>")
    assert "<b>" in render("".join(f"<b title={i}>" for i in range(MAX_RAW_TAGS)))


@pytest.mark.parametrize("unit", ["[", "![[", "<", "&amp", "*a", "`a``", "a\n", "| x |\n"])
def test_hostile_runs_show_as_escaped_text_with_nothing_lost(unit):
    text = (unit * (20_000 // len(unit) + 1))[:20_000]
    rendered = render(text)
    tags = set(re.findall(r"</?([a-z0-9]+)", rendered))
    assert tags <= {"p", "br"}
    assert html.unescape(re.sub(r"</?(p|br)>", "", rendered)).replace("\n", "") == text.replace(
        "\n", ""
    )


@pytest.mark.django_db
def test_the_migration_rerenders_posts_past_the_budget_as_text():
    import importlib

    from django.apps import apps as global_apps
    from machina.apps.forum_conversation.models import Post

    from .factories import PostFactory

    text = "| a | b |\n|---|---|\n" + "| x | y |\n" * 1500
    post = PostFactory(content="Bonjour")
    # What the renderer without bounds stored: the whole table.
    Post.objects.filter(pk=post.pk).update(content=text, _content_rendered="<table></table>")
    migration = importlib.import_module("forum.migrations.0010_rerender_cost_bounds")
    migration.rerender(global_apps, None)
    post.refresh_from_db()
    assert post._content_rendered == render(text)
    assert post._content_rendered.startswith("<p>| a | b |<br>\n")
