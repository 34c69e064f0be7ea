from django.contrib import admin
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .codes import normalized_or_none
from .models import Territory, place_key


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    """The reference geography, read only: it comes from `data/geography.csv.gz` (`load_geography`),
    not from editors, and has no history or revision. Its search serves every territory picker
    (the programmes', projects' and organisations' autocompletes): name (accents aside), code or
    postal code among the 36,000 territories."""

    list_display = ["name", "kind", "insee_code", "postal_codes", "population"]
    list_filter = ["kind"]
    search_fields = ["name", "insee_code", "postal_codes"]
    search_help_text = _("Nom, code INSEE ou SIREN, ou code postal.")
    ordering = ["kind", "insee_code"]
    show_full_result_count = False  # no COUNT(*) of 36,000 rows at each search

    def get_search_results(self, request, queryset, search_term):
        """A code in any accepted form, else each word matches the start of a name word (accents and
        case aside), of a code or of a postal code."""
        code = normalized_or_none(search_term) if not search_term.strip().isdigit() else None
        if code is not None:  # `DEP-35`, `COM-35238`, `epci:243500139`
            kind, insee_code = code.split(":", 1)
            return queryset.filter(kind=kind, insee_code=insee_code), False
        keys = place_key(search_term).split()
        for key in keys:
            queryset = queryset.filter(
                Q(search_name__startswith=key) | Q(search_name__contains=f" {key}") | Q(insee_code__istartswith=key)
                | Q(postal_codes__startswith=key) | Q(postal_codes__contains=f" {key}"),
            )
        if keys:
            # In a picker, the widest and most populated first: "rennes" offers Rennes Métropole and Rennes.
            queryset = queryset.order_by(F("population").desc(nulls_last=True), "name", "id")
        return queryset, False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RegionListFilter(admin.SimpleListFilter):
    """Admin list filter by region; the model's queryset says what "in" means (`located_in`)."""

    title = _("région")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [(r.insee_code, r.name) for r in Territory.objects.regions()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        region = Territory.objects.regions().filter(insee_code=self.value()).first()
        return queryset.none() if region is None else queryset.located_in(region)
