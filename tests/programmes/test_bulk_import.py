"""The chunked programme import: history, relations, search, all-or-nothing, constant queries."""
import csv
import io
import re
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

import core.imports
from actors.models import Actor
from programmes import services
from programmes.exports import PROGRAMME_COLUMNS
from programmes.imports import PROGRAMMES
from programmes.models import Audience, Programme, ProgrammeActor, Theme
from tests.factories import ActorFactory, AudienceFactory, ThemeFactory, staff_user

pytestmark = pytest.mark.django_db

BASE = {"kind": "funding_call", "recurrence": "one_off", "territory_codes": "region:53", "actor_roles": "runs:operateur",
        "actors": "Opérateur (Porte / opère)", "theme_slugs": "e-sante", "themes": "E-santé"}


def csv_of(*rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, PROGRAMME_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({**BASE, **row})
    return buffer.getvalue().encode()


def row(slug, **values):
    return {"slug": slug, "title": f"Programme {slug}", **values}


def run(*rows, user=None, publish=False):
    plan = PROGRAMMES.plan(csv_of(*rows), user=user)
    assert plan.ok, [str(p) for p in plan.problems]
    return PROGRAMMES.apply(plan, user=user, publish=publish)


@pytest.fixture
def references(geography):
    ActorFactory(slug="operateur", name="Opérateur")
    Theme.objects.get_or_create(slug="e-sante", defaults={"name": "E-santé"})  # the reference lists may hold it


@pytest.fixture
def admin(db):
    return staff_user(is_superuser=True)


def test_created_and_changed_entries_get_one_history_record_each_unchanged_ones_none(references, admin):
    run(row("garde"), row("change"), user=admin)
    kept = Programme.objects.get(slug="garde")
    kept_version, kept_records = kept.updated_at, kept.history.count()
    run(row("garde"), row("change", title="Nouveau titre"), row("neuf"), user=admin)

    kept.refresh_from_db()
    assert (kept.updated_at, kept.history.count()) == (kept_version, kept_records)
    changed = Programme.objects.get(slug="change")
    assert changed.title == "Nouveau titre"
    assert [r.history_type for r in changed.history.all()] == ["~", "+"]
    new = Programme.objects.get(slug="neuf")
    assert [r.history_type for r in new.history.all()] == ["+"]
    for record in (changed.history.first(), new.history.first()):
        assert record.history_user == admin
        assert record.history_change_reason == "Import CSV"
    assert changed.history.first().diff_against(changed.history.last(), excluded_fields=["updated_at"]).changed_fields == ["title"]


def test_relations_are_set_exactly_with_their_history(references, admin):
    for slug in ("finance", "partenaire"):
        ActorFactory(slug=slug, name=slug.capitalize())
    ThemeFactory(slug="ia-test", name="IA test")
    run(row("p", territory_codes="region:53 | region:84", theme_slugs="e-sante", themes="E-santé", total_budget_eur="1000",
            deadline="2030-01-01", actor_roles="runs:operateur | funds:finance", actors=""), user=admin)
    programme = Programme.objects.get(slug="p")
    funds = programme.roles.get(role="funds")

    run(row("p", territory_codes="region:84 | region:28", theme_slugs="ia-test", themes="IA test", audience_slugs="nouveau-public",
            audiences="Nouveau public", total_budget_eur="", deadline="", actor_roles="runs:operateur | partner:partenaire", actors=""), user=admin)

    programme.refresh_from_db()
    assert sorted(programme.territories.values_list("insee_code", flat=True)) == ["28", "84"]
    assert list(programme.themes.values_list("slug", flat=True)) == ["ia-test"]
    assert list(programme.audiences.values_list("slug", flat=True)) == ["nouveau-public"]  # created, as before
    assert set(programme.roles.values_list("actor__slug", "role")) == {("operateur", "runs"), ("partenaire", "partner")}
    assert (programme.total_budget, programme.deadline) == (None, None)
    removed = ProgrammeActor.history.get(id=funds.id, history_type="-")
    added = ProgrammeActor.history.get(programme_id=programme.id, actor__slug="partenaire")
    for record in (removed, added):
        assert (record.history_user, record.history_change_reason) == (admin, "Import CSV")
    assert added.history_type == "+"
    snapshot = Programme.history.model.territories.model.objects.filter(history_id=programme.history.first().history_id)
    assert set(snapshot.values_list("territory__insee_code", flat=True)) == {"28", "84"}


def test_amounts_and_dates_are_written_as_parsed(references):
    run(row("p", total_budget_eur="100", amount_min_eur="1.5", opens_on="2030-01-01"))
    run(row("p", total_budget_eur="2500000.50", amount_min_eur="", opens_on="02/01/2031", deadline="2031-06-30"))
    programme = Programme.objects.get(slug="p")
    assert programme.total_budget == Decimal("2500000.50") and programme.amount_min is None
    assert (str(programme.opens_on), str(programme.deadline)) == ("2031-01-02", "2031-06-30")


def test_search_finds_imported_and_changed_rows(references):
    ActorFactory(slug="zebre", name="Fondation Zèbre")
    run(row("p", title="Cancérologie pédiatrique", actor_roles="runs:zebre", actors=""))
    assert list(Programme.objects.search("cancerologie").values_list("slug", flat=True)) == ["p"]
    assert list(Programme.objects.search("zebre").values_list("slug", flat=True)) == ["p"]
    run(row("p", title="Imagerie médicale", actor_roles="runs:zebre", actors=""))
    assert not Programme.objects.search("cancerologie").exists()
    assert Programme.objects.search("imagerie").exists()


def indexed(slug):
    """The entry's search columns; words in any order, and on PostgreSQL its vector's lexemes with their weights."""
    a, b, c, d, vector = Programme.objects.filter(slug=slug).values_list("search_a", "search_b", "search_c", "search_d", "search_vector").get()
    lexemes = sorted((word, "".join(sorted(set(re.sub(r"[\d,]", "", places))))) for word, places in re.findall(r"'([^']+)':([\d,A-D]+)", vector or ""))
    return a, sorted(b.split()), c, d, lexemes


def test_new_entries_are_indexed_as_they_are_inserted_as_a_reindex_would(references):
    ActorFactory(slug="zebre", name="Fondation Zèbre", acronym="FZB")
    ActorFactory(slug="brouillon", name="Mécène Caché", publication_state="draft")
    run(row("p", title="Cancérologie pédiatrique", summary="Soins des enfants", description="Essais cliniques en oncologie",
            actor_roles="runs:zebre|funds:operateur|funds:brouillon", actors=""), publish=True)
    imported = indexed("p")
    assert "zebr" in imported[1] and "fzb" in imported[1] and not any("cach" in word for word in imported[1])
    assert (connection.vendor != "postgresql") or {"cancerolog", "enfant", "oncolog"} <= {word for word, _weights in imported[4]}
    Programme.objects.filter(slug="p").reindex()
    assert indexed("p") == imported
    assert list(Programme.objects.search("oncologie zebre").values_list("slug", flat=True)) == ["p"]


def test_a_failure_in_a_later_chunk_writes_nothing(references, monkeypatch):
    monkeypatch.setattr(core.imports, "CHUNK_ROWS", 1)
    calls = []
    real = services.refresh_search

    def fail_on_second_chunk(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("boom")
        return real(**kwargs)

    monkeypatch.setattr(services, "refresh_search", fail_on_second_chunk)
    before = (Theme.objects.count(), Actor.objects.count(), Programme.history.count(), ProgrammeActor.objects.count())
    with pytest.raises(RuntimeError):
        run(row("un", theme_slugs="theme-inedit", themes="Inédit"), row("deux"), row("trois"), publish=True)
    assert len(calls) == 2  # the first chunk was written, then undone
    assert not Programme.objects.exists()
    assert (Theme.objects.count(), Actor.objects.count(), Programme.history.count(), ProgrammeActor.objects.count()) == before


def test_publish_stamps_new_entries_only(references, admin):
    run(row("existant"))
    run(row("existant", title="Changé"), row("nouveau"), user=admin, publish=True)
    new, existing = Programme.objects.get(slug="nouveau"), Programme.objects.get(slug="existant")
    assert (new.publication_state, new.published_by) == ("published", admin) and new.published_at
    assert (existing.publication_state, existing.published_at) == ("draft", None)


def test_two_rows_matching_one_entry_are_written_in_turn(references):
    run(row("x", website="https://source.example/x"))
    run(row("x", title="Premier"), row("autre", title="Second", website="https://source.example/x"))
    entry = Programme.objects.get(slug="x")
    assert entry.title == "Second" and not Programme.objects.filter(slug="autre").exists()
    assert entry.history.count() == 3


def queries_of(rows):
    with CaptureQueriesContext(connection) as queries:
        run(*rows)
    return len(queries)


def test_queries_do_not_grow_with_rows(references):
    AudienceFactory(slug="public-test", name="Public test")
    extra = {"audience_slugs": "public-test", "audiences": "Public test"}
    # SQLite takes 999 parameters per statement: Django splits an INSERT of programmes every 39 rows.
    sizes = (10, 100 if connection.vendor == "postgresql" else 35)
    created = [queries_of([row(f"{size}-{i}", **extra) for i in range(size)]) for size in sizes]
    assert created[0] == created[1]
    changed = [queries_of([row(f"{size}-{i}", title=f"Autre {i}", territory_codes="region:84", actor_roles="funds:operateur",
                               actors="", theme_slugs="", themes="") for i in range(size)]) for size in sizes]
    assert changed[0] == changed[1]
    assert Programme.objects.filter(title__startswith="Autre", territories__insee_code="84").count() == sum(sizes)
    assert not Theme.objects.get(slug="e-sante").programmes.exists()
    assert not Audience.objects.get(slug="public-test").programmes.exists()


def test_an_entry_deleted_since_the_check_stops_the_import(references):
    from core.imports import ImportConflict
    from programmes.services import ProgrammeInput

    gone = ProgrammeInput(slug="disparu", values={"title": "Disparu", "kind": "funding_call"}, entry_id=10**9)
    new = ProgrammeInput(slug="neuf", values={"title": "Neuf", "kind": "funding_call"})
    with pytest.raises(ImportConflict, match="« disparu » a été supprimée pendant l'import"):
        services.save_programmes(items=[new, gone])
    assert not Programme.objects.exists()


def test_an_import_makes_cached_public_pages_stale_once_committed(references):
    from core.directory_version import directory_version

    before = directory_version()
    with transaction.atomic():
        run(row("p"))
        assert directory_version() != before  # bumped in the import's transaction: visible when it commits
    assert directory_version() != before
