"""Load the demo data: the entries named in the five source texts (shared/seeds/).

The data are CSV files in the columns of the public exports (`demo_data/`),
loaded by the same import path editors use; a second run changes nothing
(unchanged rows are not written: no new history, no bumped timestamps).
"""
from pathlib import Path

from django.db import transaction

from actors.imports import ACTORS
from actors.models import Actor
from core.imports import PlanHasProblems, analyze
from territories.models import Territory
from territories.services import load_geography

from .imports import PROGRAMMES, PROJECTS
from .models import Audience, FundedProject, Programme, Theme
from .reference_lists import load_reference_lists

DEMO_DIR = Path(__file__).resolve().parent / "demo_data"
FILES = (("actors.csv", ACTORS), ("programmes.csv", PROGRAMMES), ("projects.csv", PROJECTS))


@transaction.atomic
def load_demo_data():
    """Reference data (in case the tables were emptied since `migrate`), then the three files."""
    load_geography()
    load_reference_lists(Theme, Audience)
    for filename, importer in FILES:
        plan = importer.plan((DEMO_DIR / filename).read_bytes())
        if not plan.ok:
            raise PlanHasProblems("; ".join(str(p) for p in plan.problems[:10]))
        importer.apply(plan, publish=True)
    analyze()
    return {
        "territories": Territory.objects.count(),
        "actors": Actor.objects.count(),
        "programmes": Programme.objects.count(),
        "funded_projects": FundedProject.objects.count(),
    }
