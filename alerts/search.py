"""The search an alert follows: the listing's query string, checked by the listing's own FilterSet
when subscribing and applied again by the same FilterSet at each digest."""
from django.http import QueryDict
from django.utils.translation import gettext as _

from programmes.feeds import feed_title
from programmes.filters import ProgrammeFilter, filter_programmes

# Fits a unique index on (email, query) on PostgreSQL; a real listing URL is far shorter.
MAX_QUERY_LENGTH = 1500
# Not part of what is followed: the page shown, and the order (a digest has its own).
NOT_FOLLOWED = {"page", "sort"}


class InvalidSearch(Exception):
    def __init__(self, messages):
        super().__init__("; ".join(messages))
        self.messages = messages


def stored_query(params):
    """The filters of `params` (a QueryDict) in the FilterSet's order, without empty values,
    unknown parameters, page or sort: the same search always gives the same string."""
    kept = QueryDict(mutable=True)
    for name in ProgrammeFilter.base_filters:
        values = [value for value in params.getlist(name) if value != ""]
        if values and name not in NOT_FOLLOWED:
            kept.setlist(name, values)
    return kept.urlencode()


def validated_search(params):
    """(stored query string, validated FilterSet) of `params`, or InvalidSearch with messages."""
    filterset = filter_programmes(params)
    if not filterset.is_valid():
        raise InvalidSearch(filterset.errors_as_text())
    query = stored_query(params)
    if len(query) > MAX_QUERY_LENGTH:
        raise InvalidSearch([_("Cette recherche est trop longue pour une alerte e-mail.")])
    return query, filterset


def search_of(query):
    """The FilterSet of a stored query, validated: InvalidSearch if it no longer is (a theme or
    an organisation it names was removed since)."""
    return validated_search(QueryDict(query))[1]


def describe(filterset):
    """"Programmes — Bretagne, Appel à projets": the title of the listing's feed."""
    return feed_title(filterset)
