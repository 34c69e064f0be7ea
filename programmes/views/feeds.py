"""The Atom feed and the iCalendar file of any programme listing: `/programmes/feed/?…` and
`/programmes/calendar.ics?…`, with the listing's parameters (bad ones: 400, as the listing).

The Atom feed is small (FEED_ENTRIES) and served as an ordinary response: the public page cache
(`core.cache`) stores it and answers conditional requests. The calendar is streamed, which that
cache leaves alone, so it sets its own validators, on the same directory version.
"""
import hashlib

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.cache import last_modified, validated
from core.directory_version import directory_version
from core.views import bad_filters_response

from .. import feeds
from ..filters import filter_programmes


def site_url(request):
    """The site's address for absolute links: SITE_URL, else the request's own."""
    return getattr(settings, "SITE_URL", "") or request.build_absolute_uri("/").rstrip("/")


def listing_query(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class ProgrammeFeed(Feed):
    """One instance per request (see `programme_feed`): it holds that request's FilterSet."""

    feed_type = feeds.XmlSafeAtom1Feed

    def __init__(self, filterset, request):
        self.filterset, self.site = filterset, site_url(request)
        query = listing_query(request)
        self.listing_url = self.site + reverse("programmes:list") + (f"?{query}" if query else "")
        self.own_url = self.site + request.get_full_path()

    def get_object(self, request, *args, **kwargs):
        return self.filterset

    def title(self, filterset):
        return feeds.feed_title(filterset)

    def subtitle(self, filterset):
        return _("Programmes nouveaux ou mis à jour parmi les résultats de cette recherche.")

    def link(self):
        return self.listing_url

    def feed_url(self):
        return self.own_url

    def author_name(self):
        # Atom wants an author for every entry: the directory's, for entries with no operator.
        return _("Annuaire santé des territoires")

    def items(self, filterset):
        return feeds.feed_entries(filterset)

    def item_title(self, programme):
        return programme.title

    def item_description(self, programme):
        return escape(programme.summary)  # Atom's summary is HTML here; ours is plain text

    def item_link(self, programme):
        return self.site + programme.get_absolute_url()

    def item_guid(self, programme):
        return feeds.entry_id(programme, self.site)

    def item_pubdate(self, programme):
        return programme.published_at

    def item_updateddate(self, programme):
        return programme.updated_at

    def item_author_name(self, programme):
        actor = feeds.operator(programme)
        return actor.name if actor else None

    def item_author_link(self, programme):
        actor = feeds.operator(programme)
        return self.site + actor.get_absolute_url() if actor else None

    def item_categories(self, programme):
        return [theme.label for theme in programme.themes.all()]


@require_safe
def programme_feed(request):
    filterset = filter_programmes(request.GET)
    if not filterset.is_valid():
        return bad_filters_response(filterset.errors_as_text())
    return ProgrammeFeed(filterset, request)(request)


@require_safe
def programme_calendar(request):
    filterset = filter_programmes(request.GET)
    if not filterset.is_valid():
        return bad_filters_response(filterset.errors_as_text())
    calendar = feeds.Calendar(filterset, name=feeds.feed_title(filterset), site_url=site_url(request))
    response = StreamingHttpResponse(calendar, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="programmes.ics"'
    if not _cacheable(request):
        return response
    return _conditional(request, response)


def _cacheable(request):
    # The rule of the page cache (core.cache): on, and anonymous (editors see live data).
    return settings.PAGE_CACHE_SECONDS > 0 and settings.SESSION_COOKIE_NAME not in request.COOKIES


def _conditional(request, response):
    """ETag and Last-Modified on the directory version and the day, as the page cache's, and 304
    when they match: a subscribed calendar polls for nothing most of the time."""
    version, modified = directory_version()
    key = f"{version}|{get_language()}|{timezone.localdate().isoformat()}|{request.get_full_path()}"
    etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
    return validated(request, response, etag=etag, modified=last_modified(modified))
