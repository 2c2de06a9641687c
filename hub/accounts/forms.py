from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import Organisation, Region, User


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form adds to email and password."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    accept_terms = forms.BooleanField(
        label=_("I have read and accept the terms of use and the privacy policy."),
        error_messages={"required": _("You must accept the terms of use to create an account.")},
    )

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = (request.LANGUAGE_CODE or "fr")[:2]
        user.save()


class ProfileForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(is_approved=True).select_related("region"),
        required=False,
        label=pgettext_lazy("community organization", "Organization"),
        help_text=_("Choose your organization. Not in the list? Propose it below."),
    )
    new_organisation_name = forms.CharField(
        label=_("Propose a new organization"),
        max_length=200,
        required=False,
        help_text=_("Staff will check it before it appears in lists."),
    )
    new_organisation_region = forms.ModelChoiceField(
        queryset=Region.objects.all(), required=False, label=_("Region of the new organization")
    )

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "display_name",
            "job_title",
            "organisation",
            "preferred_language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.organisation
        if current and not current.is_approved:
            # A member keeps seeing the organisation they proposed while it awaits approval.
            self.fields["organisation"].queryset = Organisation.objects.filter(
                is_approved=True
            ) | Organisation.objects.filter(pk=current.pk)

    def clean_new_organisation_name(self):
        name = self.cleaned_data["new_organisation_name"].strip()
        if name and Organisation.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(
                _("This organization already exists: choose it in the list above.")
            )
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_organisation_name") and not cleaned.get("new_organisation_region"):
            self.add_error(
                "new_organisation_region", _("Choose the region of the organization you propose.")
            )
        return cleaned


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and that this cannot be undone."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is incorrect."))
        return password
