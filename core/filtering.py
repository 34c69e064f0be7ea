"""Building blocks shared by every public FilterSet (programmes, actors, projects)."""
import copy
from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_filters import fields

from .directory_version import directory_version

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


class SharedFields(dict):
    """A form class's fields, which Django deep-copies for every form (widgets, choices,
    querysets, error messages: a fifteenth of a listing request). A form only needs a field
    and a widget of its own to change (`empty_label`, `choices`, another widget); the
    choices, querysets and messages they hold are replaced, never changed in place, and are
    shared."""

    def __deepcopy__(self, memo):
        return {name: _own_field(field) for name, field in self.items()}


def _own_field(field):
    own = copy.copy(field)
    own.widget = copy.copy(field.widget)
    if hasattr(field, "queryset"):
        # A model field's choices read the field they were made from (its `empty_label`).
        own.widget.choices = own.choices
    return own


class KeptRows:
    """A reference table's rows (regions, themes…) by the value a query string names them by,
    read once per directory version and process: every write to the directory's tables bumps
    the version, so a renamed or new row is seen at once. Shared by a field's copies (a form
    copies its fields shallowly), so a listing validates `?region=53&theme=e-sante` without a
    query (the two lookups were a tenth of a listing request)."""

    def __init__(self):
        self._kept = (None, {})

    def by_key(self, queryset, key):
        version = directory_version()[0]
        kept_version, rows = self._kept
        if kept_version != version:
            rows = {str(getattr(row, key)): row for row in queryset.all()}
            self._kept = (version, rows)  # one assignment: threads see the old pair or the new
        return rows


class _KeptLookup:
    """Looks a value up in `KeptRows` rather than in the database."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = KeptRows()

    def kept_row(self, value):
        self.validate_no_null_characters(value)
        row = self.kept.by_key(self.queryset, self.to_field_name or "pk").get(str(value))
        if row is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value})
        return row


class _KeptChoice(_KeptLookup, forms.ModelChoiceField):
    def to_python(self, value):
        return None if value in self.empty_values else self.kept_row(value)


class _KeptMultipleChoice(_KeptLookup, forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        """A list of rows (Django's field gives a QuerySet, read from the database)."""
        try:
            values = sorted(frozenset(value), key=str)
        except TypeError:  # a list of lists is not hashable
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list") from None
        return [self.kept_row(given) for given in values]


# django-filter's fields first: they keep their own handling of `null_value`, then look up.
class KeptModelChoiceField(fields.ModelChoiceField, _KeptChoice):
    """A ModelChoiceField checked against `KeptRows`; the form still lists the queryset."""


class KeptModelMultipleChoiceField(fields.ModelMultipleChoiceField, _KeptMultipleChoice):
    """A ModelMultipleChoiceField checked against `KeptRows`: cleans to a list of rows."""


class KeptModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = KeptModelChoiceField


class KeptModelMultipleChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = KeptModelMultipleChoiceField


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
            form_class.base_fields = SharedFields(form_class.base_fields)
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


class SearchFilterSet(StrictFilterSet):
    """A listing searched by `q` (the queryset's `search` method says how)."""

    q = django_filters.CharFilter(
        method="filter_search", max_length=MAX_QUERY_LENGTH, label=_("Mots-clés"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("ex. données de santé")}),
    )

    @cached_property
    def query(self):
        """The parsed `q` (see `search.query`), once per FilterSet."""
        data = getattr(self.form, "cleaned_data", {}) or {}
        return self.queryset.parsed(data.get("q") or "")

    def filter_search(self, queryset, name, value):
        return queryset.search(self.query) if value else queryset
