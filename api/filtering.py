"""The pages' FilterSets behind the API: same parameters, same validation, same order."""
import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend

from core.filtering import StrictFilterSet
from territories.models import Territory

from .errors import InvalidParameters


class PublicFilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend with the listing's messages: a bad parameter is a 400 saying what the
    page says (StrictFilterSet.errors_as_text), never a 500 nor DRF's own wording."""

    def get_filterset_kwargs(self, request, queryset, view):
        # Always bound (even without parameters), so that the default order applies, as on the pages.
        return {"data": request.query_params, "queryset": queryset, "request": request}

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise InvalidParameters(filterset.errors_as_text())
        return filterset.qs


class TerritoryFilter(StrictFilterSet):
    """Territories have no public listing: this one serves the API only."""

    repeatable = ("kind",)

    kind = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=Territory.Kind.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s.")},
    )

    class Meta:
        model = Territory
        fields = []

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("kind", "insee_code", "id")
