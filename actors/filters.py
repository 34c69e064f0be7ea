import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.collation import french
from core.filtering import SearchFilterSet
from territories.filters import region_filter

from .models import Actor


class ActorFilter(SearchFilterSet):
    repeatable = ("kind",)

    region = region_filter()
    # distinct=False: a filter on the actor's own column cannot repeat a row, and DISTINCT with the
    # French ORDER BY makes PostgreSQL select the collated name too (the CSV export then broke).
    kind = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=Actor.Kind.choices, widget=forms.CheckboxSelectMultiple, distinct=False,
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s.")},
    )

    class Meta:
        model = Actor
        fields = []

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by(french("name"), "id")
