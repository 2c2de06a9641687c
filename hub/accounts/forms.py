from django import forms
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hub.privacy.wordings import AGE_14, DIRECTORY, NEWSLETTER, STATISTICS, TERMS, current_wording

from .models import Organisation, Region, User


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form adds to email and password. Only the terms and the age
    confirmation are required; each other purpose has its own box, unticked (Loi 25: a
    consent is given for one purpose, separately from the terms). The privacy app stores
    what was given, with the wording's version."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    accept_terms = forms.BooleanField(
        label=current_wording(TERMS).label,
        help_text=format_lazy(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse_lazy("privacy:policy"),
            _("Read the privacy policy"),
        ),
        error_messages={"required": _("You must accept the terms of use to create an account.")},
    )
    confirm_age = forms.BooleanField(
        label=current_wording(AGE_14).label,
        error_messages={
            "required": _(
                "You must be 14 or older to create an account. Under 14, a parent must write to us."
            )
        },
    )
    consent_newsletter = forms.BooleanField(
        label=current_wording(NEWSLETTER).label,
        help_text=current_wording(NEWSLETTER).description,
        required=False,
        initial=False,
    )
    consent_directory = forms.BooleanField(
        label=current_wording(DIRECTORY).label,
        help_text=current_wording(DIRECTORY).description,
        required=False,
        initial=False,
    )
    consent_statistics = forms.BooleanField(
        label=current_wording(STATISTICS).label,
        help_text=current_wording(STATISTICS).description,
        required=False,
        initial=False,
    )

    def signup(self, request, user):
        from hub.privacy.services import signup_consents_record

        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = (request.LANGUAGE_CODE or "fr")[:2]
        user.save()
        signup_consents_record(
            user=user,
            purposes={
                NEWSLETTER: self.cleaned_data["consent_newsletter"],
                DIRECTORY: self.cleaned_data["consent_directory"],
                STATISTICS: self.cleaned_data["consent_statistics"],
            },
        )


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
