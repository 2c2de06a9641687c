"""The hub's URLs plus a view that crashes, for the 500 page's tests."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from hub import urls


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = i18n_patterns(path("boom/", boom), prefix_default_language=True) + list(
    urls.urlpatterns
)
handler400 = urls.handler400
handler403 = urls.handler403
handler404 = urls.handler404
handler500 = urls.handler500
