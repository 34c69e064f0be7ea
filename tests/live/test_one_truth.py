"""Issue 21, "one truth for every process": a write is seen by every worker at its next request.

gunicorn runs as in production (3 workers, DEBUG off, the page cache on for 600 s), with each
worker's local-memory cache or with Redis. Every worker first answers each address at least once
(30 answers or more, so each has cached its pages); then another process or one worker writes, and
30 answers or more, from every worker, must all show the write: on the listing, the programme
page, the API and the feed. The listing, the CSV export and the API then give the same rows."""
import csv
import io
import json
import re
import secrets
import string
from concurrent.futures import ThreadPoolExecutor

from .admin_client import AdminClient
from .database import ADMIN
from .server import WORKERS, LiveServer, fetch

CARD = re.compile(r'<article[^>]*\bdata-slug="([^"]+)"')


def cards(html):
    """The slugs of the listing's result cards, in order."""
    return CARD.findall(html)


def new_title():
    """A title with a word found nowhere else (letters only: the French stemmer keeps it whole)."""
    word = "zorg" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))
    return word, f"Programme relu {word}"


def title_surfaces(slug, word, title):
    """Address -> does this answer show `title` for the programme `slug`?"""
    return {
        "/programmes/": lambda body: title in body,
        f"/programmes/?q={word}": lambda body: cards(body) == [slug],
        f"/programmes/{slug}/": lambda body: title in body,
        f"/api/v1/programmes/{slug}/": lambda body: json.loads(body)["title"] == title,
        f"/api/v1/programmes/?q={word}": lambda body: [row["slug"] for row in json.loads(body)["results"]] == [slug],
        "/programmes/feed/": lambda body: title in body,
    }


def warm(live, surfaces, expected):
    """Every worker answers each address (so each caches it), each answer in the state `expected`."""
    for path, shows in surfaces.items():
        answers = live.answers(path)
        assert all(shows(body) == expected for _status, body in answers), f"{path} before the write"


def seen_everywhere(live, surfaces, status=200):
    """Each address, asked again until every worker answered it, shows the write in every answer."""
    misses = {}
    for path, shows in surfaces.items():
        answers = live.answers(path)
        wrong = sum(code != status or not shows(body) for code, body in answers)
        if wrong:
            misses[path] = f"{wrong} of {len(answers)} answers without the write"
    assert not misses, misses


def same_rows(live, query):
    """The listing's first page, the CSV export and the API give the same slugs in the same order."""
    for _ in range(6):  # new connections: several workers
        listing = cards(live.get(f"/programmes/?{query}")[1])
        export = [row["slug"] for row in csv.DictReader(io.StringIO(live.get(f"/programmes/export.csv?{query}")[1]))]
        api = json.loads(live.get(f"/api/v1/programmes/?{query}")[1])
        assert listing == export[:20] == [row["slug"] for row in api["results"]], query
        assert api["count"] == len(export), query


def renamed_by(live, write):
    """Warms every worker, renames a programme with `write(slug, title)`, checks every address."""
    slug = live.programme()
    word, title = new_title()
    surfaces = title_surfaces(slug, word, title)
    warm(live, surfaces, expected=False)
    write(slug, title)
    seen_everywhere(live, surfaces)
    same_rows(live, f"q={word}")
    same_rows(live, "")


def test_a_management_command_in_another_process_is_seen_by_every_worker(live, tmp_path):
    def write(slug, title):
        rows = list(csv.DictReader(io.StringIO(live.get("/programmes/export.csv")[1])))
        row = next((row for row in rows if row["slug"] == slug), None)
        assert row, (slug, [row["slug"] for row in rows])
        with open(tmp_path / "one.csv", "w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerow({**row, "title": title})
        output = live.manage("import_programmes", str(tmp_path / "one.csv"))
        assert "1 updated" in output, output

    renamed_by(live, write)


def test_an_admin_change_on_one_worker_is_seen_by_every_worker(live):
    def write(slug, title):
        admin = AdminClient(live.base)
        admin.login(*ADMIN)
        _, _, changelist = admin.open(f"/admin/programmes/programme/?q={slug}")
        change = re.search(r'href="(/admin/programmes/programme/\d+/change/)', changelist)[1]
        admin.change(change, title=title)

    renamed_by(live, write)


def test_an_approved_revision_is_seen_by_every_worker(live):
    def write(slug, title):
        live.shell(f"""
from django.contrib.auth import get_user_model
from editorial.revisions import approve, propose_values
from programmes.models import Programme
reviewer = get_user_model().objects.get(username={ADMIN[0]!r})
revision = propose_values(Programme.objects.get(slug={slug!r}), {{"title": {title!r}}}, user=reviewer)
approve(revision, reviewer=reviewer)
""")

    renamed_by(live, write)


def test_an_unpublished_programme_leaves_every_surface_of_every_worker(live):
    slug = live.programme()
    uid = json.loads(live.get(f"/api/v1/programmes/{slug}/")[1])["uid"]
    listed = {
        "/programmes/": lambda body: slug in cards(body),
        "/api/v1/programmes/?page_size=100": lambda body: slug in [row["slug"] for row in json.loads(body)["results"]],
        "/programmes/feed/": lambda body: f"/programmes/{slug}/" in body,
        "/sitemap-programmes.xml": lambda body: f"/programmes/{slug}/" in body,
    }
    pages = {f"/programmes/{slug}/": lambda body: slug in body, f"/api/v1/programmes/{slug}/": lambda body: slug in body,
             f"/api/v1/programmes/{uid}/": lambda body: uid in body}
    warm(live, {**listed, **pages, "/sitemap.xml": lambda body: "sitemap-programmes.xml" in body}, expected=True)
    live.shell(f"""
from django.contrib.auth import get_user_model
from editorial.models import PublicationState
from editorial.workflow import transition
from programmes.models import Programme
transition(Programme.objects.get(slug={slug!r}), PublicationState.DRAFT, user=get_user_model().objects.get(username={ADMIN[0]!r}))
""")
    seen_everywhere(live, {path: lambda body, shows=shows: not shows(body) for path, shows in listed.items()})
    seen_everywhere(live, {path: lambda body: True for path in pages}, status=404)
    seen_everywhere(live, {"/sitemap.xml": lambda body: "sitemap-programmes.xml" in body})
    same_rows(live, "")


def test_worker_memory_stays_flat_over_100_writes(live):
    slug = live.programme()
    listings = ["/programmes/", "/programmes/?q=sante", "/programmes/?status=open&sort=title"]
    writer = live.writer(slug)
    try:
        for index in range(6):  # warming: the code paths of a write and of the listings after it
            writer.write(f"Programme mesure {index}")
            live.answers(listings[index % 3], count=6)
        before = live.rss_kb()
        for index in range(100):
            writer.write(f"Programme mesure bis {index}")
            with ThreadPoolExecutor(3) as pool:
                assert [code for code, _body in pool.map(live.get, listings)] == [200] * 3
        for path in listings:
            live.answers(path, count=6)
        after = live.rss_kb()
    finally:
        writer.close()
    growth = {pid: (after[pid] - before[pid]) / 1024 for pid in before}
    print(f"\nRSS per worker ({live.mode}): before {before} kB, after 100 writes {after} kB, growth MB {growth}")
    assert before.keys() == after.keys(), "a worker was restarted"
    assert all(mb < 15 for mb in growth.values()), growth


def test_pages_answer_200_with_redis_at_a_closed_port(live_database, tmp_path):
    server = LiveServer(live_database, tmp_path, redis_url="redis://127.0.0.1:1/0").start()
    try:
        slug = server.programme()
        for path in ("/", "/programmes/", f"/programmes/{slug}/", "/api/v1/programmes/", "/programmes/feed/"):
            codes = [code for code, _body in server.answers(path, count=10)]
            assert codes == [200] * len(codes), (path, codes)
        assert fetch(server.base + "/robots.txt")[0] == 200
    finally:
        server.stop()
    warnings = server.log().count("unreachable")  # one line per outage and worker, not one per request
    assert 1 <= warnings <= 2 * WORKERS and "Traceback" not in server.log(), server.log()[-3000:]
