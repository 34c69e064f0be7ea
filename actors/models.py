"""Territories (French geography with a containment closure) and actors."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .text import join_for_search, search_words
from .validators import validate_siren


class Territory(models.Model):
    class Kind(models.TextChoices):
        CONTINENT = "continent", _("Continent")
        COUNTRY = "country", _("Pays")
        REGION = "region", _("Région")
        DEPARTMENT = "department", _("Département")
        EPCI = "epci", _("Métropole / intercommunalité")

    # Kinds above any region: their programmes apply everywhere in France.
    SUPRA_NATIONAL = (Kind.COUNTRY, Kind.CONTINENT)

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    # INSEE code: region "53", department "35", EPCI SIREN; "FR" / "EU" above.
    insee_code = models.CharField(_("code INSEE"), max_length=12)
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=200, unique=True)
    parents = models.ManyToManyField(
        "self", symmetrical=False, related_name="children", blank=True, verbose_name=_("parents directs")
    )
    # Transitive closure, self included: "inside X" and "containing X" are one join each.
    ancestors = models.ManyToManyField(
        "self", through="TerritoryClosure", through_fields=("descendant", "ancestor"),
        symmetrical=False, related_name="descendants",
    )

    class Meta:
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["kind", "insee_code"], name="territory_kind_code_unique")]

    def __str__(self):
        if self.kind in (self.Kind.REGION, self.Kind.CONTINENT, self.Kind.COUNTRY):
            return self.name
        return f"{self.name} ({self.insee_code})" if self.kind == self.Kind.DEPARTMENT else self.name

    @property
    def is_supra_national(self):
        return self.kind in self.SUPRA_NATIONAL


class TerritoryClosure(models.Model):
    """One row per (territory, ancestor) pair, including (t, t) at depth 0."""

    descendant = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    ancestor = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+")
    depth = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["descendant", "ancestor"], name="closure_pair_unique")]
        indexes = [models.Index(fields=["ancestor", "descendant"])]

    @classmethod
    def rebuild(cls):
        """Recompute the whole closure; a few hundred territories make this instant."""
        parents = {}
        for child_id, parent_id in Territory.parents.through.objects.values_list("from_territory_id", "to_territory_id"):
            parents.setdefault(child_id, []).append(parent_id)
        rows = []
        for territory_id in Territory.objects.values_list("id", flat=True):
            for ancestor_id, depth in _walk_up(territory_id, parents).items():
                rows.append(cls(descendant_id=territory_id, ancestor_id=ancestor_id, depth=depth))
        cls.objects.all().delete()
        cls.objects.bulk_create(rows, batch_size=500)


def _walk_up(territory_id, parents):
    """Breadth-first walk to every ancestor, keeping the shortest depth; cycles stop."""
    depths = {territory_id: 0}
    frontier = [territory_id]
    while frontier:
        next_frontier = []
        for node in frontier:
            for parent in parents.get(node, ()):
                if parent not in depths:
                    depths[parent] = depths[node] + 1
                    next_frontier.append(parent)
        frontier = next_frontier
    return depths


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Soumis pour relecture")
    PUBLISHED = "published", _("Publié")
    ARCHIVED = "archived", _("Archivé")


class PublishedQuerySet(models.QuerySet):
    """Shared by every public model: publication and folded-text search."""

    def published(self):
        return self.filter(publication_state=PublicationState.PUBLISHED)

    def search(self, query):
        """AND of the folded words over the denormalised `search_text`."""
        queryset = self
        for word in search_words(query):
            queryset = queryset.filter(search_text__contains=word)
        return queryset


class Publishable(models.Model):
    """Publication state and provenance shared by every public entry."""

    publication_state = models.CharField(
        _("état de publication"), max_length=20, choices=PublicationState.choices,
        default=PublicationState.DRAFT, db_index=True,
    )
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False, verbose_name=_("publié par"),
    )
    source = models.TextField(_("source"), blank=True, help_text=_("Document ou page d'où viennent ces informations."))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def is_public(self):
        return self.publication_state == PublicationState.PUBLISHED


class ActorQuerySet(PublishedQuerySet):
    def for_listing(self):
        return self.select_related("seat")

    def in_territory(self, territory):
        """Actors seated in `territory` or anywhere inside it."""
        return self.filter(seat__ancestors=territory)


class Actor(Publishable):
    class Kind(models.TextChoices):
        STATE = "state", _("État / ministère")
        AGENCY = "agency", _("Agence / opérateur public")
        REGION = "region", _("Région")
        DEPARTMENT = "department", _("Département")
        METROPOLE = "metropole", _("Métropole / intercommunalité")
        HOSPITAL = "hospital", _("Établissement de santé (CHU, CH, centre de lutte contre le cancer)")
        UNIVERSITY = "university", _("Université / école")
        RESEARCH = "research", _("Organisme de recherche")
        CLUSTER = "cluster", _("Cluster / pôle de compétitivité / technopole")
        COMPANY = "company", _("Entreprise")
        ASSOCIATION = "association", _("Association")
        OTHER = "other", _("Autre")

    name = models.CharField(_("nom"), max_length=255)
    acronym = models.CharField(_("sigle"), max_length=50, blank=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=255, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, db_index=True)
    seat = models.ForeignKey(
        Territory, null=True, blank=True, on_delete=models.PROTECT, related_name="actors", verbose_name=_("territoire du siège")
    )
    website = models.URLField(_("site web"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    siren = models.CharField(_("SIREN"), max_length=9, blank=True, validators=[validate_siren])
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="organisations", verbose_name=_("comptes éditeurs"),
        help_text=_("Comptes qui éditent les programmes de cette organisation."),
    )
    search_text = models.TextField(editable=False, blank=True)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("acteur")
        verbose_name_plural = _("acteurs")
        ordering = ["name"]
        permissions = [("publish_actor", _("Peut publier et archiver des acteurs"))]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("actors:detail", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        self.siren = (self.siren or "").replace(" ", "")
        self.search_text = join_for_search(self.name, self.acronym, self.description)
        super().save(*args, **kwargs)
