"""Images in member content come only from our media: the check is made on the URL the
browser will fetch (percent-decoded, dot segments resolved), not on the raw string, so an
image cannot make every reader's browser GET another same-origin URL (issue 11, finding 6)."""

import pytest

from forum.markup import render
from hub.sanitize import clean_html, is_own_media_url

ESCAPES = [
    # The reported payload: the browser resolves %2e%2e as "..", so it fetched /langue/en/.
    "/media/%2e%2e/langue/en/?next=/media/x.png",
    "/media/%2E%2E/langue/en/",
    "/media/.%2e/langue/en/",
    "/media/%2e./langue/en/",
    "/media/%252e%252e/langue/en/",  # decoded twice by a proxy in front
    "/media/%25252e%25252e/langue/en/",
    "/media/./../langue/en/",
    "/media/../langue/en/",
    "/media/forum/../../langue/en/",
    "/media/..",
    "/media/%2e%2e",
    "/media/forum/%2e%2e%2f%2e%2e%2flangue/en/",
    "/media/%2e%2e%5clangue/en/",
    "/media/..\\langue\\en\\",
    "/media\\..\\langue/en/",
    "/media/x.png;/../../langue/en/",
    "/media/x.png;jsessionid=1",
    "/media/x.png?next=/langue/en/",
    "/media/x.png#frag",
    "/media/x.png%3fnext=1",
    "/media/x%00.png",
    "/media/x%0a.png",
    "/media/\t../langue/en/",
    "//media/x.png",
    "/media//evil.example/x.png",
    "/%6dedia/x.png",
    "/media",
    "/mediaa/x.png",
    "https://evil.example/media/x.png",
    "//evil.example/media/x.png",
]

OWN = [
    "/media/forum/plan.png",
    "/media/machina/attachments/2026/plan%20d%27action.png",
    "/media/images/r%C3%A9sum%C3%A9.jpg",
    "/media/a.b/c..d.png",  # dots inside a name are not dot segments
]


@pytest.mark.parametrize("url", ESCAPES)
def test_an_image_url_that_leaves_our_media_once_resolved_is_refused(url):
    assert not is_own_media_url(url)


@pytest.mark.parametrize("url", OWN)
def test_images_of_our_media_are_kept(url):
    assert is_own_media_url(url)
    assert f'src="{url}"' in clean_html(f'<img alt="x" src="{url}">')


def test_the_reported_markdown_payload_renders_an_image_without_a_source():
    rendered = render("![x](/media/%2e%2e/langue/en/?next=/media/x.png)")
    assert "src" not in rendered
    assert "langue" not in rendered


@pytest.mark.parametrize("url", ESCAPES)
def test_no_escape_survives_as_an_img_src_in_html_either(url):
    assert "src=" not in clean_html(f'<img alt="x" src="{url}">')
