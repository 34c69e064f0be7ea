import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.filtering import SearchFilterSet
from territories.filters import region_filter

from .models import Actor


class ActorFilter(SearchFilterSet):
    repeatable = ("kind",)

    region = region_filter()
    kind = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=Actor.Kind.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s.")},
    )

    class Meta:
        model = Actor
        fields = []

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("name", "id")
