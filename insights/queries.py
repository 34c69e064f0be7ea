"""The figures of /statistiques/ and of the map: one GROUP BY query each, published entries only.

Each table is a `Table`: rows of (code, label, number[, amount]) ready for a chart, an HTML
table and a CSV file alike.
"""
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, Q, Sum
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.arrays import elements_join
from programmes.filters import filter_programmes
from programmes.listing.facet_counts import facet_counts
from programmes.models import FundedProject, Programme, Theme
from programmes.status import Status
from territories.models import Territory, TerritoryClosure

# The listing's own filters behind the map's counts: what a region's link then lists.
OPEN_LOCAL = "status=open&scope=local"


@dataclass
class Table:
    slug: str
    title: str
    columns: list
    rows: list = field(default_factory=list)
    money: bool = False  # the last column is an amount in euros
    # Money tables: per row, how many of its projects have no amount (their sum says nothing of them).
    unknown: list = field(default_factory=list)
    chart: bool = True  # False: a table only (a hundred bars would be too long to read)


def programmes_by_region(params=""):
    """({insee_code: programmes of the region itself}, national and European ones) among the
    listing's results for `params`, counted as its region facet is (one SQL statement on its
    own FilterSet): a region's link (`…&region=XX&scope=local`) lists as many."""
    filterset = filter_programmes(QueryDict(params))
    filterset.is_valid()
    counts = facet_counts(filterset)
    return counts["region_own"], counts["supra_national"]


def open_programmes_by_region():
    """The same for the open programmes (the regions map, cached)."""
    return programmes_by_region("status=open")


def _choices_table(slug, title, counts, choices):
    return Table(slug, title, [_("Code"), _("Libellé"), _("Programmes")],
                 [(value, str(label), counts.get(value, 0)) for value, label in choices])


def by_kind():
    counts = dict(Programme.objects.published().order_by().values_list("kind").annotate(n=Count("id")))
    return _choices_table("types", _("Programmes par type"), counts, Programme.Kind.choices)


def by_status():
    rows = Programme.objects.published().with_status().order_by().values_list("computed_status").annotate(n=Count("id"))
    return _choices_table("statuts", _("Programmes par statut"), dict(rows), Status.choices)


def by_theme():
    links = Programme.themes.through.objects.filter(programme__in=Programme.objects.published())
    counts = dict(links.order_by().values_list("theme_id").annotate(n=Count("programme_id")))
    rows = [(t.slug, t.label, counts.get(t.id, 0)) for t in Theme.objects.all()]
    return Table("thematiques", _("Programmes par thématique"), [_("Code"), _("Libellé"), _("Programmes")], rows)


def by_region():
    counts, national = programmes_by_region("closed=include")  # every published programme, as the other tables
    rows = [(r.insee_code, r.name, counts.get(r.insee_code, 0)) for r in Territory.objects.regions()]
    rows.append(("FR", str(_("National ou européen (toutes les régions)")), national))
    return Table("regions", _("Programmes propres à chaque région"), [_("Code INSEE"), _("Région"), _("Programmes")], rows)


def _department_keys():
    """SQL of (department id, key): the keys the listing looks for in `?department=D&scope=local`
    (`programmes.listing.keys.territory_keys_applying_in`): D, and minus each territory containing D (D
    included) but France and Europe."""
    quote = connection.ops.quote_name
    territories, closure = quote(Territory._meta.db_table), quote(TerritoryClosure._meta.db_table)
    sql = (f"SELECT d.id, d.id FROM {territories} d WHERE d.kind = %s UNION ALL"
           f" SELECT c.descendant_id, -c.ancestor_id FROM {closure} c JOIN {territories} d ON d.id = c.descendant_id AND d.kind = %s"
           f" JOIN {territories} a ON a.id = c.ancestor_id AND a.kind NOT IN (%s, %s)")
    return sql, [Territory.Kind.DEPARTMENT, Territory.Kind.DEPARTMENT, *Territory.SUPRA_NATIONAL]


def programmes_by_department():
    """{insee_code: programmes of the department itself}, as the listing's
    `?department=XX&scope=local&closed=include` counts them: its rows (one FilterSet) whose
    keys meet the department's, each once. The programmes of a territory inside the department
    and of its region count ("propres" is `scope=local`: all but France's and Europe's), so a
    department's link lists as many. One statement, a GROUP BY over the keys' elements."""
    filterset = filter_programmes(QueryDict("scope=local&closed=include"))
    filterset.is_valid()
    rows = filterset.qs.prefetch_related(None).order_by().values("id", "territory_keys")
    sql, params = rows.query.sql_with_params()
    keys_sql, keys_params = _department_keys()
    territories = connection.ops.quote_name(Territory._meta.db_table)
    statement = (f"WITH f (id, territory_keys) AS ({sql}), w (department_id, k) AS ({keys_sql})"
                 f" SELECT t.insee_code, COUNT(DISTINCT f.id) FROM f {elements_join(connection, 'f.territory_keys', 'e')}"
                 f" JOIN w ON w.k = e.value JOIN {territories} t ON t.id = w.department_id GROUP BY t.insee_code")
    with connection.cursor() as cursor:
        cursor.execute(statement, [*params, *keys_params])
        return dict(cursor.fetchall())


def by_department():
    counts = programmes_by_department()
    departments = Territory.objects.filter(kind=Territory.Kind.DEPARTMENT).order_by("insee_code")
    rows = [(d.insee_code, d.name, counts.get(d.insee_code, 0)) for d in departments.only("insee_code", "name")]
    return Table("departements", _("Programmes propres à chaque département"),
                 [_("Code INSEE"), _("Département"), _("Programmes")], rows, chart=False)


# Projects counted apart when their amount is not given: "0 €" would say they got nothing.
UNKNOWN = Count("id", filter=Q(amount__isnull=True))


def funding_by_year():
    grouped = list(FundedProject.objects.published().order_by(F("year").asc(nulls_last=True)).values_list("year")
                   .annotate(n=Count("id"), total=Sum("amount"), unknown=UNKNOWN))
    rows = [(str(year or ""), str(year or _("Année non renseignée")), n, total or 0) for year, n, total, _unknown in grouped]
    return Table("financements-annees", _("Montants attribués par année"),
                 [_("Année"), _("Libellé"), _("Projets"), _("Montant (€)")], rows, money=True,
                 unknown=[unknown for *_rest, unknown in grouped])


def funding_by_region():
    projects = FundedProject.objects.published()
    grouped = (projects.filter(territory__ancestors__kind=Territory.Kind.REGION).order_by()
               .values_list(F("territory__ancestors__insee_code")).annotate(n=Count("id"), total=Sum("amount"), unknown=UNKNOWN))
    found = {code: (n, total or 0, unknown) for code, n, total, unknown in grouped}
    regions = [(r.insee_code, r.name, *found.get(r.insee_code, (0, 0, 0))) for r in Territory.objects.regions()]
    everything = projects.order_by().aggregate(n=Count("id"), total=Sum("amount"), unknown=UNKNOWN)
    regions.append(("", str(_("Hors région (national, européen ou non renseigné)")), everything["n"] - sum(r[2] for r in regions),
                    (everything["total"] or 0) - sum(r[3] for r in regions), everything["unknown"] - sum(r[4] for r in regions)))
    return Table("financements-regions", _("Montants attribués par région"),
                 [_("Code INSEE"), _("Région"), _("Projets"), _("Montant (€)")], [r[:4] for r in regions], money=True,
                 unknown=[r[4] for r in regions])


TABLES = {
    "types": by_kind, "thematiques": by_theme, "statuts": by_status, "regions": by_region, "departements": by_department,
    "financements-annees": funding_by_year, "financements-regions": funding_by_region,
}
