"""Organisations ("actors") that run, fund or take part in programmes."""
import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from editorial.models import Publishable, PublishableQuerySet
from search.index import INDEX_FIELDS, DocumentField, FtsEntry, FullTextQuerySet, write_index
from territories.models import Territory, TerritoryScope

from .validators import validate_siren


class ActorQuerySet(FullTextQuerySet, PublishableQuerySet):
    searched_fields = frozenset({"name", "acronym", "description"})

    def for_listing(self):
        return self.select_related("seat")

    def located_in(self, territory):
        """Actors seated in `territory` or anywhere inside it."""
        return self.filter(TerritoryScope(territory).inside_q("seat_id"))

    def owned_by(self, user):
        return self.filter(editors=user)

    def reindex(self):
        """Re-index these rows, in bulk: name and acronym weigh most, then the description."""
        rows = self.values_list("id", "name", "acronym", "description")
        write_index(Actor, {pk: (f"{name} {acronym}", "", "", description) for pk, name, acronym, description in rows})



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
    # The stable identifier of open data (API, national schema): a slug may change, this never does.
    uid = models.UUIDField(_("identifiant permanent"), default=uuid.uuid4, unique=True, editable=False)
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
    # The search index (see `search.index`): analysed terms by weight, and PostgreSQL's vector.
    search_a = models.TextField(editable=False, blank=True)
    search_b = models.TextField(editable=False, blank=True)
    search_c = models.TextField(editable=False, blank=True)
    search_d = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=INDEX_FIELDS)

    class Meta:
        verbose_name = _("acteur")
        verbose_name_plural = _("acteurs")
        ordering = ["name"]
        permissions = [("publish_actor", _("Peut publier et archiver des acteurs"))]

    def __str__(self):
        # "ALLIS-NA", not "ALLIS-NA (ALLIS-NA)", when the name is the acronym.
        if self.acronym and self.acronym.casefold() != self.name.casefold():
            return f"{self.name} ({self.acronym})"
        return self.name

    def get_absolute_url(self):
        return reverse("actors:detail", kwargs={"slug": self.slug})

    def clean(self):
        self.siren = (self.siren or "").replace(" ", "")


class ActorFts(FtsEntry):
    entry = models.OneToOneField(Actor, primary_key=True, db_column="rowid", related_name="fts_entry",
                                 on_delete=models.DO_NOTHING, db_constraint=False)
    document = DocumentField(db_column="actors_actor_fts")

    class Meta(FtsEntry.Meta):
        db_table = "actors_actor_fts"
