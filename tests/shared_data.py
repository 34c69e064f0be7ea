"""Rows built once per test module and shared by its tests, each test still rolled back on its own.

Django's `TestCase.setUpTestData`, for pytest: the rows are written in a transaction opened before
the module's first test that asks for them (each test's own transaction is then a savepoint inside
it) and rolled back after the module's last test, so the next module finds the database as
`migrate` left it. Building the demo data or a directory of factories for every test was most of
the suite's time. Each test gets a deep copy of the objects returned, so a test that changes an
instance in memory does not change it for the next one (as `setUpTestData` does too).

Not for modules with transactional tests (`django_db(transaction=True)`, a live server): they
would commit or empty the shared transaction. The module's other tests run before the ones that
share rows (`pytest_collection_modifyitems` in tests/conftest.py), so they never see them.
"""
import copy

from django.db import transaction


def shared_rows(django_db_blocker, build):
    """For a module-scoped fixture: `yield from shared_rows(django_db_blocker, build)`."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            rows = build()
        except BaseException:
            _roll_back(atomic)
            raise
    try:
        yield rows
    finally:
        with django_db_blocker.unblock():
            _roll_back(atomic)


def _roll_back(atomic):
    transaction.set_rollback(True)
    atomic.__exit__(None, None, None)


def copy_of(rows):
    """What a test receives: its own instances, and a directory version of its own (in its
    transaction): what a process keeps per version (the listing's index, fragments) was built
    from the rows as a test left them, which need not be the shared ones."""
    from core.directory_version import bump_directory_version

    bump_directory_version()
    return copy.deepcopy(rows)
