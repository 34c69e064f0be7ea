"""The JSON shapes of the API. Read-only; every relation comes from the rows the public pages
prefetch (published entries only), never from a lazy lookup: no extra query, nothing unpublished."""
from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actors.models import Actor
from programmes.models import Programme, ProgrammeActor
from programmes.status import Recurrence, Status
from territories.models import Territory

from .codes import cog_code


def money():
    return serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)


def text(**kwargs):
    return serializers.CharField(**kwargs)


class TerritoryRefSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Territory.Kind.choices, help_text="continent, country, region, department, epci")
    code = text(source="insee_code", help_text="Code INSEE (région 53, département 35, SIREN d'EPCI, FR, EU).")
    ref = text(source="code", help_text="Forme des fichiers CSV : region:53.")
    cog = serializers.SerializerMethodField(help_text="Forme COG : REG-53, DEP-35, EPCI-243500139, FR, EU.")
    name = text()
    slug = text()

    @extend_schema_field(OpenApiTypes.STR)
    def get_cog(self, territory):
        return cog_code(territory)


class TerritorySerializer(TerritoryRefSerializer):
    kind_label = text(source="get_kind_display")
    parents = serializers.SerializerMethodField(help_text="Territoires parents directs, forme kind:code.")

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_parents(self, territory):
        return sorted(parent.code for parent in territory.parents.all())


class ReferenceSerializer(serializers.Serializer):
    slug = text()
    name = text()
    name_en = text()


class ActorRefSerializer(serializers.Serializer):
    uid = serializers.UUIDField()
    slug = text()
    name = text()
    acronym = text()
    kind = serializers.ChoiceField(choices=Actor.Kind.choices)


class ProgrammeRefSerializer(serializers.Serializer):
    uid = serializers.UUIDField()
    slug = text()
    title = text()


class RoleSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ProgrammeActor.Role.choices)
    role_label = text(source="get_role_display")
    actor = ActorRefSerializer()


class PageUrlMixin(serializers.Serializer):
    page_url = serializers.SerializerMethodField(help_text="Page publique de la fiche.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_page_url(self, entry):
        return settings.SITE_URL + entry.get_absolute_url()


class ProgrammeSerializer(PageUrlMixin):
    uid = serializers.UUIDField(help_text="Identifiant permanent : ne change jamais, même si le slug change.")
    slug = text()
    title = text()
    kind = serializers.ChoiceField(choices=Programme.Kind.choices)
    kind_label = text(source="get_kind_display")
    status = serializers.ChoiceField(choices=Status.choices)
    status_label = text(source="get_status_display")
    opens_on = serializers.DateField(allow_null=True)
    deadline = serializers.DateField(allow_null=True)
    recurrence = serializers.ChoiceField(choices=Recurrence.choices)
    total_budget_eur = money()
    amount_min_eur = money()
    amount_max_eur = money()
    territories = TerritoryRefSerializer(many=True)
    actors = RoleSerializer(many=True, source="roles")
    themes = ReferenceSerializer(many=True)
    audiences = ReferenceSerializer(many=True)
    parent = ProgrammeRefSerializer(source="public_parent", allow_null=True, help_text="Programme parent (publié).")
    summary = text()
    description = text()
    website = text()
    contact_name = text()
    contact_email = text()
    source = text()
    last_verified_on = serializers.DateField(allow_null=True)
    updated_at = serializers.DateTimeField()

    def to_representation(self, programme):
        # The amounts are the model's fields, named with their unit as in the CSV columns.
        programme.total_budget_eur = programme.total_budget
        programme.amount_min_eur = programme.amount_min
        programme.amount_max_eur = programme.amount_max
        return super().to_representation(programme)


class ProjectSerializer(serializers.Serializer):
    uid = serializers.UUIDField(help_text="Identifiant permanent : ne change jamais, même si le slug change.")
    slug = text()
    title = text()
    programme = ProgrammeRefSerializer(allow_null=True, help_text="Vide si le programme n'est pas publié.")
    beneficiary = ActorRefSerializer(allow_null=True, help_text="Vide si le bénéficiaire n'est pas publié.")
    partners = ActorRefSerializer(many=True)
    year = serializers.IntegerField(allow_null=True)
    awarded_on = serializers.DateField(allow_null=True)
    amount_eur = money()
    territory = TerritoryRefSerializer(allow_null=True)
    description = text()
    website = text()
    source = text()

    def to_representation(self, project):
        project.amount_eur = project.amount
        return super().to_representation(project)


class ProgrammeDetailSerializer(ProgrammeSerializer):
    funded_projects = ProjectSerializer(many=True, source="public_projects", help_text="Projets financés publiés.")


class ActorSerializer(PageUrlMixin):
    uid = serializers.UUIDField(help_text="Identifiant permanent : ne change jamais, même si le slug change.")
    slug = text()
    name = text()
    acronym = text()
    kind = serializers.ChoiceField(choices=Actor.Kind.choices)
    kind_label = text(source="get_kind_display")
    seat = TerritoryRefSerializer(allow_null=True)
    siren = text()
    website = text()
    description = text()
    source = text()
    updated_at = serializers.DateTimeField()
