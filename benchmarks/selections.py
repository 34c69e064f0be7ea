"""Visitors' searches, each asked once: the same selections addressed to the product and to the peer.

A "new query on every request" must never repeat a query string within a run (the page cache
stays cold): `Selections.take` hands out selections never handed out before in this process."""
import random
import urllib.parse

from benchmarks.data import KINDS, WORDS
from benchmarks.peer import DATABASE as PEER_DATABASE
from programmes.models import Programme, Theme
from territories.models import Territory

# The listing the page-cache row repeats, and the searches EXPLAIN shows.
LISTING = "/programmes/?region=53&kind=funding_call&theme=e-sante&q=sante"
EXPLAINED = (LISTING, "/programmes/?q=sante", "/programmes/")
# The peer's facets: the same three dimensions the product filters on here.
PEER_FACETS = [("_facet", "kind"), ("_facet_array", "regions"), ("_facet_array", "themes")]


class Selections:
    """(region, kind, theme, word) tuples in a random order, none handed out twice."""

    def __init__(self, seed=7):
        self.rng = random.Random(seed)
        self.regions = sorted(Territory.objects.regions().values_list("insee_code", flat=True))
        self.themes = sorted(Theme.objects.values_list("slug", flat=True))
        self.words = sorted({w.strip(".").split("-")[0] for w in WORDS if len(w) > 5})
        self.given = set()

    def take(self, count):
        room = len(self.regions) * len(KINDS) * len(self.themes) * len(self.words) - len(self.given)
        if count > room:
            raise RuntimeError(f"only {room} selections never asked remain, {count} wanted")
        chosen = []
        while len(chosen) < count:
            pick = (self.rng.choice(self.regions), self.rng.choice(KINDS), self.rng.choice(self.themes), self.rng.choice(self.words))
            if pick not in self.given:
                self.given.add(pick)
                chosen.append(pick)
        return chosen


def product_listing(selection):
    region, kind, theme, word = selection
    return "/programmes/?" + urllib.parse.urlencode({"region": region, "kind": kind, "theme": theme, "q": word})


def peer_listing(selection):
    """The peer's table page with the same filters and words, and three facets."""
    region, kind, theme, word = selection
    params = [("_search", word), ("kind", kind), ("regions__arraycontains", region), ("themes__arraycontains", theme), *PEER_FACETS]
    return f"/{PEER_DATABASE}/programmes?" + urllib.parse.urlencode(params)


def programme_pages(peer_ids, *, seed=11):
    """([product page], [peer row page]) of the same published programmes, in a random order."""
    slugs = list(Programme.objects.published().order_by("id").values_list("slug", flat=True))
    random.Random(seed).shuffle(slugs)
    slugs = [slug for slug in slugs if slug in peer_ids]
    return [f"/programmes/{slug}/" for slug in slugs], [f"/{PEER_DATABASE}/programmes/{peer_ids[slug]}" for slug in slugs]
