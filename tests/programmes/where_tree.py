"""A hand-built tree with communes (`tests.conftest.build_tree` + a few communes), for the tests of
"Où êtes-vous ?": the test settings migrate without the 35,000 real communes."""
from territories.models import Territory
from tests.conftest import build_tree
from tests.factories import TerritoryFactory

Kind = Territory.Kind

# key: (INSEE code, name, postal codes, population, parents' keys)
COMMUNES = {
    "c_rennes": ("35238", "Rennes", "35000 35200 35700", 220000, ["rennes", "d35"]),
    "c_cesson": ("35051", "Cesson-Sévigné", "35510", 18000, ["rennes", "d35"]),
    "c_bourg": ("35052", "Bourg-des-Tests", "35510", 900, ["d35"]),  # shares Cesson's postal code
    "c_vitre": ("35360", "Vitré", "35500", 18500, ["d35"]),
    "c_aubin35": ("35990", "Saint-Aubin", "35140", 1200, ["d35"]),
    "c_aubin69": ("69990", "Saint-Aubin", "69590", 800, ["d69"]),
    "c_lyon": ("69123", "Lyon", "69001 69002 69003", 520000, ["lyon", "d69"]),
    "c_stdenis": ("97411", "Saint-Denis", "97400 97490", 150000, ["d974"]),
}


def build_tree_with_communes():
    tree = build_tree()
    for key, (code, name, postal_codes, population, parents) in COMMUNES.items():
        tree[key] = TerritoryFactory(kind=Kind.COMMUNE, insee_code=code, name=name, postal_codes=postal_codes,
                                     population=population, parents=[tree[parent] for parent in parents])
    return tree
