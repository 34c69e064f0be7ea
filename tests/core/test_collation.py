"""French order of names, the same in Python, on SQLite and on PostgreSQL."""
import pytest

from core.collation import french, french_key
from territories.models import Territory

FRENCH_ORDER = ["abeille", "AMI « Compétences »", "AMI santé", "Appel à projets « Tiers-lieux »", "Appel à projets entrepôts",
                "cote", "Cote", "côte", "Eau", "État", "i-Care LAB", "Île-de-France", "Zèbre"]


def test_python_key_sorts_accents_and_case_as_a_dictionary():
    assert sorted(reversed(FRENCH_ORDER), key=french_key) == FRENCH_ORDER
    assert sorted(["côte", "Cote", "cote"], key=french_key) == ["cote", "Cote", "côte"]


@pytest.mark.django_db
def test_database_sorts_the_same_way():
    for n, name in enumerate(reversed(FRENCH_ORDER)):
        Territory.objects.create(kind=Territory.Kind.EPCI, insee_code=f"X{n}", name=name, slug=f"x-{n}")
    names = Territory.objects.filter(insee_code__startswith="X").order_by(french("name")).values_list("name", flat=True)
    assert list(names) == FRENCH_ORDER
    plain = Territory.objects.filter(insee_code__startswith="X").order_by("name").values_list("name", flat=True)
    assert list(plain) != FRENCH_ORDER  # what the collation is for
