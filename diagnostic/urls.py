from django.urls import path

from . import views

app_name = "diagnostic"

# Mounted under the language prefix at diagnostic/ (see hub/urls.py).
urlpatterns = [
    path("", views.home, name="home"),
    path("commencer/", views.start, name="start"),
    path("<int:pk>/", views.answer, name="answer"),
    path("<int:pk>/reponse/<int:question_pk>/", views.answer_save_one, name="answer_save"),
    path("<int:pk>/soumettre/", views.submit, name="submit"),
]
