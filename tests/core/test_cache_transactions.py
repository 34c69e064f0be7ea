"""The directory version across real transactions: a write that rolls back changes nothing, and
another connection (another process) sees a write only once it commits.

Transactional tests, in a module of their own: `make test` runs such modules after every other
test of their worker (tests/conftest.py)."""
import pytest
from django.db import OperationalError, connections, transaction

from core import directory_version
from programmes.models import Programme
from tests.factories import ProgrammeFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_the_version_and_the_pages(client):
    ProgrammeFactory(title="Avant")
    before = directory_version.directory_version()
    page = client.get("/programmes/").content
    with pytest.raises(RuntimeError), transaction.atomic():
        programme = ProgrammeFactory(title="Jamais écrit")
        assert directory_version.directory_version()[0] != before[0]  # bumped inside the transaction…
        raise RuntimeError
    assert directory_version.directory_version()[0] == before[0]  # …and taken back with it
    assert client.get("/programmes/").content == page and not Programme.objects.filter(pk=programme.pk).exists()


def other_reads(other):
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT token FROM core_directoryversion WHERE id = 1")
            return cursor.fetchone()[0]
    except OperationalError:
        return "locked"


@pytest.mark.django_db(transaction=True)
def test_a_new_version_is_not_visible_before_its_write_commits():
    """Another connection (another process) reads the old version until the write commits."""
    ProgrammeFactory()
    before = directory_version.directory_version()[0]
    other = connections.create_connection("default")
    try:
        with transaction.atomic():
            ProgrammeFactory(title="Pas encore")
            assert other_reads(other) in (before, "locked")  # SQLite's shared-cache test database locks instead
        assert other_reads(other) == directory_version.directory_version()[0] != before
    finally:
        other.close()
