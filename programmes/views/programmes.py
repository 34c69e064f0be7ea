"""Public programme pages: home, listing, detail, CSV export."""
from django.db.models import Count
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from core.fragments import cached_fragment
from core.views import FilteredExportView, FilteredListView
from search.views import SearchResultsMixin
from territories.models import Territory

from ..cards import listing_cards
from ..excel_fr import french_programme_rows
from ..exports import programme_rows
from ..filter_form import filter_form
from ..filters import ProgrammeFilter, filter_programmes, public_programmes
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

    def get_context_data(self, **kwargs):
        # After a bad parameter the FilterSet holds the valid ones: facets and chips show them.
        valid = self.filterset.is_valid()
        context = super().get_context_data(**kwargs)
        if valid:
            context["unranked"] = self.filterset.unranked
            context["chips"] = active_chips(self.filterset.data, CHOICE_LABELS, self.filterset)
            if not context["object_list"]:
                context["chips"] = counted_chips(context["chips"])
        context["filter_form"] = filter_form(self.filterset, valid=valid)
        territory = self.filterset.selected_territory if valid else None
        context["cards"] = listing_cards(context["object_list"], matcher=context["matcher"], territory=territory)
        context["page_title"] = listing_title(context)
        return context


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
        count = filterset.qs.order_by().count() if filterset.is_valid() else None
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
        return _("« %(q)s »") % {"q": value}
    if name == "scope":
        return _("Seulement local")
    obj = data.get(name)
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
