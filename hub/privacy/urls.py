from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.policy, name="policy"),
    path("conditions/", views.terms, name="terms"),
    path("mes-donnees.zip", views.data_export, name="export"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("mes-choix/", views.history, name="history"),
    path("mes-choix/consentement/", views.consent_change, name="consent"),
    path("mes-choix/visibilite/", views.visibility_change, name="visibility"),
    path("personnel/journal.csv", views.consent_log_csv, name="consent_log_csv"),
]
