"""Read-only endpoints: each list is its public listing's FilterSet over the same published rows
(`Programme.objects.published().for_listing()`…), so that an API answer equals the page and the
CSV export for the same parameters. Details are looked up by slug or by permanent `uid`."""
import uuid

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from actors.filters import ActorFilter
from actors.models import Actor
from programmes.filters import ProgrammeFilter, ProjectFilter, public_programmes
from programmes.models import Audience, FundedProject, Programme, Theme
from territories.models import Territory

from . import serializers
from .filtering import PublicFilterBackend, TerritoryFilter
from .pagination import PagePagination

KEY = OpenApiParameter("key", str, OpenApiParameter.PATH, description="slug ou uid (UUID) de la fiche")


def by_slug_or_uid(queryset, key):
    """The row whose slug or permanent uid is `key` (404 otherwise)."""
    try:
        condition = Q(uid=uuid.UUID(key))
    except ValueError:
        condition = Q(slug=key)
    return get_object_or_404(queryset, condition)


class ListView(ListAPIView):
    filter_backends = [PublicFilterBackend]
    pagination_class = PagePagination


class DetailView(RetrieveAPIView):
    def get_object(self):
        return by_slug_or_uid(self.get_queryset(), self.kwargs["key"])


def api_programmes():
    """The public programmes, with their parent when it is published (nothing else of it)."""
    parents = Programme.objects.published().only("id", "uid", "slug", "title")
    return public_programmes().prefetch_related(Prefetch("parent", queryset=parents, to_attr="public_parent"))


@extend_schema(tags=["programmes"], summary="Programmes publiés, filtrés et triés comme /programmes/")
class ProgrammeList(ListView):
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        return api_programmes()


@extend_schema_view(get=extend_schema(tags=["programmes"], summary="Un programme et ses projets financés publiés", parameters=[KEY]))
class ProgrammeDetail(DetailView):
    serializer_class = serializers.ProgrammeDetailSerializer

    def get_queryset(self):
        return api_programmes()

    def get_object(self):
        programme = super().get_object()
        # As the page: the published projects, their unpublished beneficiary or partners left out.
        programme.public_projects = list(
            FundedProject.objects.published().for_listing().filter(programme=programme).order_by("-year", "title", "id")
        )
        return programme


@extend_schema(tags=["acteurs"], summary="Organisations publiées, comme /acteurs/")
class ActorList(ListView):
    serializer_class = serializers.ActorSerializer
    filterset_class = ActorFilter

    def get_queryset(self):
        return Actor.objects.published().for_listing()


@extend_schema_view(get=extend_schema(tags=["acteurs"], summary="Une organisation publiée", parameters=[KEY]))
class ActorDetail(DetailView):
    serializer_class = serializers.ActorSerializer

    def get_queryset(self):
        return Actor.objects.published().for_listing()


@extend_schema(tags=["projets"], summary="Projets financés publiés, comme /projets/")
class ProjectList(ListView):
    serializer_class = serializers.ProjectSerializer
    filterset_class = ProjectFilter

    def get_queryset(self):
        return FundedProject.objects.published().for_listing()


@extend_schema_view(get=extend_schema(tags=["projets"], summary="Un projet financé publié", parameters=[KEY]))
class ProjectDetail(DetailView):
    serializer_class = serializers.ProjectSerializer

    def get_queryset(self):
        return FundedProject.objects.published().for_listing()


@extend_schema(tags=["référentiels"], summary="Territoires : codes INSEE et COG")
class TerritoryList(ListView):
    serializer_class = serializers.TerritorySerializer
    filterset_class = TerritoryFilter

    def get_queryset(self):
        return Territory.objects.prefetch_related("parents")


TERRITORY_KEY = OpenApiParameter("key", str, OpenApiParameter.PATH, description="slug ou code kind:code (region:53)")


@extend_schema_view(get=extend_schema(tags=["référentiels"], summary="Un territoire", parameters=[TERRITORY_KEY]))
class TerritoryDetail(DetailView):
    serializer_class = serializers.TerritorySerializer

    def get_queryset(self):
        return Territory.objects.prefetch_related("parents")

    def get_object(self):
        kind, sep, code = self.kwargs["key"].partition(":")
        condition = Q(kind=kind, insee_code=code) if sep else Q(slug=kind)
        return get_object_or_404(self.get_queryset(), condition)


SLUG_KEY = OpenApiParameter("key", str, OpenApiParameter.PATH, description="slug")


class ReferenceList(ListView):
    """A reference list (themes, audiences), in the editors' order."""

    model = None
    serializer_class = serializers.ReferenceSerializer
    filter_backends = []

    def get_queryset(self):
        return self.model.objects.order_by("position", "name", "id")


class ReferenceDetail(DetailView):
    model = None
    serializer_class = serializers.ReferenceSerializer

    def get_object(self):
        return get_object_or_404(self.model.objects.all(), slug=self.kwargs["key"])


@extend_schema(tags=["référentiels"], summary="Thématiques (valeurs du paramètre theme)")
class ThemeList(ReferenceList):
    model = Theme


@extend_schema_view(get=extend_schema(tags=["référentiels"], summary="Une thématique", parameters=[SLUG_KEY]))
class ThemeDetail(ReferenceDetail):
    model = Theme


@extend_schema(tags=["référentiels"], summary="Publics éligibles (valeurs du paramètre audience)")
class AudienceList(ReferenceList):
    model = Audience


@extend_schema_view(get=extend_schema(tags=["référentiels"], summary="Un public éligible", parameters=[SLUG_KEY]))
class AudienceDetail(ReferenceDetail):
    model = Audience


@extend_schema(exclude=True)
class Index(APIView):
    """/api/v1/: where everything is (not an operation of the document it links to)."""

    NAMES = ("programmes", "actors", "projects", "territories", "themes", "audiences", "openapi", "docs")

    def get(self, request):
        return Response({name: request.build_absolute_uri(reverse(f"api:{name}")) for name in self.NAMES})
