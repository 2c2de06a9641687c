"""Django views of the CMS room (feeds, sitemap, member actions; the site search is
the search room's). Pages
themselves are Wagtail's; these come before Wagtail's catch-all in hub/urls.py."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "cms"

urlpatterns = [
    path("feeds/resources.rss", views.ResourcesFeed(), name="feed_rss"),
    path("feeds/resources.atom", views.ResourcesAtomFeed(), name="feed_atom"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path(
        pgettext_lazy("URL path", "library/save/<int:page_id>/"),
        views.resource_save,
        name="resource_save",
    ),
    path(
        pgettext_lazy("URL path", "library/toolkit/<int:page_id>/step/<str:step_id>/"),
        views.toolkit_step,
        name="toolkit_step",
    ),
    path(
        pgettext_lazy("URL path", "themes/<slug:slug>/follow/"),
        views.theme_follow,
        name="theme_follow",
    ),
    path(pgettext_lazy("URL path", "themes/follow/"), views.themes_choose, name="themes_choose"),
]
