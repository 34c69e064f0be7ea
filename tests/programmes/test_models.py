import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actors.services import save_actor
from programmes import services
from programmes.models import Programme
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def test_deadline_before_opening_is_refused_with_a_message():
    programme = ProgrammeFactory.build(opens_on=datetime.date(2024, 5, 1), deadline=datetime.date(2024, 4, 1))
    with pytest.raises(ValidationError) as excinfo:
        programme.full_clean()
    assert "deadline" in excinfo.value.message_dict


def test_amount_max_below_min_is_refused():
    programme = ProgrammeFactory.build(amount_min=Decimal("5000"), amount_max=Decimal("1000"))
    with pytest.raises(ValidationError) as excinfo:
        programme.full_clean()
    assert "amount_max" in excinfo.value.message_dict


def test_negative_amount_is_refused():
    programme = ProgrammeFactory.build(total_budget=Decimal("-1"))
    with pytest.raises(ValidationError) as excinfo:
        programme.full_clean()
    assert "total_budget" in excinfo.value.message_dict


def test_database_also_refuses_inverted_dates():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeFactory(opens_on=datetime.date(2024, 5, 1), deadline=datetime.date(2024, 4, 1))


def test_bad_url_is_refused():
    programme = ProgrammeFactory.build(website="not a url")
    with pytest.raises(ValidationError) as excinfo:
        programme.full_clean()
    assert "website" in excinfo.value.message_dict


def test_search_text_includes_actors_and_themes_and_follows_renames():
    programme = ProgrammeFactory(title="Appel Biothérapies", description="Données de santé")
    actor = ActorFactory(name="Lyonbiopôle")
    ProgrammeActorFactory(programme=programme, actor=actor)
    services.save_programme(programme=programme, themes=[ThemeFactory(name="Médecine nucléaire")])
    for query in ("biotherapies", "lyonbiopole", "medecine nucleaire"):
        assert list(Programme.objects.search(query)) == [programme], query
    actor.name = "Pôle Renommé"
    save_actor(actor=actor)
    assert list(Programme.objects.search("pole renomme")) == [programme]
    assert not Programme.objects.search("lyonbiopole").exists()


def test_funded_project_year_must_match_award_date():
    project = FundedProjectFactory.build(
        programme=ProgrammeFactory(), beneficiary=ActorFactory(), year=2023, awarded_on=datetime.date(2024, 1, 1)
    )
    with pytest.raises(ValidationError):
        project.full_clean()


def test_funded_project_year_defaults_from_award_date():
    project = FundedProjectFactory(year=None, awarded_on=datetime.date(2024, 6, 1))
    assert project.year == 2024


def test_only_published_entries_are_public():
    ProgrammeFactory(title="Visible")
    ProgrammeFactory(title="Brouillon", publication_state="draft")
    ProgrammeFactory(title="Archivé", publication_state="archived")
    assert list(Programme.objects.published().values_list("title", flat=True)) == ["Visible"]
