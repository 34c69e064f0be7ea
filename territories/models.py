"""French geography: territories, their containment closure, and the one rule of scope.

A programme, a project or an actor is attached to territories; "applies in X" means
the territory is X, is inside X, or contains X. The closure table makes each of
those one indexed lookup, and `TerritoryScope` is the only place that says so.
"""

from django.db import models
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.utils.translation import gettext_lazy as _

from core.collation import french
from core.indexes import PrefixIndex
from core.text import fold

from .codes import format_code, parse_code


def place_key(text):
    """A place name as searched: folded (`core.text.fold`), hyphens and apostrophes as spaces."""
    return " ".join(fold(text or "").replace("-", " ").replace("'", " ").split())


class TerritoryQuerySet(models.QuerySet):
    def regions(self):
        return self.filter(kind=Territory.Kind.REGION).order_by(french("name"), "id")

    def by_codes(self):
        """{`kind:code`: territory} of these territories, fetched as asked (imports resolve codes with it)."""
        return CodeIndex(self)

    def get_by_code(self, text):
        kind, code = parse_code(text)
        return self.get(kind=kind, insee_code=code)

    def communes(self):
        return self.filter(kind=Territory.Kind.COMMUNE)

    def with_department(self):
        """Each row with `department_code` and `department_name`: its department or overseas collectivity."""
        links = Territory.parents.through.objects.filter(
            from_territory=OuterRef("pk"), to_territory__kind__in=(Territory.Kind.DEPARTMENT, Territory.Kind.COLLECTIVITY),
        ).order_by("to_territory__insee_code")
        return self.annotate(
            department_code=Subquery(links.values("to_territory__insee_code")[:1]),
            department_name=Subquery(links.values("to_territory__name")[:1]),
        )

    def find_communes(self, text):
        """Communes named `text` (its start, case and accents aside: "st" does not match "Saint"),
        or with that postal code or INSEE code (or their first digits), with their department.

        The exact name first, then the most populated: "Saint-Aubin" lists its 13 homonyms."""
        key = place_key(text)
        if not key:
            return self.none()
        if key.replace(" ", "").isdigit():
            digits = key.replace(" ", "")
            found = Q(postal_codes__startswith=digits) | Q(postal_codes__contains=f" {digits}") | Q(insee_code__startswith=digits)
        else:
            found = Q(search_name__startswith=key) | Q(search_name__contains=f" {key}")
        exact = Case(When(search_name=key, then=0), default=1, output_field=models.IntegerField())
        return self.communes().filter(found).with_department().order_by(exact, F("population").desc(nulls_last=True), "name", "id")


class CodeIndex:
    """A `{kind:CODE: territory}` mapping read lazily, one query per distinct code: an import names
    a few dozen of the 36,000 territories. The closest territory to an unknown code is kept too."""

    def __init__(self, queryset):
        self.queryset, self.found, self.suggested = queryset, {}, {}

    def get(self, code, default=None):
        if code not in self.found:
            kind, _sep, insee_code = code.partition(":")
            self.found[code] = self.queryset.filter(kind=kind, insee_code=insee_code).first()
        return self.found[code] or default

    def __getitem__(self, code):
        territory = self.get(code)
        if territory is None:
            raise KeyError(code)
        return territory

    def __contains__(self, code):
        return self.get(code) is not None

    def closest(self, text):
        if text not in self.suggested:
            from .suggest import closest_territory

            self.suggested[text] = closest_territory(text)
        return self.suggested[text]


class Territory(models.Model):
    class Kind(models.TextChoices):
        CONTINENT = "continent", _("Continent")
        COUNTRY = "country", _("Pays")
        REGION = "region", _("Région")
        DEPARTMENT = "department", _("Département")
        EPCI = "epci", _("Métropole / intercommunalité")
        COLLECTIVITY = "collectivity", _("Collectivité d'outre-mer")
        EPT = "ept", _("Établissement public territorial")
        COMMUNE = "commune", _("Commune")

    # Kinds above any region: their programmes apply everywhere in France.
    SUPRA_NATIONAL = (Kind.COUNTRY, Kind.CONTINENT)
    # Kinds a commune belongs to at most one of (as direct parent).
    ONE_PER_COMMUNE = (Kind.EPCI, Kind.EPT)

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    # INSEE code: region "53", department "35", EPCI SIREN; "FR" / "EU" above.
    insee_code = models.CharField(_("code INSEE"), max_length=12)
    name = models.CharField(_("nom"), max_length=200)
    slug = models.SlugField(_("identifiant d'URL"), max_length=200, unique=True)
    # Reference data (data/geography.csv.gz): "35000 35200 35700", searched with `contains`.
    postal_codes = models.CharField(_("codes postaux"), max_length=255, blank=True, default="")
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    # `place_key(name)`: accent- and case-blind searches alike on SQLite and PostgreSQL.
    search_name = models.CharField(max_length=200, blank=True, default="", editable=False)
    # The tables keep the names they had when territories lived in `actors`.
    parents = models.ManyToManyField(
        "self", symmetrical=False, related_name="children", blank=True, verbose_name=_("parents directs"),
        db_table="actors_territory_parents",
    )
    # Transitive closure, self included: "inside X" and "containing X" are one join each.
    ancestors = models.ManyToManyField(
        "self", through="TerritoryClosure", through_fields=("descendant", "ancestor"),
        symmetrical=False, related_name="descendants",
    )

    objects = TerritoryQuerySet.as_manager()

    # Programmes record their territories in their history; `territory.programmes.add(p)` sends
    # the signal with the territory as instance, which django-simple-history must skip (no history).
    skip_history_when_saving = True

    class Meta:
        db_table = "actors_territory"
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["kind", "insee_code"], name="territory_kind_code_unique")]
        # "Où êtes-vous ?": communes by the start of their name or first postal code, from an index.
        indexes = [PrefixIndex(fields=["kind", "search_name"], name="territory_kind_search_name"),
                   PrefixIndex(fields=["kind", "postal_codes"], name="territory_kind_postal_codes")]

    def __str__(self):
        if self.kind in (self.Kind.DEPARTMENT, self.Kind.COMMUNE, self.Kind.COLLECTIVITY):
            return f"{self.name} ({self.insee_code})"
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = place_key(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    @property
    def code(self):
        return format_code(self)


class TerritoryClosure(models.Model):
    """One row per (territory, ancestor) pair, including (t, t) at depth 0."""

    # No index of their own: the unique pair and the (ancestor, descendant) index start with them
    # (200,000 rows with the communes: each redundant index cost 5 MB).
    descendant = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+", db_index=False)
    ancestor = models.ForeignKey(Territory, on_delete=models.CASCADE, related_name="+", db_index=False)
    depth = models.PositiveSmallIntegerField()

    class Meta:
        db_table = "actors_territoryclosure"
        constraints = [models.UniqueConstraint(fields=["descendant", "ancestor"], name="closure_pair_unique")]
        indexes = [models.Index(fields=["ancestor", "descendant"])]


class TerritoryScope:
    """What "in X" means, once: as subqueries (to filter) and as id sets (to explain).

    - inside: X and every territory inside it;
    - containing: every territory containing X (without France and Europe when `local_only`);
    - applies: inside or containing — where a programme of that territory applies in X.
    """

    def __init__(self, territory, *, local_only=False):
        self.territory = territory
        self.local_only = local_only

    def inside(self):
        return TerritoryClosure.objects.filter(ancestor=self.territory).values("descendant_id")

    def containing(self):
        rows = TerritoryClosure.objects.filter(descendant=self.territory)
        if self.local_only:
            rows = rows.exclude(ancestor__kind__in=Territory.SUPRA_NATIONAL)
        return rows.values("ancestor_id")

    def applies_q(self, field):
        """A Q on `field` (a territory id column) for "applies in X".

        The ids are fetched first (two indexed lookups on the small closure table) and
        passed as a list: one `IN (…)` the planner can estimate and serve from the
        column's index, where `IN (subquery) OR IN (subquery)` made it scan every link."""
        return Q(**{f"{field}__in": sorted(self.inside_ids | self.containing_ids)})

    def inside_q(self, field):
        return Q(**{f"{field}__in": self.inside()})

    def _memo(self, name, fetch):
        # Kept on the territory instance, not on this scope: a listing builds a scope per
        # facet from the same validated territory and must not fetch the ids each time.
        memo = self.territory.__dict__.setdefault("_scope_ids", {})
        key = (name, self.local_only)
        if key not in memo:
            memo[key] = set(fetch())
        return memo[key]

    @property
    def inside_ids(self):
        return self._memo("inside", lambda: self.inside().values_list("descendant_id", flat=True))

    @property
    def containing_ids(self):
        return self._memo("containing", lambda: self.containing().values_list("ancestor_id", flat=True))


class ScopeMap:
    """Territories' scopes for indexes that answer "applies in X" without a query per programme:
    the same rule as `TerritoryScope`. Each territory's ancestors and descendants are read when
    first asked (two indexed queries) and kept: the closure has 200,000 rows with the communes."""

    def __init__(self):
        self.supra = frozenset(Territory.objects.filter(kind__in=Territory.SUPRA_NATIONAL).values_list("id", flat=True))
        self.ancestors, self.descendants = {}, {}

    def _related(self, memo, territory_id, column, other):
        if territory_id not in memo:
            rows = TerritoryClosure.objects.filter(**{column: territory_id}).values_list(other, flat=True)
            memo[territory_id] = frozenset(rows)
        return memo[territory_id]

    def applies_ids(self, territory_id, *, local_only=False):
        """X, the territories inside X and those containing it (without France and Europe when `local_only`)."""
        ancestors = self._related(self.ancestors, territory_id, "descendant_id", "ancestor_id")
        descendants = self._related(self.descendants, territory_id, "ancestor_id", "descendant_id")
        containing = ancestors - (self.supra if local_only else set())
        return descendants | containing | {territory_id}
