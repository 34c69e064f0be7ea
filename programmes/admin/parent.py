"""The programme's `parent` field in the admin: an autocomplete among the programmes the user may name.

An editor reaches only its organisations' programmes (`editorial.policy`), but a call usually
belongs to someone else's published strategy (France 2030): the choices are the reachable
programmes and the published ones — never another organisation's draft, neither in the
autocomplete's answers nor when the submitted form is checked.
"""
from editorial import policy

from ..models import Programme


def parent_choices(user):
    programmes = Programme.objects.all()
    return policy.reachable(user, programmes) | programmes.published()


def _asks_parent_choices(request):
    match = getattr(request, "resolver_match", None)
    params = request.GET
    return bool(match and match.url_name == "autocomplete" and params.get("app_label") == "programmes"
                and params.get("model_name") == "programme" and params.get("field_name") == "parent")


class ParentChoiceMixin:
    def get_queryset(self, request):
        if _asks_parent_choices(request):
            return parent_choices(request.user)
        return super().get_queryset(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "parent":
            kwargs["queryset"] = parent_choices(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
