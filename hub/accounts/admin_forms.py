"""Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM): Wagtail 7.4 gives its password
field no label, so Django shows the field's name, "Password", in every language."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Enter password")}),
        strip=False,
    )
