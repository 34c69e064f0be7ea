"""Public programme pages: home, listing, detail, CSV export."""
from django.db.models import Count
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from core.fragments import cached_fragment
from core.views import FilteredExportView, FilteredListView
from search.suggestions import suggest
from search.views import SearchResultsMixin
from territories.models import Territory
from territories.places import place_label

from ..excel_fr import french_programme_rows
from ..exports import programme_rows
from ..filters import ProgrammeFilter, filter_programmes, public_programmes
from ..listing.cards import listing_cards
from ..listing.filter_form import filter_form
from ..models import FundedProject, Programme
from ..status import Status, open_q, today


class HomeView(TemplateView):
    template_name = "programmes/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The same for every visitor until the next write or midnight: rendered once per
        # directory version, day and language (its queries and cards were most of the page's time).
        context["home_content"] = cached_fragment("home", lambda: render_to_string("programmes/home_content.html", home_context()))
        return context


def home_context():
    published = Programme.objects.published()
    # By status, as the listing's "Statut" facet counts: "open" there and here are the same
    # programmes (permanent schemes are counted and linked apart).
    by_status = dict(published.with_status().order_by().values_list("computed_status").annotate(n=Count("id")))
    return {
        "regions": Territory.objects.regions(),
        "open_count": by_status.get(Status.OPEN, 0),
        "permanent_count": by_status.get(Status.PERMANENT, 0),
        "programme_count": sum(by_status.values()),
        "closing_soon": published.for_listing().filter(open_q(), deadline__gte=today()).order_by("deadline", "title")[:5],
        "latest_projects": FundedProject.objects.published().for_listing().order_by("-year", "-created_at")[:5],
    }


class ProgrammeQuery:
    filterset_class = ProgrammeFilter

    def get_queryset(self):
        return public_programmes()


class ProgrammeListView(SearchResultsMixin, ProgrammeQuery, FilteredListView):
    template_name = "programmes/list.html"
    corrected = None  # (the words asked, the words shown) when a correction's results are shown

    def get(self, request, *args, **kwargs):
        """The page; when the words find nothing and a correction does, the correction's results."""
        response = super().get(request, *args, **kwargs)
        asked = self.filterset.form.cleaned_data.get("q") if response.status_code == 200 else None
        if asked and not response.context_data["paginator"].count:
            corrected = corrected_search(self.filterset.data, asked)
            if corrected is not None:
                self.params, self.corrected = corrected.data, (asked, corrected.form.cleaned_data["q"])
                response = super().get(request, *args, **kwargs)
        return response

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        known = self.filterset.match_count
        if known is not None and known <= self.filterset.RANKED_RESULTS:
            paginator.count = known  # counted by the ranking rule already: no second COUNT
        return paginator

    def get_context_data(self, **kwargs):
        # After a bad parameter the FilterSet holds the valid ones: facets and chips show them.
        valid = self.filterset.is_valid()
        context = super().get_context_data(**kwargs)
        if valid:
            context["unranked"] = self.filterset.unranked
            context["chips"] = active_chips(self.filterset.data, CHOICE_LABELS, self.filterset)
            if not context["object_list"]:
                context["chips"] = counted_chips(context["chips"])
            context.update(closed_offer(self.filterset), corrected=self.corrected)
        context["filter_form"] = filter_form(self.filterset, valid=valid)
        territory = self.filterset.selected_territory if valid else None
        context["cards"] = listing_cards(context["object_list"], matcher=context["matcher"], territory=territory)
        context["page_title"] = listing_title(context)
        return context


def corrected_search(params, asked):
    """The FilterSet of `params` with the words corrected (see `search.suggestions`), when it finds something."""
    suggestion = suggest(asked)
    if not suggestion:
        return None
    corrected = params.copy()
    corrected["q"] = suggestion
    corrected.pop("page", None)
    filterset = filter_programmes(corrected)
    if filterset.is_valid() and not filterset.qs.exists() and filterset.hides_closed:
        corrected["closed"] = "include"  # the word a visitor meant may name only closed programmes
        filterset = filter_programmes(corrected)
    return filterset if filterset.is_valid() and filterset.qs.exists() else None


def closed_offer(filterset):
    """{closed_count, closed_query}: the closed programmes left out by default, and the link adding them."""
    if not filterset.hides_closed:
        return {}
    with_closed = filterset.data.copy()
    with_closed.pop("page", None)
    with_closed["closed"] = "include"
    closed = with_closed.copy()
    closed["status"] = "closed"
    return {"closed_count": filter_programmes(closed).count(), "closed_query": with_closed.urlencode()}


# Labels of the fixed choices; rows chosen (regions, themes…) name themselves from the form.
CHOICE_LABELS = {"kind": Programme.Kind.choices, "status": Status.choices}


def active_chips(params, choices, filterset):
    """Removable chips: (label, URL without that one value)."""
    labels = {name: dict(items) for name, items in choices.items()}
    data = getattr(filterset.form, "cleaned_data", {})
    chips = []
    for name, values in params.lists():
        if name in ("page", "sort"):
            continue
        for value in values:
            if not value:
                continue
            remaining = params.copy()
            remaining.setlist(name, [v for v in values if v != value])
            remaining.pop("page", None)
            label = labels.get(name, {}).get(value)
            if label is None:
                label = _chip_label(name, value, data)
            chips.append((label, remaining.urlencode()))
    return chips


# The way out of an empty result: how many each removal gives, when there are few to count
# (one COUNT each, only on an empty page; past this many, the links come without counts).
COUNTED_CHIPS = 6


def counted_chips(chips):
    """(label, url, count or None): the count of results once that filter is removed."""
    if len(chips) > COUNTED_CHIPS:
        return [(label, url, None) for label, url in chips]
    counted = []
    for label, url in chips:
        filterset = filter_programmes(QueryDict(url))
        count = filterset.count() if filterset.is_valid() else None
        counted.append((label, url, count))
    return counted


def listing_title(context):
    """"Bretagne, Ouvert — page 2": what the browser tab and a bookmark say."""
    parts = [_("Programmes"), ", ".join(str(chip[0]) for chip in context.get("chips") or ())]
    page = context.get("page_obj")
    if page is not None and page.number > 1:
        parts.append(_("page %(number)s") % {"number": page.number})
    return " — ".join(filter(None, parts))


def _chip_label(name, value, data):
    if name == "q":
        return _("Recherche : %(q)s") % {"q": value}
    if name == "scope":
        return _("Seulement local")
    if name == "closed":
        return _("Programmes clos inclus")
    obj = data.get(name)
    if name == "commune" and obj:
        return place_label(obj)  # "Rennes (35)"
    if isinstance(obj, (list, tuple)):  # several rows chosen (themes): the one of this value
        obj = next((row for row in obj if str(getattr(row, "slug", "")) == value), None)
    return str(obj) if obj else value


class ProgrammeDetailView(DetailView):
    template_name = "programmes/detail.html"
    context_object_name = "programme"

    def get_queryset(self):
        return Programme.objects.published().for_detail().with_family()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = list(self.object.funded_projects.all())
        context["projects"] = projects
        amounts = [p.amount for p in projects if p.amount is not None]
        context["projects_total"] = sum(amounts) if amounts else None
        context["projects_unknown_amounts"] = len(projects) - len(amounts)
        return context


class ProgrammeExportView(ProgrammeQuery, FilteredExportView):
    filename = "programmes"
    rows = staticmethod(programme_rows)
    excel_rows = staticmethod(french_programme_rows)
