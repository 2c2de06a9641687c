from django.db import connection
from django.http import HttpResponse
from django.shortcuts import render


def healthz(request):
    """For the reverse proxy and compose healthchecks: the process answers and the database too."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
