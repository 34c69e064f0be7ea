from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Votre adresse e-mail"), max_length=254,
        error_messages={"required": _("Indiquez votre adresse e-mail."), "invalid": _("Cette adresse e-mail n'est pas valide.")},
    )
    frequency = forms.ChoiceField(
        label=_("Fréquence"), choices=Frequency.choices, initial=Frequency.WEEKLY, widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une fréquence."),
                        "invalid_choice": _("Fréquence inconnue : choisissez « chaque jour » ou « chaque semaine ».")},
    )
    # The listing's query string, as the subscribe link carried it.
    query = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        # One address, one spelling: uniqueness and the per-address limit compare lower case.
        return self.cleaned_data["email"].strip().lower()
