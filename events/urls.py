from django.urls import path

from . import views

app_name = "events"

# Mounted under the language prefix (see hub/urls.py). Paths start with a number or a
# fixed word so they never hide an event page's slug from Wagtail.
urlpatterns = [
    path("calendrier.ics", views.public_feed, name="feed"),
    path("calendrier/theme/<slug:slug>.ics", views.theme_feed, name="theme_feed"),
    path("calendrier/prive/<str:token>.ics", views.private_feed, name="private_feed"),
    path("calendrier/nouvelle-adresse/", views.calendar_token_regenerate, name="token_regenerate"),
    path("<int:pk>.ics", views.event_ics, name="event_ics"),
    path("<int:pk>/inscription/", views.register, name="register"),
    path("<int:pk>/annulation/", views.cancel, name="cancel"),
    path("<int:pk>/rejoindre/", views.join, name="join"),
    path("<int:pk>/inscriptions/", views.registrations, name="registrations"),
    path("<int:pk>/inscriptions.csv", views.registrations_csv, name="registrations_csv"),
]
