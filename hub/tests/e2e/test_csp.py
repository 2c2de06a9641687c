"""With the Content-Security-Policy on, every main page and the Wagtail admin work in a real
Chromium: no policy violation, no console error, no script error."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.e2e

# Chromium reports each blocked script, style or frame twice: a `securitypolicyviolation`
# event in the page (caught by this listener, installed before any page script runs) and a
# console error.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


def public_paths() -> list[str]:
    from machina.apps.forum_conversation.models import Topic

    from cms.models import ResourceIndexPage, ResourcePage, ToolkitPage
    from events.models import EventIndexPage, EventPage

    def first_url(model):
        page = model.objects.live().filter(locale__language_code="fr").first()
        assert page is not None, f"the demo has no {model.__name__}"
        return page.url

    topic = Topic.approved_objects.filter(forum__name="Demandes d'aide").first()
    forum = topic.forum
    return [
        "/fr/",
        "/en/",
        first_url(ResourceIndexPage),
        first_url(ResourcePage),
        first_url(ToolkitPage),
        "/fr/forum/",
        f"/fr/forum/forum/{forum.slug}-{forum.pk}/topic/{topic.slug}-{topic.pk}/",
        first_url(EventIndexPage),
        first_url(EventPage),
        "/fr/compte/login/",
        "/fr/recherche/?q=donn%C3%A9es",
    ]


def visit(page, url, problems):
    page.goto(url, wait_until="networkidle")
    for violation in page.evaluate("window.__violations"):
        problems.append(f"{url}: CSP {violation}")


@pytest.fixture
def demo(transactional_db):
    """Before Chromium starts: seeding sends live events (async_to_sync), which cannot run
    in the thread where Playwright's event loop turns."""
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_pages_and_admin_run_under_the_policy_without_a_violation(demo, daphne_server, chromium):
    from cms.models import ResourcePage, ToolkitPage
    from demo.loaders.accounts import password

    ADMIN_EMAIL, DEMO_PASSWORD = "admin@dataide.example", password()  # noqa: N806

    resource = ResourcePage.objects.live().filter(locale__language_code="fr").first()
    toolkit = ToolkitPage.objects.live().filter(locale__language_code="fr").first()
    context = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900})
    context.add_init_script(LISTEN)
    page = context.new_page()
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"{page.url}: console {message.type}: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{page.url}: script error: {error}"))

    paths = public_paths()
    for path in paths:
        visit(page, daphne_server + path, problems)
    response = page.goto(daphne_server + "/fr/", wait_until="networkidle")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy

    page.goto(daphne_server + "/fr/compte/login/")
    page.get_by_role("textbox", name="Courriel", exact=True).fill(ADMIN_EMAIL)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/mon-espace/**")
    for path in [
        "/fr/mon-espace/",
        "/fr/notifications/",
        paths[6],  # the topic, with the reply form and its live preview
        paths[3],  # a resource, with Wagtail's user bar
        "/admin/",
        f"/admin/pages/{resource.pk}/edit/",
        f"/admin/pages/{toolkit.pk}/edit/",
    ]:
        visit(page, daphne_server + path, problems)
    # The editor's live preview frames the page itself (admin policy: frame-ancestors 'self').
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    preview = page.frame_locator("iframe[src*='/preview/']")
    preview.locator("h1").first.wait_for()
    for violation in page.evaluate("window.__violations"):
        problems.append(f"preview: CSP {violation}")
    context.close()
    assert problems == []
