from django import forms
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hub import extensions

from . import handles
from .models import Organisation, Region, User


class SignupExtraForm(forms.Form):
    """Fields allauth's sign-up form adds to email and password: the member's name. The
    privacy room extends this form with the terms and the consents it records
    (`hub.privacy.forms.SignupForm`, named by ACCOUNT_SIGNUP_FORM_CLASS), so accounts
    knows nothing of privacy."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fields other rooms ask for (hub.extensions.signup_fields), at the end.
        for name, extra in extensions.signup_fields.items():
            self.fields[name] = extra.field()

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.preferred_language = (request.LANGUAGE_CODE or "fr")[:2]
        user.save()
        for name, extra in extensions.signup_fields.items():
            if name in self.cleaned_data:
                extra.save(user=user, value=self.cleaned_data[name])


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
