import pytest


@pytest.fixture
def demo(db):
    """The shipped demo data, loaded through the product's own import path."""
    from programmes.demo import load_demo_data

    load_demo_data()
