from django import forms
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from hub.accounts.forms import SignupExtraForm

from . import services
from .wordings import AGE_14, NEWSLETTER, STATISTICS, TERMS, current_wording


class SignupForm(SignupExtraForm):
    """The sign-up form (settings.ACCOUNT_SIGNUP_FORM_CLASS): accounts' fields, then the
    terms and the age confirmation (required) and one box per purpose, unticked (Loi 25: a
    consent is given for one purpose, separately from the terms). What was given is logged
    with the wording's version, in the same request that creates the account."""

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
    consent_statistics = forms.BooleanField(
        label=current_wording(STATISTICS).label,
        help_text=current_wording(STATISTICS).description,
        required=False,
        initial=False,
    )

    def signup(self, request, user):
        super().signup(request, user)
        services.signup_consents_record(
            user=user,
            purposes={
                NEWSLETTER: self.cleaned_data["consent_newsletter"],
                STATISTICS: self.cleaned_data["consent_statistics"],
            },
        )
