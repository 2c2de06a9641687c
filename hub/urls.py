from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import views as cms_views
from cms.admin_chooser import LocaleBrowseView
from hub import views as hub_views
from hub.ops import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("livez", health.livez, name="livez"),
    path("readyz", health.readyz, name="readyz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("langue/<str:code>/", hub_views.switch_language, name="switch_language"),
    # Wagtail's page chooser, opened at the editor's language instead of "Root".
    path("admin/choose-page/", LocaleBrowseView.as_view(), name="hub_choose_page"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    # Crawlers look for the sitemap at the root; it lists both languages with hreflang.
    path("sitemap.xml", cms_views.sitemap, name="root_sitemap"),
]

urlpatterns += i18n_patterns(
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("compte/", include("allauth.urls")),
    path("mon-espace/", include("hub.accounts.urls")),
    path("notifications/", include("hub.notifications.urls")),
    path("confidentialite/", include("hub.privacy.urls")),
    path("forum/", include("forum.urls")),
    path("evenements/", include("events.urls")),
    path("diagnostic/", include("diagnostic.urls")),
    path("", include("search.urls")),
    path("", include("cms.urls")),
    # Wagtail's catch-all comes last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Error pages of the hub, in the member's language (hub/errors.py); a 405 becomes one in
# hub.middleware.ErrorPagesMiddleware (Django has no handler405).
handler400 = "hub.errors.bad_request"
handler403 = "hub.errors.permission_denied"
handler404 = "hub.errors.page_not_found"
handler500 = "hub.errors.server_error"
