"""The one FilterSet behind the programme listing, its facets and its CSV export."""
from functools import lru_cache

import django_filters
from django import forms
from django.db.models import F, Q
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from core.collation import french
from core.filtering import KeptModelMultipleChoiceFilter, SearchFilterSet
from territories.filters import place_filter, region_filter, territory_filter
from territories.models import Territory

from .models import Audience, FundedProject, Programme, Theme, applies_in_q
from .status import Status, today


class Sort:
    RELEVANCE = "relevance"
    DEADLINE = "deadline"
    RECENT = "recent"
    TITLE = "title"
    CHOICES = [
        (RELEVANCE, _("Pertinence")),
        (DEADLINE, _("Date limite la plus proche")),
        (RECENT, _("Ajouts récents")),
        (TITLE, _("Titre (A→Z)")),
    ]


def _multiple(label, choices):
    return django_filters.MultipleChoiceFilter(
        label=label, choices=choices, method="filter_in", widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s.")},
    )


def _reference(label, model, relation):
    return KeptModelMultipleChoiceFilter(
        label=label, queryset=model.objects.all(), to_field_name="slug", method="filter_related",
        widget=forms.CheckboxSelectMultiple, field_name=relation,
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s."), "invalid_pk_value": _("Valeur inconnue : %(pk)s.")},
    )


class ProgrammeFilter(SearchFilterSet):
    repeatable = ("kind", "theme", "audience", "status")

    # Region and department follow the territory semantics (inside + containing).
    region = territory_filter(Territory.Kind.REGION, _("Région"), "filter_territory")
    department = territory_filter(Territory.Kind.DEPARTMENT, _("Département"), "filter_territory")
    # "Où êtes-vous ?": a commune by INSEE code, an intercommunality by SIREN (programmes:where).
    commune = place_filter(Territory.Kind.COMMUNE, _("Commune"), "filter_territory")
    epci = place_filter(Territory.Kind.EPCI, _("Intercommunalité"), "filter_territory")
    scope = django_filters.ChoiceFilter(
        label=_("Portée"), choices=[("local", _("Seulement les programmes propres au territoire"))],
        method="filter_noop", empty_label=_("Inclure les programmes nationaux et européens"),
    )
    kind = _multiple(_("Type"), Programme.Kind.choices)
    theme = _reference(_("Thématique"), Theme, "themes")
    audience = _reference(_("Public"), Audience, "audiences")
    status = _multiple(_("Statut"), Status.choices)
    # Without `status`, what one can still act on (see ACTIONABLE); `closed=include` adds the closed ones.
    closed = django_filters.ChoiceFilter(
        label=_("Programmes clos"), choices=[("include", _("Afficher aussi les programmes clos"))],
        method="filter_noop", empty_label=_("Masquer les programmes clos"),
    )
    actor = django_filters.ModelChoiceFilter(
        label=_("Acteur"), to_field_name="slug", method="filter_actor", queryset=Actor.objects.published(),
        error_messages={"invalid_choice": _("Acteur inconnu : %(value)s.")},
    )
    sort = django_filters.ChoiceFilter(label=_("Trier par"), choices=Sort.CHOICES, method="filter_noop", empty_label=None)

    class Meta:
        model = Programme
        fields = []

    # Shown when no status is asked for: a visitor looks for what they can still apply to.
    ACTIONABLE = [Status.OPEN, Status.UPCOMING, Status.PERMANENT, Status.UNDATED]

    def is_valid(self):
        valid = super().is_valid()
        self._default_status()
        return valid

    def _default_status(self):
        """Without `status` nor `closed=include`: the actionable statuses, for every reader."""
        data = getattr(self.form, "cleaned_data", None)
        if data is not None and not data.get("status") and data.get("closed") != "include":
            data["status"] = [status.value for status in self.ACTIONABLE]

    @property
    def hides_closed(self):
        """Whether the closed programmes are left out by default (not asked by `status`)."""
        return not self.data.getlist("status") and self.data.get("closed") != "include"

    # -- filter methods ------------------------------------------------------
    # The facets' filters are conditions on the row's own columns (`condition`): the listing
    # filters with them and the facet counts flag rows with them, one meaning for both.
    FACETS = ("region", "kind", "theme", "audience", "status")
    # The territory filters, the most precise first (`selected_territory`).
    TERRITORIES = ("commune", "epci", "department", "region")

    def condition(self, name, value):
        """The Q of filter `name` (a territory, kind, theme, audience, status) for `value`."""
        if name in self.TERRITORIES:
            return applies_in_q(value, local_only=self.form.cleaned_data.get("scope") == "local")
        if name in ("theme", "themes", "audience", "audiences"):  # a filter method gets the field's name
            return Q(**{f"{name.rstrip('s')}_ids__overlaps": [item.id for item in value]})
        return Q(**{"computed_status__in" if name == "status" else f"{name}__in": value})

    def filter_territory(self, queryset, name, value):
        return queryset.filter(self.condition(name, value)) if value else queryset

    filter_in = filter_related = filter_territory

    def filter_actor(self, queryset, name, actor):
        return queryset.filter(id__in=actor.roles.values("programme_id")) if actor else queryset

    def filter_noop(self, queryset, name, value):
        return queryset

    # -- ordering ------------------------------------------------------------
    @property
    def sort_key(self):
        data = getattr(self.form, "cleaned_data", {}) or {}
        sort = data.get("sort")
        if sort == Sort.RELEVANCE and not data.get("q"):
            sort = None
        return sort or (Sort.RELEVANCE if data.get("q") else Sort.DEADLINE)

    # Past this many matches a search is given in the default order (deadlines), for every
    # reader: ranking reads every match's search vector (seconds for a word in most rows).
    RANKED_RESULTS = 5000
    unranked = False

    match_count = None  # how many rows, when the ranking rule counted them (at most RANKED_RESULTS + 1)

    def filter_queryset(self, queryset):
        self._default_status()
        filtered = super().filter_queryset(queryset)
        if self.sort_key == Sort.RELEVANCE:
            self.match_count = filtered.order_by()[:self.RANKED_RESULTS + 1].count()
            self.unranked = self.match_count > self.RANKED_RESULTS
        return self.ordered(filtered, ranked=not self.unranked)

    def count(self):
        """How many rows, without ordering them (nor checking whether they can be ranked)."""
        self.is_valid()  # validates, and gives the default status
        return super().filter_queryset(self.queryset.all()).order_by().count()

    def ordered(self, queryset, *, ranked=True):
        """`queryset` (already searched) in the order chosen; `ranked=False`: the default order
        instead of relevance (see RANKED_RESULTS)."""
        sort = self.sort_key
        if sort == Sort.RELEVANCE and ranked:
            # Ties (same rank) by deadline, as the default order.
            return queryset.with_relevance(self.query).order_by_deadline(first=["-relevance"])
        if sort == Sort.RECENT:
            return queryset.order_by("-created_at", "-id")
        if sort == Sort.TITLE:
            return queryset.order_by(french("title"), "id")
        return queryset.order_by_deadline()

    @property
    def selected_territory(self):
        data = getattr(self.form, "cleaned_data", {}) or {}
        """The most precise territory chosen (commune, intercommunality, department, region), or None."""
        return next((data[name] for name in self.TERRITORIES if data.get(name)), None)


def public_programmes():
    """The rows every public reader starts from (listing, facets, export)."""
    return _public_programmes_on(today()).all()


@lru_cache(maxsize=2)
def _public_programmes_on(day):
    # Built once a day: resolving the status expression and the prefetches costs about a
    # millisecond a request, a clone of the built query a hundredth of that. Never evaluated
    # itself (callers get clones), so threads share it safely.
    return Programme.objects.published().for_listing(on=day)


def filter_programmes(params):
    """The public programmes filtered by `params` (a QueryDict), as the pages do it."""
    # Always bound (even when empty) so the default ordering applies.
    return ProgrammeFilter(params if params is not None else QueryDict(), queryset=public_programmes())


class ProjectFilter(SearchFilterSet):
    region = region_filter()
    programme = django_filters.ModelChoiceFilter(
        # Only programmes with projects: a choice list of every programme would be useless (and
        # 100,000 <option>s long at scale).
        label=_("Programme"), to_field_name="slug", queryset=Programme.objects.published().with_published_projects().order_by(french("title")),
        error_messages={"invalid_choice": _("Programme inconnu : %(value)s.")},
    )
    year = django_filters.NumberFilter(
        label=_("Année"), min_value=1900, max_value=2100,
        error_messages={"invalid": _("L'année doit être un nombre.")},
    )
    beneficiary_kind = django_filters.ChoiceFilter(
        label=_("Type de bénéficiaire"), choices=Actor.Kind.choices, field_name="beneficiary__kind",
        error_messages={"invalid_choice": _("Valeur inconnue : %(value)s.")},
    )

    class Meta:
        model = FundedProject
        fields = []

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by(F("year").desc(nulls_last=True), "title", "id")
