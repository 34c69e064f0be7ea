"""Bulk inserts and updates store every value as the ORM would, on SQLite and PostgreSQL
(PostgreSQL takes them as one array per column: awkward texts must survive the array syntax)."""
import datetime
import uuid
from decimal import Decimal

import pytest

from core.bulkwrite import insert_rows, insert_values, update_rows
from programmes.models import Programme, Theme

pytestmark = pytest.mark.django_db

AWKWARD = ['NULL', 'null', '', ' ', '{a,b}', '"quoted"', 'back\\slash', 'comma, and ; semicolon', "l'apostrophe", 'é à ç — ’ “', 'line\nbreak', '\\N']


def programme(index, text):
    return Programme(
        title=text or "untitled", slug=f"bulk-{index}", kind="funding_call", summary=text, description=text * 3,
        deadline=datetime.date(2030, 1, index % 28 + 1) if index % 2 else None,
        total_budget=Decimal("1234567.89") if index % 3 else None, contact_name=text[:200],
    )


def test_inserted_rows_get_their_ids_and_every_value_as_given():
    objs = insert_rows(Programme, [programme(i, text) for i, text in enumerate(AWKWARD)])
    assert all(obj.pk for obj in objs) and len({obj.pk for obj in objs}) == len(AWKWARD)
    stored = {p.pk: p for p in Programme.objects.filter(pk__in=[obj.pk for obj in objs])}
    for index, (obj, text) in enumerate(zip(objs, AWKWARD)):
        row = stored[obj.pk]
        assert (row.slug, row.summary, row.description, row.contact_name) == (f"bulk-{index}", text, text * 3, text)
        assert row.deadline == obj.deadline and row.total_budget == obj.total_budget and isinstance(row.uid, uuid.UUID)


def test_updated_rows_change_only_the_fields_named():
    objs = insert_rows(Programme, [programme(i, "avant") for i in range(len(AWKWARD))])
    for obj, text in zip(objs, AWKWARD):
        obj.summary, obj.title = text, "not written"
    update_rows(Programme, objs, ["summary"])
    stored = dict(Programme.objects.filter(pk__in=[o.pk for o in objs]).values_list("pk", "summary"))
    assert [stored[o.pk] for o in objs] == AWKWARD
    assert set(Programme.objects.filter(pk__in=[o.pk for o in objs]).values_list("title", flat=True)) == {"avant"}


def test_inserted_link_rows():
    objs = insert_rows(Programme, [programme(i, "liens") for i in range(3)])
    theme = Theme.objects.create(slug="bulk-theme", name="Thème {1,2} \"x\"")
    insert_values(Programme.themes.through, ["programme_id", "theme_id"], [(obj.pk, theme.pk) for obj in objs])
    assert set(theme.programmes.values_list("pk", flat=True)) == {obj.pk for obj in objs}
