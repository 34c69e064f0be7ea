"""Building blocks shared by every public FilterSet (programmes, actors, projects)."""
import copy
from functools import cached_property

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class FilterPrototypes(dict):
    """A FilterSet class's filters. django-filter deep-copies them for every instance (each
    filter's choices, querysets and widgets: ~700 copies a listing request, a tenth of its
    time); an instance only needs filters of its own to point at it (`parent`, the filter
    method bound to it) and field arguments of its own (`extra`)."""

    def __deepcopy__(self, memo):
        return {name: _own_copy(prototype) for name, prototype in self.items()}


def _own_copy(prototype):
    own = copy.copy(prototype)
    own.extra = prototype.extra.copy()
    own.__dict__.pop("_field", None)
    if prototype.method is not None:
        own.method = prototype.method  # the setter binds the filter method to `own`, not to the prototype
    return own


class StrictFilterSet(django_filters.FilterSet):
    """Rejects a single-valued parameter given twice instead of silently keeping one."""

    repeatable = ()

    @classmethod
    def get_filters(cls):
        return FilterPrototypes(super().get_filters())

    def get_form_class(self):
        # Built once per FilterSet class (django-filter builds a field per filter and a form class
        # per instance): no filter's choices depend on the request.
        form_class = type(self).__dict__.get("_form_class")
        if form_class is None:
            form_class = super().get_form_class()
            type(self)._form_class = form_class
        return form_class

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self._repeated = []
        if data is not None and hasattr(data, "getlist"):
            for name in self.filters:
                if name not in self.repeatable and len(data.getlist(name)) > 1:
                    self._repeated.append(name)

    def is_valid(self):
        valid = super().is_valid()
        for name in self._repeated:
            self.form.add_error(None, _("Le paramètre « %(name)s » ne peut apparaître qu'une fois.") % {"name": name})
        return valid and not self._repeated

    def rows_without(self, *names):
        """The unordered rows under every filter but `names`, from this FilterSet's validated
        form: facets count their own options this way without validating the query string
        again (nor parsing `q` again) once per facet."""
        queryset = self.queryset.all()
        for name, value in self.form.cleaned_data.items():
            if name not in names:
                queryset = self.filters[name].filter(queryset, value)
        return queryset.order_by()

    def errors_as_text(self):
        """Flat list of messages for the page and the 400 response."""
        messages = []
        for field, errors in self.form.errors.items():
            label = self.form.fields[field].label if field in self.form.fields else ""
            for error in errors:
                # A message naming its field ("La région « 99 » n'existe pas.") reads alone.
                named = label and str(label).casefold() in str(error).casefold()
                messages.append(f"{label} : {error}" if label and not named else str(error))
        return messages


def search_field():
    return forms.CharField(
        required=False, max_length=MAX_QUERY_LENGTH, label=_("Mots-clés"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ex. données de santé")}),
    )


class SearchFilterSet(StrictFilterSet):
    """A listing searched by `q` (the queryset's `search` method says how)."""

    q = django_filters.CharFilter(method="filter_search")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"] = search_field()

    @cached_property
    def query(self):
        """The parsed `q` (see `search.query`), once per FilterSet."""
        data = getattr(self.form, "cleaned_data", {}) or {}
        return self.queryset.parsed(data.get("q") or "")

    def filter_search(self, queryset, name, value):
        return queryset.search(self.query) if value else queryset
