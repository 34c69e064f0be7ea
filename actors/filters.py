import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .filtering import StrictFilterSet, search_field, territory_filter
from .models import Actor, Territory
from .text import search_words


class ActorFilter(StrictFilterSet):
    repeatable = ("kind",)

    q = django_filters.CharFilter(method="filter_search")
    kind = django_filters.MultipleChoiceFilter(
        label=_("Type"), choices=Actor.Kind.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s.")},
    )
    region = territory_filter(Territory.Kind.REGION, _("Région"), "filter_region")

    class Meta:
        model = Actor
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"] = search_field()

    def filter_search(self, queryset, name, value):
        for word in search_words(value):
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_region(self, queryset, name, region):
        return queryset.in_territory(region) if region else queryset

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by("name", "id")
