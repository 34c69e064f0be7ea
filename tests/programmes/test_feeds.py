"""The Atom feed and the iCalendar file of a listing: read back by real parsers, exactly the
listing's programmes, nothing unpublished, bad parameters refused, constant queries."""
import datetime as dt

import feedparser
import icalendar
import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from editorial.models import PublicationState
from programmes import services
from programmes.filters import filter_programmes
from programmes.models import Programme, ProgrammeActor
from programmes.status import Recurrence
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, ThemeFactory
from tests.shared_data import copy_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(shared_demo, db):
    """The demo data, loaded once for this module (tests/shared_data.py)."""
    return copy_of(shared_demo)


SITE = "https://annuaire.example.org"
FILTER_SETS = ["", "region=84", "region=53&scope=local", "q=sante", "kind=ami&kind=funding_call",
               "status=closed&sort=title", "theme=e-sante&sort=recent", "department=76"]


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def atom(client, params=""):
    response = client.get(f"/programmes/feed/?{params}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def ics_body(client, params=""):
    response = client.get(f"/programmes/calendar.ics?{params}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return b"".join(response.streaming_content)


def calendar(client, params=""):
    return icalendar.Calendar.from_ical(ics_body(client, params))


def events(cal):
    return {str(event["UID"]): event for event in cal.walk("VEVENT")}


def listing(params):
    return list(filter_programmes(QueryDict(params)).qs)


def page(programme):
    return f"{SITE}/programmes/{programme.slug}/"


@pytest.mark.parametrize("params", FILTER_SETS)
def test_feed_holds_the_listing_programmes_latest_change_first(client, demo, params):
    feed = atom(client, params)
    expected = listing(params)
    assert expected or params == "department=76"
    assert sorted(entry.link for entry in feed.entries) == sorted(page(p) for p in expected)
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.feed.link == f"{SITE}/programmes/" + (f"?{params}" if params else "")


@pytest.mark.parametrize("params", FILTER_SETS)
def test_calendar_has_an_event_per_date_of_the_listing(client, demo, params):
    expected = set()
    for programme in listing(params):
        if programme.recurrence != Recurrence.PERMANENT:
            expected |= {f"opening-{programme.pk}@annuaire.example.org"} if programme.opens_on else set()
            expected |= {f"deadline-{programme.pk}@annuaire.example.org"} if programme.deadline else set()
    assert set(events(calendar(client, params))) == expected


def test_the_unfiltered_demo_calendar_is_not_empty(client, demo):
    found = events(calendar(client, "closed=include"))
    dated = Programme.objects.published().exclude(recurrence=Recurrence.PERMANENT).exclude(deadline=None)
    assert len([uid for uid in found if uid.startswith("deadline-")]) == dated.count() > 0


def test_feed_title_says_the_filters_in_french(client, demo):
    assert atom(client, "region=53&kind=funding_call").feed.title == "Programmes — Bretagne, Appel à projets"
    assert atom(client).feed.title == "Programmes"
    body = ics_body(client, "region=53&kind=funding_call").decode()
    # TEXT (RFC 7986), the comma escaped. Checked on the text: icalendar 7 does not know these two
    # properties' type and would hand them back undecoded.
    for name in ("NAME", "X-WR-CALNAME"):
        assert f"\r\n{name}:Programmes — Bretagne\\, Appel à projets\r\n" in body


def test_feed_entry_carries_the_facts(client):
    theme = ThemeFactory(name="Santé numérique")
    published = timezone.make_aware(dt.datetime(2025, 3, 1, 9, 30))
    programme = ProgrammeFactory(title="Appel <Innov'Santé> & co", summary="Résumé & détails", themes=[theme],
                                 published_at=published)
    runner = ActorFactory(name="Agence régionale")
    ProgrammeActorFactory(programme=programme, actor=runner, role=ProgrammeActor.Role.RUNS)
    ProgrammeActorFactory(programme=programme, actor=ActorFactory(name="Financeur"), role=ProgrammeActor.Role.FUNDS)
    programme.refresh_from_db()
    entry = atom(client).entries[0]
    assert entry.title == "Appel <Innov'Santé> & co"
    assert entry.link == page(programme)
    assert entry.id == f"tag:annuaire.example.org,2024:programme/{programme.pk}"
    assert entry.summary == "Résumé &amp; détails"  # HTML, the text escaped
    assert entry.author == "Agence régionale" and entry.author_detail.href == f"{SITE}/acteurs/{runner.slug}/"
    assert [tag.term for tag in entry.tags] == ["Santé numérique"]
    assert dt.datetime(*entry.published_parsed[:6], tzinfo=dt.UTC) == published
    assert dt.datetime(*entry.updated_parsed[:6], tzinfo=dt.UTC) == programme.updated_at.replace(microsecond=0)


def test_links_come_from_the_request_without_site_url(client, settings):
    settings.SITE_URL = ""
    programme = ProgrammeFactory(deadline=dt.date(2030, 1, 31))
    assert atom(client).entries[0].link == f"http://testserver/programmes/{programme.slug}/"
    assert f"deadline-{programme.pk}@testserver" in events(calendar(client))


def test_unpublished_programmes_and_draft_actors_never_show(client):
    for state in (PublicationState.DRAFT, PublicationState.SUBMITTED, PublicationState.ARCHIVED):
        ProgrammeFactory(title=f"Caché {state}", publication_state=state, deadline=dt.date(2030, 1, 1))
    shown = ProgrammeFactory(title="Visible", deadline=dt.date(2030, 1, 1))
    ProgrammeActorFactory(programme=shown, actor=ActorFactory(name="Brouillon secret", publication_state=PublicationState.DRAFT))
    feed, body = atom(client), ics_body(client)
    assert [entry.title for entry in feed.entries] == ["Visible"]
    assert "author" not in feed.entries[0] or feed.entries[0].author != "Brouillon secret"
    assert set(events(icalendar.Calendar.from_ical(body))) == {f"deadline-{shown.pk}@annuaire.example.org"}
    for leak in (b"Brouillon secret", "Caché".encode()):
        assert leak not in body and leak not in client.get("/programmes/feed/").content


@pytest.mark.parametrize("url", ["/programmes/feed/", "/programmes/calendar.ics"])
@pytest.mark.parametrize("params", ["region=99", "kind=nope", "theme=inconnu", "sort=title&sort=recent", "actor=personne",
                                    "q=" + "x" * 201])
def test_bad_parameters_get_a_400_with_a_message(client, db, url, params):
    response = client.get(f"{url}?{params}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith("Filtres invalides :")


HOSTILE = ["", "53", "84", "abc", "\x01", "\ufffe", "é" * 300, "<script>", "open", "funding_call", "e-sante", "local", "recent"]
PARAMS = ["q", "region", "department", "kind", "theme", "audience", "status", "actor", "scope", "sort", "page", "x"]


@pytest.mark.parametrize("url", ["/programmes/feed/", "/programmes/calendar.ics"])
@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.lists(st.tuples(st.sampled_from(PARAMS), st.one_of(st.sampled_from(HOSTILE), st.text(max_size=50))), max_size=5))
def test_hostile_parameters_get_a_readable_answer_or_a_400(demo, url, params):
    response = Client(raise_request_exception=False).get(url, params)
    assert response.status_code in (200, 400), (params, response.status_code)
    if response.status_code == 200 and url.endswith(".ics"):
        icalendar.Calendar.from_ical(b"".join(response.streaming_content))
    elif response.status_code == 200:
        assert not feedparser.parse(response.content).bozo, params


def test_control_characters_in_the_data_are_left_out(client):
    ProgrammeFactory(title="Titre\x01 sale\x1f", summary="Ré\x0bsumé\x07", deadline=dt.date(2030, 1, 1))
    assert atom(client, "q=titre%01").entries[0].title == "Titre sale"
    assert str(calendar(client).walk("VEVENT")[0]["SUMMARY"]) == "Date limite : Titre sale"


@pytest.mark.parametrize("url", ["/programmes/feed/", "/programmes/calendar.ics"])
def test_only_reads_are_allowed(client, db, url):
    assert client.post(url).status_code == 405


def test_one_event_per_date_with_stable_uids(client):
    both = ProgrammeFactory(title="Appel daté", summary="Pour les CHU.", opens_on=dt.date(2030, 1, 10), deadline=dt.date(2030, 3, 31))
    only_deadline = ProgrammeFactory(deadline=dt.date(2030, 2, 1))
    ProgrammeFactory(title="Permanent", recurrence=Recurrence.PERMANENT, opens_on=dt.date(2020, 1, 1))
    ProgrammeFactory(title="Sans date")
    first = events(calendar(client))
    assert set(first) == {f"opening-{both.pk}@annuaire.example.org", f"deadline-{both.pk}@annuaire.example.org",
                          f"deadline-{only_deadline.pk}@annuaire.example.org"}
    assert ics_body(client) == ics_body(client)  # same directory, same file: DTSTAMP is the last change
    deadline = first[f"deadline-{both.pk}@annuaire.example.org"]
    assert str(deadline["SUMMARY"]) == "Date limite : Appel daté"
    assert deadline.decoded("DTSTART") == dt.date(2030, 3, 31) and deadline.decoded("DTEND") == dt.date(2030, 4, 1)
    assert str(deadline["URL"]) == page(both)
    assert str(deadline["DESCRIPTION"]) == f"Pour les CHU.\n\n{page(both)}"
    assert deadline.decoded("DTSTAMP") == both.updated_at.replace(microsecond=0)
    opening = first[f"opening-{both.pk}@annuaire.example.org"]
    assert str(opening["SUMMARY"]) == "Ouverture : Appel daté" and opening.decoded("DTSTART") == dt.date(2030, 1, 10)
    both.title = "Appel renommé"
    services.save_programme(programme=both)
    assert set(events(calendar(client))) == set(first)


def test_folding_and_escaping_of_a_hostile_title(client):
    title = "Appel, « santé »; données\nligne deux\r\nligne trois\\fin — " + "é" * 60 + " 🚑 " + "x" * 40
    programme = ProgrammeFactory(title=title, summary="Résumé; avec, virgules\u2028et séparateur\x0b.", deadline=dt.date(2030, 5, 2))
    body = ics_body(client)
    assert body.endswith(b"\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    for physical in body.split(b"\r\n")[:-1]:
        assert len(physical) <= 75, physical
        physical.decode("utf-8")  # folding never cuts a character in two
    assert b"Appel\\, \xc2\xab sant\xc3\xa9 \xc2\xbb\\; donn\xc3\xa9es\\nligne deux\\nligne trois\\\\fin" in body.replace(b"\r\n ", b"")
    event = events(icalendar.Calendar.from_ical(body))[f"deadline-{programme.pk}@annuaire.example.org"]
    assert str(event["SUMMARY"]) == "Date limite : " + title.replace("\r\n", "\n")
    assert str(event["DESCRIPTION"]).startswith("Résumé; avec, virgules\net séparateur\n.")


def _programmes(count, **relations):
    runner = ActorFactory()
    for index in range(count):
        programme = ProgrammeFactory(opens_on=dt.date(2030, 1, 1), deadline=dt.date(2030, 2, index % 28 + 1), **relations)
        ProgrammeActorFactory(programme=programme, actor=runner, role=ProgrammeActor.Role.RUNS)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(context.captured_queries), body


@pytest.mark.parametrize("url", ["/programmes/feed/", "/programmes/calendar.ics"])
def test_query_count_does_not_grow_with_the_programmes(client, tree, url):
    theme = ThemeFactory()
    url += f"?theme={theme.slug}&region=53"
    _programmes(1, themes=[theme], territories=[tree["bretagne"]])
    one, body = _queries(client, url)
    _programmes(19, themes=[theme], territories=[tree["bretagne"]])
    twenty, more = _queries(client, url)
    assert twenty == one and len(more) > len(body)


def test_listing_links_to_both_feeds_with_its_filters(client, demo):
    page_html = client.get("/programmes/?region=84&kind=ami").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in page_html
    assert 'href="/programmes/feed/?region=84&amp;kind=ami"' in page_html
    assert 'href="/programmes/calendar.ics?region=84&amp;kind=ami"' in page_html
    assert "Flux Atom" in page_html and "Agenda (iCal)" in page_html


def test_calendar_speaks_english_with_the_language_cookie(client):
    ProgrammeFactory(title="Appel", deadline=dt.date(2030, 1, 1), opens_on=dt.date(2029, 12, 1))
    client.cookies["django_language"] = "en"
    summaries = sorted(str(event["SUMMARY"]) for event in calendar(client).walk("VEVENT"))
    assert summaries == ["Deadline: Appel", "Opening: Appel"]


class TestCache:
    @pytest.fixture(autouse=True)
    def page_cache_on(self, settings):
        settings.PAGE_CACHE_SECONDS = 600

    def test_feed_is_cached_with_its_type_and_answers_304(self, client):
        ProgrammeFactory(title="Premier")
        first = client.get("/programmes/feed/?kind=funding_call")
        with CaptureQueriesContext(connection) as context:
            second = client.get("/programmes/feed/?kind=funding_call")
        assert len(context.captured_queries) == 1 and second.content == first.content  # the directory version
        assert second["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert client.get("/programmes/feed/?kind=funding_call", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        ProgrammeFactory(title="Second")
        again = client.get("/programmes/feed/?kind=funding_call", HTTP_IF_NONE_MATCH=first["ETag"])
        assert again.status_code == 200 and b"Second" in again.content

    def test_calendar_answers_304_until_the_directory_changes(self, client):
        ProgrammeFactory(deadline=dt.date(2030, 1, 1))
        first = client.get("/programmes/calendar.ics?kind=funding_call")
        assert first["Content-Type"] == "text/calendar; charset=utf-8" and first["Cache-Control"] == "public, max-age=60"
        etag, modified = first["ETag"], first["Last-Modified"]
        b"".join(first.streaming_content)
        assert client.get("/programmes/calendar.ics?kind=funding_call", HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert client.get("/programmes/calendar.ics?kind=funding_call", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
        assert client.get("/programmes/calendar.ics?kind=ami", HTTP_IF_NONE_MATCH=etag).status_code == 200
        ProgrammeFactory(deadline=dt.date(2030, 2, 1))
        assert client.get("/programmes/calendar.ics?kind=funding_call", HTTP_IF_NONE_MATCH=etag).status_code == 200

    def test_errors_are_not_cached(self, client, db):
        response = client.get("/programmes/calendar.ics?region=99")
        assert response.status_code == 400 and "ETag" not in response
        assert "ETag" not in client.get("/programmes/feed/?region=99")
