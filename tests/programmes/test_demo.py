"""The demo data: idempotent, and the source texts' entries with their facts."""
import csv
import datetime
from decimal import Decimal

import pytest

from actors.models import Actor
from programmes.demo import DEMO_DIR, load_demo_data
from programmes.models import FundedProject, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    return load_demo_data()


def history_rows():
    return (Programme.history.count(), Actor.history.count(), FundedProject.history.count())


def test_loading_twice_changes_nothing(loaded):
    history = history_rows()
    stamps = list(Programme.objects.order_by("id").values_list("updated_at", flat=True))
    assert load_demo_data() == loaded
    assert history_rows() == history
    assert list(Programme.objects.order_by("id").values_list("updated_at", flat=True)) == stamps


def rows_of(name):
    with (DEMO_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_counts_match_the_data_files(loaded):
    assert loaded["programmes"] == len(rows_of("programmes.csv")) == 18
    assert loaded["actors"] == len(rows_of("actors.csv")) == 54
    assert loaded["funded_projects"] == len(rows_of("projects.csv")) == 11
    assert Programme.objects.published().count() == loaded["programmes"]
    assert Actor.objects.published().count() == loaded["actors"]


def test_every_column_of_the_files_is_loaded(loaded):
    """Nothing is silently dropped: each file re-exports to the same cells (siren included)."""
    actor_rows = {row["slug"]: row for row in rows_of("actors.csv")}
    for actor in Actor.objects.select_related("seat"):
        row = actor_rows[actor.slug]
        assert (actor.name, actor.acronym, actor.kind, actor.siren, actor.website, actor.description, actor.source) == (
            row["name"], row["acronym"], row["kind"], row["siren"], row["website"], row["description"], row["source"])
        assert (actor.seat.code if actor.seat else "") == row["seat_code"]


def test_the_source_spelling_of_the_dijon_meeting_is_kept(loaded):
    event = Programme.objects.get(slug="health-digital-meeting-dijon-2020")
    assert event.title.startswith("Heath & Digital Meeting")
    assert "Health & Digital Meeting" in event.description
    assert event in Programme.objects.search("health digital meeting")
    assert event in Programme.objects.search("heath digital meeting")


def test_every_entry_keeps_its_source(loaded):
    assert not Programme.objects.filter(source="").exists()
    assert not Actor.objects.filter(source="").exists()
    assert not FundedProject.objects.filter(source="").exists()


def test_rouen_scheme_and_its_six_projects(loaded):
    scheme = Programme.objects.get(slug="plateformes-technologiques-sante-rouen")
    assert scheme.kind == Programme.Kind.EQUIPMENT
    assert [t.insee_code for t in scheme.territories.all()] == ["200023414"]
    projects = scheme.funded_projects.select_related("beneficiary")
    by_year = {}
    for project in projects:
        by_year.setdefault(project.year, set()).add(project.beneficiary.name)
        assert project.amount is None  # the text gives no amount
    assert by_year == {
        2023: {"Ugecam / Les Herbiers", "Centre Henri Becquerel", "CHU Rouen Normandie"},
        2024: {"Centre Hospitalier du Rouvray", "Centre Henri Becquerel", "CHU Rouen Normandie"},
    }
    assert projects.count() == 6


def test_dijon_technopole_with_its_five_signatories(loaded):
    technopole = Programme.objects.get(slug="technopole-sante-dijon")
    assert technopole.opens_on == datetime.date(2019, 9, 26)
    assert technopole.status == "permanent"
    names = set(technopole.roles.values_list("actor__name", flat=True))
    assert {"Dijon Métropole", "CHU Dijon Bourgogne", "Centre Georges-François Leclerc", "Université de Bourgogne"} <= names
    assert any("BFCare" in name for name in names)
    assert len(names) == 5


def test_dijon_hackathon_dates_and_organiser(loaded):
    event = Programme.objects.get(roles__actor__slug="cpage", roles__role="runs")
    assert (event.opens_on, event.deadline) == (datetime.date(2020, 3, 25), datetime.date(2020, 3, 29))
    assert event.status == "closed"


def test_sante_numerique_strategy_and_its_calls(loaded):
    strategy = Programme.objects.get(slug="strategie-acceleration-sante-numerique")
    assert strategy.total_budget == Decimal("670000000")
    assert strategy.opens_on == datetime.date(2021, 10, 18)
    titles = " | ".join(Programme.objects.values_list("title", flat=True))
    for call in ["Compétences et métiers d'avenir", "Tiers-lieux", "Entrepôts de données de santé hospitaliers", "i-Nov", "AMI santé numérique"]:
        assert call.lower() in titles.lower(), call


def test_auvergne_rhone_alpes_relocation(loaded):
    plan = Programme.objects.get(slug="plan-relocalisation-auvergne-rhone-alpes")
    assert [t.insee_code for t in plan.territories.all()] == ["84"]
    companies = {"Seqens": "38", "Skyepharma": "38", "Benta Lyon": "69", "Euroapi": "63", "Smartox Biotechnology": "38", "Nemera": "38"}
    for name, department in companies.items():
        actor = Actor.objects.get(name__iexact=name)
        assert actor.kind == Actor.Kind.COMPANY
        assert actor.seat.insee_code == department, name
    smartox = FundedProject.objects.get(beneficiary__name="Smartox Biotechnology")
    assert smartox.programme.slug == "pack-relocalisation-auvergne-rhone-alpes"
    assert smartox.amount is None and "4 M€" in smartox.description


def test_rennes_roadmap(loaded):
    roadmap = Programme.objects.get(slug="feuille-de-route-sante-rennes-metropole")
    assert roadmap.kind == Programme.Kind.STRATEGY
    assert roadmap.contact_email == "c.queron@rennesmetropole.fr"
    assert set(roadmap.roles.values_list("actor__name", flat=True)) == {"Rennes Métropole", "Biotech Santé Bretagne"}


def test_nothing_invented_in_amounts_or_deadlines(loaded):
    # Only the Santé numérique budget is given by the texts.
    assert list(Programme.objects.exclude(total_budget=None).values_list("slug", flat=True)) == ["strategie-acceleration-sante-numerique"]
    assert not Programme.objects.exclude(amount_min=None, amount_max=None).exists()
    assert not FundedProject.objects.exclude(amount=None).exists()
    assert not Actor.objects.exclude(siren="").exists()


def test_every_demo_entry_passes_model_validation(loaded):
    for model in (Programme, Actor, FundedProject):
        for obj in model.objects.all():
            obj.full_clean()
