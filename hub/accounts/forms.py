from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hub.privacy.wordings import AGE_14, DIRECTORY, NEWSLETTER, STATISTICS, TERMS, current_wording

from . import handles
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
            '<a href="{}" target="_blank" rel="noopener">{}</a> · '
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse_lazy("privacy:terms"),
            _("Terms of use"),
            reverse_lazy("privacy:policy"),
            _("Privacy policy"),
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
    # A text field, not a <select>: thousands of organisations would weigh down the page.
    # JavaScript adds suggestions; without it, a name that matches nothing gets suggestions
    # in the error message.
    organisation_name = forms.CharField(
        label=pgettext_lazy("community organization", "Organization"),
        max_length=200,
        required=False,
        help_text=_("Type the name of your organization. Not found? Propose it below."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "data-organisation-search": reverse_lazy("accounts:organisation_search"),
            }
        ),
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

    field_order = [
        "first_name",
        "last_name",
        "display_name",
        "handle",
        "job_title",
        "organisation_name",
        "preferred_language",
    ]

    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "display_name",
            "handle",
            "job_title",
            "preferred_language",
        ]
        labels = {"handle": _("Handle for mentions")}
        help_texts = {
            "handle": _(
                "Other members mention you by typing @ followed by this handle, for example "
                "@marie.tremblay. Lowercase letters without accents, digits, dots and hyphens; "
                "leave it empty to keep the current one."
            )
        }
        widgets = {
            "handle": forms.TextInput(
                attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.organisation_id:
            self.fields["organisation_name"].initial = self.instance.organisation.name

    def clean_organisation_name(self):
        name = self.cleaned_data["organisation_name"].strip()
        if not name:
            return None
        current = self.instance.organisation
        if current and current.name.lower() == name.lower():
            return current  # kept even while a proposed organisation awaits approval
        match = Organisation.objects.filter(is_approved=True, name__iexact=name).first()
        if match:
            return match
        words = [word for word in name.split() if len(word) > 3][:3] or [name]
        query = Q()
        for word in words:
            query |= Q(name__icontains=word)
        suggestions = list(
            Organisation.objects.filter(query, is_approved=True).values_list("name", flat=True)[:5]
        )
        if suggestions:
            raise forms.ValidationError(
                _(
                    "No organization is called “%(name)s”. Did you mean: %(suggestions)s? "
                    "Otherwise, propose it below."
                ),
                params={"name": name, "suggestions": " · ".join(suggestions)},
            )
        raise forms.ValidationError(
            _("No organization is called “%(name)s”. Check the spelling, or propose it below."),
            params={"name": name},
        )

    def clean_handle(self):
        handle = handles.normalise(self.cleaned_data.get("handle") or "")
        if not handle:
            return self.instance.handle  # a member always has one: empty keeps it
        if not handles.is_valid(handle):
            raise forms.ValidationError(
                _(
                    "A handle has %(min)s to %(max)s characters: lowercase letters without "
                    "accents, digits, and dots, hyphens or underscores between them."
                ),
                params={"min": handles.HANDLE_MIN_LENGTH, "max": handles.HANDLE_MAX_LENGTH},
            )
        if handle in handles.RESERVED:
            raise forms.ValidationError(
                _("The handle @%(handle)s is reserved. Please choose another one."),
                params={"handle": handle},
            )
        if self._handle_taken(handle):
            raise self._handle_taken_error(handle)
        return handle

    def _handle_taken(self, handle) -> bool:
        return User.objects.filter(handle__iexact=handle).exclude(pk=self.instance.pk).exists()

    def _handle_taken_error(self, handle) -> forms.ValidationError:
        return forms.ValidationError(
            _(
                "The handle @%(handle)s is already taken by another member. "
                "You could use @%(suggestion)s."
            ),
            params={"handle": handle, "suggestion": self.instance.suggest_handle(handle)},
        )

    def save(self, commit=True):
        self.instance.organisation = self.cleaned_data.get("organisation_name")
        return super().save(commit=commit)

    def save_unless_handle_taken(self):
        """Saves and returns the member, or returns None with an error on the handle when
        another member took the same handle between the check and the save (the database's
        unique constraint decides)."""
        handle = self.cleaned_data.get("handle")
        try:
            with transaction.atomic():
                return self.save()
        except IntegrityError:
            if not handle or not self._handle_taken(handle):
                raise
            self.add_error("handle", self._handle_taken_error(handle))
            return None

    def clean_new_organisation_name(self):
        name = self.cleaned_data["new_organisation_name"].strip()
        if name and Organisation.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(_("This organization already exists: type its name above."))
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
