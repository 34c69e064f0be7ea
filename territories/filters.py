"""Territory choices for public FilterSets, by INSEE code as in `?region=53`."""
import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.collation import french
from core.filtering import KeptModelChoiceFilter

from .models import Territory

# In plain words (visitors do not know what an INSEE code is); the label is not repeated.
UNKNOWN = {
    Territory.Kind.REGION: _("La région « %(value)s » n'existe pas."),
    Territory.Kind.DEPARTMENT: _("Le département « %(value)s » n'existe pas."),
    Territory.Kind.COMMUNE: _("La commune « %(value)s » n'existe pas."),
    Territory.Kind.EPCI: _("L'intercommunalité « %(value)s » n'existe pas."),
}


def territory_filter(kind, label, method):
    return KeptModelChoiceFilter(
        label=label, method=method, to_field_name="insee_code",
        queryset=Territory.objects.filter(kind=kind).order_by(french("name")),
        error_messages={"invalid_choice": UNKNOWN[kind]},
        empty_label=_("Toutes"),
    )


def place_filter(kind, label, method):
    """`?commune=35238`, `?epci=243500139` (an EPT's SIREN too): looked up in the database, one
    indexed row, where `territory_filter` keeps every row of its kind (35,000 communes). A commune
    comes with its department's code, for its label ("Rennes (35)")."""
    kinds = [kind, Territory.Kind.EPT] if kind == Territory.Kind.EPCI else [kind]
    return django_filters.ModelChoiceFilter(
        label=label, method=method, to_field_name="insee_code", widget=forms.TextInput,
        queryset=Territory.objects.filter(kind__in=kinds).with_department(),
        error_messages={"invalid_choice": UNKNOWN[kind]},
    )


def _located_in(queryset, name, territory):
    return queryset.located_in(territory) if territory else queryset


def region_filter():
    """`?region=53`: rows whose queryset says they are located in that region (`located_in`)."""
    return territory_filter(Territory.Kind.REGION, _("Région"), _located_in)
