"""The suite's own order (tests/conftest.py): transactional modules last, never mixed with others."""
import pytest

from tests.conftest import (
    MIXED_MODULES,
    modules_mixing_transactional_tests,
    pytest_collection_modifyitems,
    pytest_runtest_setup,
)


class Item:
    def __init__(self, nodeid, *fixtures):
        self.nodeid, self.fixturenames = nodeid, fixtures

    def get_closest_marker(self, name):
        return None


class Config:
    def __init__(self):
        self.stash = pytest.Stash()


def test_transactional_modules_come_after_the_others():
    items = [Item("a.py::t1", "transactional_db"), Item("b.py::t1", "db"), Item("c.py::t1", "live_server"), Item("d.py::t1")]
    config = Config()
    pytest_collection_modifyitems(config, items)
    assert [item.nodeid for item in items] == ["b.py::t1", "d.py::t1", "a.py::t1", "c.py::t1"]
    assert config.stash[MIXED_MODULES] == set()


def test_a_module_mixing_transactional_and_other_tests_is_named():
    assert modules_mixing_transactional_tests([Item("a.py::t1", "db"), Item("b.py::t1", "transactional_db")]) == []
    mixed = [Item("a.py::t1", "db"), Item("a.py::t2", "transactional_db"), Item("b.py::t1", "demo_site")]
    assert modules_mixing_transactional_tests(mixed) == ["a.py"]


def test_the_tests_of_a_mixed_module_fail_naming_the_rule():
    item = Item("a.py::t1")
    item.config = Config()
    item.config.stash[MIXED_MODULES] = {"a.py"}
    with pytest.raises(pytest.fail.Exception, match="a.py: transactional tests go in modules of their own"):
        pytest_runtest_setup(item)
    item.config.stash[MIXED_MODULES] = {"b.py"}
    pytest_runtest_setup(item)  # another module's rule: this test runs
