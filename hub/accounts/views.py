import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import services
from .dashboard import panels_for
from .forms import DeleteAccountForm, ProfileForm
from .models import Organisation


@login_required
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"panels": panels_for(request)})


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    user = None
    if request.method == "POST" and form.is_valid():
        user = form.save_unless_handle_taken()
    if user is not None:
        if form.cleaned_data["new_organisation_name"]:
            services.organisation_propose(
                name=form.cleaned_data["new_organisation_name"],
                region=form.cleaned_data["new_organisation_region"],
                by=user,
            )
            messages.info(request, _("Thank you: staff will check the organization you proposed."))
        messages.success(request, _("Your profile has been saved."))
        response = redirect("accounts:profile")
        if user.preferred_language != translation.get_language():
            # Follow the member's new language choice at once.
            from django.conf import settings

            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, user.preferred_language, samesite="Lax"
            )
        return response
    if request.method == "POST":
        messages.error(request, _("Please correct the errors below."))
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
@require_GET
def organisation_search(request):
    """Autocomplete for the organisation field: approved organisations matching ?q=."""
    query = request.GET.get("q", "").strip()
    results = []
    if len(query) >= 2:
        results = [
            {"id": org.pk, "name": org.name, "region": org.region.name}
            for org in Organisation.objects.filter(
                is_approved=True, name__icontains=query
            ).select_related("region")[:20]
        ]
    return JsonResponse({"results": results})


@login_required
@require_GET
def data_export(request):
    data = services.member_export(user=request.user)
    filename = f"dataide-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.member_delete(user=request.user)
        logout(request)
        messages.success(
            request, _("Your account has been deleted. Thank you for your time with us.")
        )
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
