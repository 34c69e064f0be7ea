"""What the Atom and iCalendar feeds of a listing hold, with no HTTP here.

Both read the listing's own FilterSet (`filters.filter_programmes`): a feed holds exactly the
programmes of the page it was subscribed from. The views are in `views/feeds.py`.
"""
import re
from urllib.parse import urlsplit

from django.db.models import Q
from django.db.models.query import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from core import ical
from core.streaming import stream_rows
from territories.places import place_label

from .models import ProgrammeActor
from .status import Recurrence

# Entries of the Atom feed: a reader polls it; it needs the latest changes, not the whole directory.
FEED_ENTRIES = 50
# A fixed date in the entries' tag URIs (RFC 4151): changing it would change every id.
TAG_DATE = "2024"
CALENDAR_FIELDS = ("id", "slug", "title", "summary", "opens_on", "deadline", "updated_at")
# What XML 1.0 cannot carry (§2.2): control characters but tab and line breaks, surrogates, U+FFFE/F.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value):
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, (list, tuple)):
        return [_xml_safe(item) for item in value]
    return value


class XmlSafeAtom1Feed(Atom1Feed):
    """Atom without the characters XML cannot carry, which a title, a summary or the query
    (`q`, in the feed's title) may hold: Django's writer refuses them with an exception (a 500)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = {key: _xml_safe(value) for key, value in self.feed.items()}

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = {key: _xml_safe(value) for key, value in self.items[-1].items()}


def filter_labels(filterset):
    """The validated filters, as words: « q », region, kinds, themes… in the form's order."""
    data = filterset.form.cleaned_data
    labels = []
    for name, field in filterset.form.fields.items():
        value = data.get(name)
        if name == "sort" or value in (None, "", []) or (name == "status" and not filterset.data.getlist("status")):
            continue  # the status a visitor did not choose (the default, see ProgrammeFilter.ACTIONABLE) says nothing
        if name == "q":
            labels.append(_("« %(q)s »") % {"q": value})
        elif name == "scope":
            labels.append(_("Seulement local"))
        elif name == "closed":
            labels.append(_("Programmes clos inclus"))
        elif isinstance(value, (list, tuple)):  # plain choices (kind, status): their labels
            names = dict(field.choices)
            labels += [str(names.get(item, item)) for item in value]
        elif isinstance(value, QuerySet):  # themes, audiences
            labels += [str(item) for item in value]
        elif name == "commune":
            labels.append(place_label(value))  # "Rennes (35)", as the listing's chips and title
        else:  # a territory, an organisation
            labels.append(str(value))
    return labels


def feed_title(filterset):
    """"Programmes — Bretagne, Appel à projets"; "Programmes" for the whole directory."""
    labels = filter_labels(filterset)
    if not labels:
        return _("Programmes")
    return _("Programmes — %(filters)s") % {"filters": ", ".join(labels)}


def host_of(site_url):
    return urlsplit(site_url).hostname or "localhost"


def entry_id(programme, site_url):
    """A tag URI (RFC 4151) on the programme's id: it survives a change of title or slug."""
    return f"tag:{host_of(site_url)},{TAG_DATE}:programme/{programme.pk}"


def feed_entries(filterset):
    """The listing's FEED_ENTRIES most recently changed programmes, latest first, with their
    themes and published organisations (the listing's prefetches)."""
    return filterset.qs.order_by("-updated_at", "-id")[:FEED_ENTRIES]


def operator(programme):
    """The organisation running the programme, if published (the prefetch holds only those)."""
    for role in programme.roles.all():
        if role.role == ProgrammeActor.Role.RUNS:
            return role.actor
    return None


def dated(filterset):
    """The listing's programmes that have a calendar event: a date, and not a standing scheme
    (a permanent programme's dates are not deadlines anyone must meet)."""
    # By id: a calendar has no order, and the listing's (relevance, deadline buckets) would cost a
    # sort of computed values for nothing.
    queryset = filterset.qs.prefetch_related(None).order_by("id").exclude(recurrence=Recurrence.PERMANENT)
    return queryset.filter(Q(deadline__isnull=False) | Q(opens_on__isnull=False))


class Calendar:
    """The iCalendar file of a listing's deadlines and opening dates, as byte chunks.

    Streamed: one query read as the rows come (`stream_rows`), events written as they go;
    memory stays flat for 100,000 programmes. The labels are translated here, at creation,
    because the chunks are produced after the view has returned."""

    def __init__(self, filterset, *, name, site_url):
        self.queryset = dated(filterset)
        self.name, self.site_url, self.host = name, site_url, host_of(site_url)
        self.page = (site_url + reverse("programmes:detail", kwargs={"slug": "SLUG"})).rsplit("SLUG", 1)
        self.deadline_label, self.opening_label = _("Date limite : %(title)s"), _("Ouverture : %(title)s")

    def __iter__(self):
        return ical.chunked(self.pieces())

    def pieces(self):
        yield self.header()
        for row in stream_rows(self.queryset.values_list(*CALENDAR_FIELDS)):
            yield from self.events(*row)
        yield b"END:VCALENDAR\r\n"

    def header(self):
        # No METHOD: DTSTAMP then means the event's last change (RFC 5545 §3.8.7.2), so that the
        # same directory gives the same file. NAME and REFRESH-INTERVAL: RFC 7986; X-WR-*: their
        # older equivalents, still the only ones some applications read.
        return b"".join([
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//health_registry//Programmes//FR\r\nCALSCALE:GREGORIAN\r\n",
            ical.line("NAME", ical.text(self.name)),
            ical.line("X-WR-CALNAME", ical.text(self.name)),
            b"REFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\n",
        ])

    def events(self, pk, slug, title, summary, opens_on, deadline, updated_at):
        url = self.page[0] + slug + self.page[1]
        description = f"{summary}\n\n{url}" if summary else url
        if opens_on:
            yield ical.all_day_event(uid=f"opening-{pk}@{self.host}", day=opens_on, stamp=updated_at, url=url,
                                     summary=self.opening_label % {"title": title}, description=description)
        if deadline:
            yield ical.all_day_event(uid=f"deadline-{pk}@{self.host}", day=deadline, stamp=updated_at, url=url,
                                     summary=self.deadline_label % {"title": title}, description=description)
