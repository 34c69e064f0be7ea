import datetime

import pytest

from editorial.models import PublicationState as S
from programmes.models import Programme, ProgrammeActor
from tests.conftest import build_tree
from tests.factories import (
    ActorFactory,
    AudienceFactory,
    FundedProjectFactory,
    ProgrammeActorFactory,
    ProgrammeFactory,
    ThemeFactory,
)
from tests.shared_data import copy_of, shared_rows

TODAY = datetime.date.today()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def directory(shared_directory, db):
    """A small directory: varied programmes (kinds, dates, places, themes), organisations
    published or not, projects, and a published and an unpublished parent (built once per module)."""
    return copy_of(shared_directory)


@pytest.fixture(scope="module")
def shared_directory(django_db_setup, django_db_blocker):
    yield from shared_rows(django_db_blocker, lambda: build_directory(build_tree()))


def build_directory(tree):
    health, data = ThemeFactory(name="Santé numérique", slug="sante-numerique"), ThemeFactory(name="Cancer", slug="cancer")
    firms = AudienceFactory(name="Entreprises", slug="entreprises")
    region = ActorFactory(name="Région Bretagne", slug="region-bretagne", kind="region", seat=tree["bretagne"], siren="235300017")
    bpi = ActorFactory(name="Bpifrance", slug="bpifrance", kind="agency", seat=tree["fr"])
    draft = ActorFactory(name="Acteur Brouillon", slug="acteur-brouillon", publication_state=S.DRAFT, seat=tree["d35"])
    strategy = ProgrammeFactory(title="France 2030 santé", slug="france-2030", kind=Programme.Kind.STRATEGY,
                                territories=[tree["fr"]], recurrence="permanent")
    hidden_parent = ProgrammeFactory(title="Programme Brouillon", slug="programme-brouillon", publication_state=S.DRAFT)
    specs = [
        ("Appel numérique Bretagne", Programme.Kind.FUNDING_CALL, [tree["bretagne"]], [health], days(-10), days(20), strategy),
        ("Concours innovation cancer", Programme.Kind.COMPETITION, [tree["fr"]], [data], days(-40), days(-5), strategy),
        ("AMI Rennes plateformes", Programme.Kind.AMI, [tree["rennes"]], [health, data], days(10), days(60), hidden_parent),
        ("Subvention Lyon santé", Programme.Kind.GRANT, [tree["lyon"]], [health], None, None, None),
        ("Horizon Europe santé", Programme.Kind.FUNDING_CALL, [tree["eu"]], [data], days(-100), days(100), None),
        ("Prêt Réunion innovation", Programme.Kind.LOAN_EQUITY, [tree["d974"]], [], None, days(-30), None),
    ]
    programmes = {}
    for title, kind, territories, themes, opens_on, deadline, parent in specs:
        programme = ProgrammeFactory(title=title, kind=kind, territories=territories, themes=themes,
                                     opens_on=opens_on, deadline=deadline, parent=parent, summary=f"Résumé de {title}.")
        programme.audiences.add(firms)
        ProgrammeActorFactory(programme=programme, actor=region if tree["bretagne"] in territories or tree["rennes"] in territories else bpi)
        ProgrammeActorFactory(programme=programme, actor=draft, role=ProgrammeActor.Role.PARTNER)
        programmes[programme.slug] = programme
    ProgrammeFactory(title="Programme Archivé", slug="programme-archive", publication_state=S.ARCHIVED, territories=[tree["bretagne"]])
    first = programmes["appel-numerique-bretagne"]
    FundedProjectFactory(title="Projet Rennes IA", programme=first, beneficiary=region, territory=tree["rennes"], year=2024, amount="15000.50")
    FundedProjectFactory(title="Projet Du Brouillon", programme=first, beneficiary=draft, year=2023).partners.add(draft, bpi)
    FundedProjectFactory(title="Projet Orphelin", programme=hidden_parent, beneficiary=bpi, year=2022)
    return {"programmes": programmes, "strategy": strategy, "region": region, "bpi": bpi, "draft": draft, "tree": tree}
