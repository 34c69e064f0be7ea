"""What a listing shows about its search: highlighted words and "did you mean…"."""
from .highlight import Matcher
from .suggestions import suggest


class SearchResultsMixin:
    """For a FilteredListView whose FilterSet has a parsed `query`."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = None if context.get("errors") else getattr(self.filterset, "query", None)
        context["matcher"] = Matcher(query) if query else None
        if query and not context["object_list"]:
            suggestion = suggest(self.request.GET.get("q", ""))
            if suggestion:
                params = self.request.GET.copy()
                params["q"] = suggestion
                params.pop("page", None)
                context.update(suggestion=suggestion, suggestion_query=params.urlencode())
        return context
