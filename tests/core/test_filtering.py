"""Reference rows named in a query string (region, theme, audience) checked without a query,
and never staler than the directory version."""
import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from programmes.filters import filter_programmes
from programmes.models import Audience, Theme
from territories.models import Territory
from tests.factories import AudienceFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LOOKED_UP = [f'"{model._meta.db_table}"' for model in (Territory, Theme, Audience)]


def cleaned(params):
    filterset = filter_programmes(QueryDict(params))
    return filterset.is_valid(), filterset


def test_region_theme_and_audience_are_checked_once_per_directory_version(tree):
    theme, audience = ThemeFactory(slug="essai"), AudienceFactory(slug="essais")
    params = "region=53&theme=essai&audience=essais"
    assert cleaned(params)[0]
    with CaptureQueriesContext(connection) as context:
        valid, filterset = cleaned(params)
        assert valid
    assert not [q["sql"] for q in context.captured_queries if any(table in q["sql"] for table in LOOKED_UP)]
    data = filterset.form.cleaned_data
    assert data["region"] == tree["bretagne"] and data["theme"] == [theme] and data["audience"] == [audience]


def test_a_renamed_theme_is_seen_at_once(tree):
    theme = ThemeFactory(slug="essai")
    assert cleaned("theme=essai")[0]
    theme.slug = "sante-numerique"
    theme.save()  # any write bumps the directory version
    valid, filterset = cleaned("theme=essai")
    assert not valid
    assert filterset.errors_as_text() == ["Thématique : Valeur inconnue : essai."]
    assert cleaned("theme=sante-numerique")[0]


def test_unknown_and_malformed_values_are_rejected_with_a_message(tree):
    ThemeFactory(slug="essai")
    assert cleaned("region=99")[1].errors_as_text() == ["La région « 99 » n'existe pas."]
    assert cleaned("theme=essai&theme=inconnue")[1].errors_as_text() == ["Thématique : Valeur inconnue : inconnue."]
    assert not cleaned("theme=essai%00")[0]
    assert not cleaned("region=5%003")[0]


def test_several_values_filter_as_before(tree):
    one, two = ThemeFactory(slug="un"), ThemeFactory(slug="deux")
    ProgrammeFactory(title="Un", themes=[one])
    ProgrammeFactory(title="Deux", themes=[two])
    ProgrammeFactory(title="Aucun")
    valid, filterset = cleaned("theme=un&theme=deux&theme=un")
    assert valid
    assert {p.title for p in filterset.qs} == {"Un", "Deux"}


def test_each_form_changes_its_own_fields_and_widgets_only(tree):
    # Form fields are copied shallowly (core.filtering.SharedFields): what a view changes on
    # its form (an empty label, choices) must reach that form's HTML and no other form's.
    from programmes.filters import ProjectFilter

    one, two = ProjectFilter(QueryDict()), ProjectFilter(QueryDict())
    one.form.fields["region"].empty_label = "Vide ici"
    one.form.fields["beneficiary_kind"].choices = [("x", "Ixe")]
    assert "Vide ici" in str(one.form["region"]) and "Vide ici" not in str(two.form["region"])
    assert ">Ixe<" in str(one.form["beneficiary_kind"]) and ">Ixe<" not in str(two.form["beneficiary_kind"])
