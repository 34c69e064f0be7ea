"""How PostgreSQL stores the programme table (migrations 0012, 0013 and 0016)."""
import pytest
from django.db import connection

from programmes.models import Programme
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_titles_and_slugs_stay_in_their_rows():
    # The table moves values out of line past 128 bytes a row (0012); a sort key stored out of
    # line is read from the TOAST table at every comparison (an export sorted by title took
    # 8 s at 100,000 programmes instead of 0.2 s). SQLite stores every value in its row.
    for title in ("Bêta", "Alpha", "Gamma"):
        ProgrammeFactory(title=title, description="Un long texte. " * 200)
    assert list(Programme.objects.order_by("title").values_list("title", flat=True)) == ["Alpha", "Bêta", "Gamma"]
    if connection.vendor == "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'programmes_programme'::regclass"
            " AND attname IN ('title', 'slug', 'description')"
        )
        assert dict(cursor.fetchall()) == {"title": "p", "slug": "p", "description": "x"}


def test_the_listing_arrays_stay_in_their_rows(tree):
    # The facet counts read every filtered row's arrays: out of line, each was a TOAST fetch
    # (migration 0016). SQLite stores every value in its row.
    programme = ProgrammeFactory(title="Clés", description="Un long texte. " * 200, territories=[tree["rennes"], tree["lyon"]])
    assert set(Programme.objects.get(pk=programme.pk).territory_keys) >= {tree["rennes"].id, -tree["rennes"].id, tree["fr"].id}
    if connection.vendor == "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute WHERE attrelid = 'programmes_programme'::regclass"
            " AND attname IN ('territory_keys', 'theme_ids', 'audience_ids')"
        )
        assert dict(cursor.fetchall()) == {"territory_keys": "p", "theme_ids": "p", "audience_ids": "p"}
