import os

import pytest

from territories.models import Territory, TerritoryClosure
from territories.services import load_geography
from tests.factories import TerritoryFactory
from tests.shared_data import shared_rows

Kind = Territory.Kind


@pytest.fixture(autouse=True)
def empty_cache(settings):
    """Each test starts with an empty cache, and pages are not cached (tests read each
    response's context); tests/core/test_cache.py turns the page cache on."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    settings.PAGE_CACHE_SECONDS = 0
    # A transactional test's flush gives the content types new ids: the admin's log must not
    # write the ids this process kept from before.
    ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def import_jobs_inline(settings):
    """Confirmed imports run in the request: a background thread would not see the test's
    transaction (tests/editorial/test_import_jobs.py runs the thread for real)."""
    settings.IMPORT_JOBS = "inline"


@pytest.fixture
def geography(db):
    """The real reference geography (Europe, France, 18 regions, 101 departments, EPCIs).

    `migrate` loads it; loading again is a no-op unless a transactional test emptied the tables."""
    load_geography()


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The shipped demo data loaded once for a module whose tests share it (tests/shared_data.py)."""
    from programmes.demo import load_demo_data

    yield from shared_rows(django_db_blocker, load_demo_data)


@pytest.fixture
def tree(db):
    """A small hand-built territory tree, independent of the reference data.

    EU > FR > {Bretagne (53) > Ille-et-Vilaine (35) > Rennes Métropole,
               ARA (84) > Rhône (69) > Métropole de Lyon,
               La Réunion (04) > 974}
    """
    return build_tree()


def build_tree():
    """The `tree` fixture's rows (also built once per module by shared fixtures, tests/shared_data.py)."""
    # Replaces the reference geography that `migrate` loaded, inside the test's transaction: raw
    # deletes (nothing names a territory yet), as the ORM's would send a signal per row.
    for model in (TerritoryClosure, Territory.parents.through, Territory):
        model.objects.all()._raw_delete(model.objects.db)
    t = {}
    t["eu"] = TerritoryFactory(kind=Kind.CONTINENT, insee_code="EU", name="Union européenne")
    t["fr"] = TerritoryFactory(kind=Kind.COUNTRY, insee_code="FR", name="France", parents=[t["eu"]])
    t["bretagne"] = TerritoryFactory(kind=Kind.REGION, insee_code="53", name="Bretagne", parents=[t["fr"]])
    t["ara"] = TerritoryFactory(kind=Kind.REGION, insee_code="84", name="Auvergne-Rhône-Alpes", parents=[t["fr"]])
    t["reunion"] = TerritoryFactory(kind=Kind.REGION, insee_code="04", name="La Réunion", parents=[t["fr"]])
    t["d35"] = TerritoryFactory(kind=Kind.DEPARTMENT, insee_code="35", name="Ille-et-Vilaine", parents=[t["bretagne"]])
    t["d69"] = TerritoryFactory(kind=Kind.DEPARTMENT, insee_code="69", name="Rhône", parents=[t["ara"]])
    t["d974"] = TerritoryFactory(kind=Kind.DEPARTMENT, insee_code="974", name="La Réunion", parents=[t["reunion"]])
    t["rennes"] = TerritoryFactory(kind=Kind.EPCI, insee_code="243500139", name="Rennes Métropole", parents=[t["d35"]])
    t["lyon"] = TerritoryFactory(kind=Kind.EPCI, insee_code="200046977", name="Métropole de Lyon", parents=[t["d69"]])
    return t


SHARED_FIXTURES = {"shared_demo", "shared_directory", "demo_db"}


def _transactional(item):
    names = getattr(item, "fixturenames", ())
    if {"transactional_db", "live_server", "demo_site"} & set(names):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))


MIXED_MODULES = pytest.StashKey[set]()


def pytest_collection_modifyitems(config, items):
    """Modules of transactional tests last; in each module, the tests that share rows built once
    (tests/shared_data.py) run last: the rows stay until the module's end, and the module's
    other tests must not see them."""
    first = {}
    for position, item in enumerate(items):
        first.setdefault(item.nodeid.split("::")[0], position)

    def key(pair):
        position, item = pair
        shares = not SHARED_FIXTURES.isdisjoint(getattr(item, "fixturenames", ()))
        # Transactional tests last, as pytest-django orders them: they empty the tables that
        # `migrate` filled (territories, themes, synonyms) for the tests after them.
        return _transactional(item), first[item.nodeid.split("::")[0]], shares, position

    items[:] = [item for _, item in sorted(enumerate(items), key=key)]
    config.stash[MIXED_MODULES] = set(modules_mixing_transactional_tests(items))


def modules_mixing_transactional_tests(items):
    """`make test` sends whole modules to its workers (pytest-xdist, `--dist loadfile`), in the
    order above: a module of transactional tests comes after every other module of its worker,
    but one mixing both would empty `migrate`'s rows for the modules after it on that worker."""
    kinds = {}
    for item in items:
        kinds.setdefault(item.nodeid.split("::")[0], set()).add(_transactional(item))
    return sorted(module for module, found in kinds.items() if len(found) > 1)


def pytest_runtest_setup(item):
    """Each test of a module mixing transactional and other tests fails, naming the rule (an error
    raised while collecting crashes pytest-xdist's workers without a word)."""
    module = item.nodeid.split("::")[0]
    if module in item.config.stash.get(MIXED_MODULES, set()):
        pytest.fail(f"{module}: transactional tests go in modules of their own (tests/conftest.py)", pytrace=False)


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test (no browser, no PostgreSQL...) is a failure, not a pass."""
    if os.environ.get("CI", "").lower() != "true" or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        if reporter:
            reporter.write_line(f"CI: {skipped} test(s) skipped; skipped suites count as failures in CI.", red=True)
        session.exitstatus = 1
