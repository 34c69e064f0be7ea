"""The suite's own order (tests/conftest.py): transactional modules last, never mixed with others."""
import pytest

from tests.conftest import _check_no_module_mixes_transactional_tests, pytest_collection_modifyitems


class Item:
    def __init__(self, nodeid, *fixtures):
        self.nodeid, self.fixturenames = nodeid, fixtures

    def get_closest_marker(self, name):
        return None


def test_transactional_modules_come_after_the_others():
    items = [Item("a.py::t1", "transactional_db"), Item("b.py::t1", "db"), Item("c.py::t1", "live_server"), Item("d.py::t1")]
    pytest_collection_modifyitems(items)
    assert [item.nodeid for item in items] == ["b.py::t1", "d.py::t1", "a.py::t1", "c.py::t1"]


def test_a_module_mixing_transactional_and_other_tests_is_refused():
    _check_no_module_mixes_transactional_tests([Item("a.py::t1", "db"), Item("b.py::t1", "transactional_db")])
    with pytest.raises(pytest.UsageError, match="a.py"):
        _check_no_module_mixes_transactional_tests([Item("a.py::t1", "db"), Item("a.py::t2", "transactional_db")])
