"""The relevance table: queries over the demo data, with what must come first and what must not appear.

Runs on SQLite and on PostgreSQL (CI runs the suite on both): the two indexes must agree.
"""
import pytest
from django.http import QueryDict

from programmes.demo import load_demo_data
from programmes.filters import filter_programmes

IA = {"aap-entrepots-donnees-sante-hospitaliers", "feuille-de-route-sante-rennes-metropole",
      "strategie-acceleration-sante-numerique", "tour-de-france-2022-sante-numerique"}
RELOCATION = {"plan-relocalisation-auvergne-rhone-alpes", "pack-relocalisation-auvergne-rhone-alpes",
              "grands-projets-relocalisation-pharmaceutique-etat-2023"}

# (query, slugs that must lead the results in any order, slugs that must not appear)
TABLE = [
    # The word "IA" (a theme), never the inside of "diagnostic"; its synonym finds the same.
    ("IA", IA, {"guichet-diagnostic-reglementaire-sante-numerique"}),
    ("intelligence artificielle", IA, {"technopole-sante-dijon"}),
    ("i-Nov", {"concours-i-nov"}, {"technopole-sante-dijon", "ami-sante-numerique"}),
    ("inov", {"concours-i-nov"}, {"ami-sante-numerique"}),
    ("i nov", {"concours-i-nov"}, {"assises-regionales-sante-2023-auvergne-rhone-alpes"}),
    ("concours", {"concours-i-nov"}, {"technopole-sante-dijon"}),
    ("plateformes", {"plateformes-technologiques-sante-rouen"}, {"france-2030"}),
    ("plateforme", {"plateformes-technologiques-sante-rouen"}, {"france-2030"}),
    ("plateformes technologiques", {"plateformes-technologiques-sante-rouen"}, {"concours-i-nov"}),
    ("platef", {"plateformes-technologiques-sante-rouen"}, {"france-2030"}),
    ("télésanté", {"aap-accessibilite-solutions-numeriques-telesante"}, {"technopole-sante-dijon"}),
    ("telesante", {"aap-accessibilite-solutions-numeriques-telesante"}, {"technopole-sante-dijon"}),
    ("TELESANTE", {"aap-accessibilite-solutions-numeriques-telesante"}, {"technopole-sante-dijon"}),
    ("entrepôts de données", {"aap-entrepots-donnees-sante-hospitaliers"}, {"concours-i-nov"}),
    ("entrepots hospitaliers", {"aap-entrepots-donnees-sante-hospitaliers"}, {"france-2030"}),
    ('"données de santé"', {"aap-entrepots-donnees-sante-hospitaliers"}, {"concours-i-nov"}),
    ("tiers-lieux", {"aap-tiers-lieux-sante-numerique"}, {"technopole-sante-dijon"}),
    ("tiers lieux", {"aap-tiers-lieux-sante-numerique"}, {"technopole-sante-dijon"}),
    ("tierslieux", {"aap-tiers-lieux-sante-numerique"}, {"technopole-sante-dijon"}),
    ("compétences métiers", {"ami-competences-metiers-avenir-sante-numerique"}, {"concours-i-nov"}),
    ("technopôle dijon", {"technopole-sante-dijon"}, {"feuille-de-route-sante-rennes-metropole"}),
    ("technopole", {"technopole-sante-dijon"}, {"aap-tiers-lieux-sante-numerique"}),
    ("hackathon", {"health-digital-meeting-dijon-2020"}, {"feuille-de-route-sante-rennes-metropole"}),
    ("heath", {"health-digital-meeting-dijon-2020"}, {"france-2030"}),
    ("health digital meeting", {"health-digital-meeting-dijon-2020"}, {"france-2030"}),
    ("feuille de route rennes", {"feuille-de-route-sante-rennes-metropole"}, {"technopole-sante-dijon"}),
    ("rennes OU dijon", {"feuille-de-route-sante-rennes-metropole", "technopole-sante-dijon", "health-digital-meeting-dijon-2020"},
     {"france-2030"}),
    ("relocalisation", RELOCATION, {"concours-i-nov"}),
    ("relocalisation -pack", RELOCATION - {"pack-relocalisation-auvergne-rhone-alpes"}, {"pack-relocalisation-auvergne-rhone-alpes"}),
    ("relocalisations pharmaceutiques", {"grands-projets-relocalisation-pharmaceutique-etat-2023"}, {"concours-i-nov"}),
    ("guichet réglementaire", {"guichet-diagnostic-reglementaire-sante-numerique"}, {"france-2030"}),
    ("diagnostic", {"guichet-diagnostic-reglementaire-sante-numerique"}, {"france-2030"}),
    ("assises", {"assises-regionales-sante-2023-auvergne-rhone-alpes"}, {"concours-i-nov"}),
    ("tour de france", {"tour-de-france-2022-sante-numerique"}, {"plateformes-technologiques-sante-rouen"}),
    ("stratégie d'accélération", {"strategie-acceleration-sante-numerique"}, {"plateformes-technologiques-sante-rouen"}),
    ("AMI", {"ami-sante-numerique", "ami-competences-metiers-avenir-sante-numerique"}, {"plateformes-technologiques-sante-rouen"}),
    ("appel à manifestation d'intérêt", {"ami-sante-numerique", "ami-competences-metiers-avenir-sante-numerique", "france-2030"},
     {"plateformes-technologiques-sante-rouen"}),
    # A theme of twelve programmes: found under any spelling, nothing else.
    ("e-santé", set(), {"plan-relocalisation-auvergne-rhone-alpes", "technopole-sante-dijon"}),
    ("esante", set(), {"plan-relocalisation-auvergne-rhone-alpes", "technopole-sante-dijon"}),
    ("e santé", set(), {"plan-relocalisation-auvergne-rhone-alpes", "technopole-sante-dijon"}),
]


def slugs(query):
    return [p.slug for p in filter_programmes(QueryDict(mutable=True) | {"q": query, "closed": "include"}).qs]


@pytest.mark.django_db
def test_relevance_table():
    load_demo_data()
    failures = []
    for query, first, absent in TABLE:
        found = slugs(query)
        if not found:
            failures.append(f"{query!r}: nothing found")
        if set(found[: len(first)]) != first:
            failures.append(f"{query!r}: expected first {sorted(first)}, got {found[:5]}")
        if absent & set(found):
            failures.append(f"{query!r}: must not find {sorted(absent & set(found))}")
    assert len(TABLE) >= 30
    assert failures == [], "\n".join(failures)
