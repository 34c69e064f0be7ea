"""The OpenAPI document: the FilterSets' parameters typed, and the answers besides 200."""
import copy

import django_filters
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.drainage import has_override, set_override
from drf_spectacular.types import OpenApiTypes

ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {"detail": {"type": "string"}, "errors": {"type": "array", "items": {"type": "string"}}},
}


def _json(description):
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def add_error_responses(result, generator, request, public):
    """400 (bad parameter, the listing's messages), 404 (no such entry or page), 429 (rate limit, Retry-After)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    retry = {"Retry-After": {"description": "Secondes avant de réessayer.", "schema": {"type": "integer", "minimum": 1}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            responses.setdefault("400", _json("Paramètre invalide : les messages de la page."))
            responses.setdefault("429", {**_json("Trop de requêtes."), "headers": retry})
            responses.setdefault("404", _json("Aucune fiche publiée sous cet identifiant, ou page au-delà de la dernière."))
    return result

DESCRIPTIONS = {
    "q": "Mots-clés, comme la recherche des pages : \"expression exacte\", -exclu, a OU b.",
    "region": "Code INSEE d'une région (53) ; voir /api/v1/territories/?kind=region.",
    "department": "Code INSEE d'un département (35) ; voir /api/v1/territories/?kind=department.",
    "commune": "Code INSEE d'une commune (35238) : les programmes qui s'y appliquent (la commune, son intercommunalité, son département…).",
    "epci": "SIREN d'une intercommunalité ou d'un EPT (243500139) ; voir /api/v1/territories/?kind=epci.",
    "actor": "slug d'un acteur publié.",
    "programme": "slug d'un programme publié qui a des projets financés publiés.",
    "year": "Année d'attribution (1900 à 2100).",
}


class PublicFilterExtension(DjangoFilterExtension):
    """The pages' FilterSets, as DjangoFilterExtension reads them, but a reference to one entry
    (`region=53`, `actor=<slug>`: a ModelChoiceFilter by `to_field_name`) typed as the string it is,
    where the generic extension finds no such model field and warns (a `check --deploy` warning)."""

    target_class = "api.filtering.PublicFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        single = isinstance(filter_field, django_filters.ModelChoiceFilter)
        if single and not has_override(filter_field, "field"):
            # A copy: the FilterSet's own filter (shared with the pages) stays untouched.
            filter_field = copy.copy(filter_field)
            set_override(filter_field, "field", OpenApiTypes.STR)
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        for parameter in parameters:
            parameter.setdefault("description", DESCRIPTIONS.get(field_name, ""))
        return parameters
