from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("profil/", views.profile_edit, name="profile"),
    path("organismes/", views.organisation_search, name="organisation_search"),
    path("donnees/", views.data_export, name="data_export"),
    path("supprimer/", views.account_delete, name="delete"),
]
