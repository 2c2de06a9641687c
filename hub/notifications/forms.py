from django import forms

from .kinds import DELIVERY_CHOICES


def field_name(code: str) -> str:
    return "kind_" + code.replace(".", "__")


class PreferencesForm(forms.Form):
    """One radio group per kind of notification."""

    def __init__(self, *args, preferences, **kwargs):
        super().__init__(*args, **kwargs)
        self.codes = {}
        for kind, delivery in preferences:
            name = field_name(kind.code)
            self.codes[name] = kind.code
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=DELIVERY_CHOICES,
                initial=delivery,
                # A kind left out (a form older than a newly registered kind) keeps its value.
                required=False,
                widget=forms.RadioSelect,
            )

    def deliveries(self) -> dict[str, str]:
        return {
            code: self.cleaned_data[name]
            for name, code in self.codes.items()
            if self.cleaned_data.get(name)
        }
