from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("flux/", views.notification_feed, name="feed"),
    path("<int:pk>/ouvrir/", views.notification_open, name="open"),
    path("lu/", views.notification_mark_read, name="mark_read"),
    path("tout-lu/", views.notification_mark_all_read, name="mark_all_read"),
    path("preferences/", views.notification_preferences, name="preferences"),
    path("preferences/resume/", views.digest_settings, name="digest_settings"),
    path("resume/desabonnement/<str:token>/", views.digest_unsubscribe, name="digest_unsubscribe"),
]
