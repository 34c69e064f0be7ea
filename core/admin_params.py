"""Admin query strings checked before the admin's views read them: a bad one is a 400, not a 500.

Django's admin turns `?parent=abc` on an add page into the form's initial value and then
looks it up as an id while rendering the widget (ValueError), and it reads an empty
`?_to_field=` as a field named "" (FieldDoesNotExist): both end in a 500. The admin's own
popups always send a field name and valid ids, so refusing these costs nobody anything.
"""
from django.contrib.admin.options import TO_FIELD_VAR
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext as _

FORM_VIEWS = ("add_view", "change_view")


class AdminParamsMiddleware:
    """400 with a message for an empty `_to_field` or an initial relation value that is no id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        model_admin = getattr(view_func, "model_admin", None)
        if model_admin is None:
            return None
        message = _empty_to_field(request)
        if message is None and getattr(view_func, "__name__", "") in FORM_VIEWS and request.method == "GET":
            message = _bad_initial(model_admin.model, request.GET)
        if message is None:
            return None
        return render(request, "400.html", {"messages_400": [message]}, status=400)


def _empty_to_field(request):
    values = request.GET.getlist(TO_FIELD_VAR) + (request.POST.getlist(TO_FIELD_VAR) if request.method == "POST" else [])
    if any(not value for value in values):
        return _("Le paramètre « %(name)s » est vide : indiquez un champ ou retirez-le.") % {"name": TO_FIELD_VAR}
    return None


def _bad_initial(model, params):
    """The message naming the first parameter that gives a relation a value that is not an id, or None."""
    for name, values in params.lists():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.is_relation or not getattr(field, "concrete", False):
            continue
        target = field.target_field if not field.many_to_many else field.remote_field.model._meta.pk
        for value in _ids(values, field.many_to_many):
            try:
                target.run_validators(target.to_python(value))
            except ValidationError:
                return _("Le paramètre « %(name)s » vaut « %(value)s », qui n'est pas un identifiant.") % {"name": name, "value": value[:40]}
    return None


def _ids(values, many):
    """The ids a parameter gives, as the admin reads them (a many-to-many one: comma-separated)."""
    for value in values:
        for part in value.split(",") if many else [value]:
            if part:
                yield part
