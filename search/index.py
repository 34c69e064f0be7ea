"""The search index of a model, on either database, and the QuerySet that queries it.

Every searchable model has four text columns of analysed terms, by weight:
`search_a` (title, name), `search_b` (themes, organisations, acronyms),
`search_c` (summary), `search_d` (description). The same terms feed
- PostgreSQL: a weighted `tsvector` column (`simple` configuration: the terms are
  already stemmed) with a GIN index, queried with `to_tsquery` and ranked by `ts_rank`;
- SQLite: an FTS5 table `<table>_fts` over the four columns, ranked by bm25.
So both databases find the same rows for the same query.
"""
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.cache import cache
from django.db import connection, models
from django.db.models import F, FloatField, Lookup, Value

from core.bulkwrite import insert_rows, update_rows
from core.sql import IdIn

from .analysis import prepare, prepared_terms, prepared_words
from .models import Synonym, Term
from .query import parse, to_fts5, to_tsquery

COLUMNS = ("search_a", "search_b", "search_c", "search_d")
# Derived from the entry: never kept in its history.
INDEX_FIELDS = [*COLUMNS, "search_vector"]
WEIGHTS = dict(zip(COLUMNS, "ABCD"))
# Title > themes and organisations > summary > description, on both databases.
FTS5_RANK = "bm25(100.0, 10.0, 3.0, 1.0)"
TITLE_FIRST = 10
PG_RANK_WEIGHTS = [0.01, 0.03, 0.1, 1.0]  # D, C, B, A; normalised by log(length), like bm25 favours short entries
VOCABULARY_WORD = (3, 60)


def fts_table(model):
    return f"{model._meta.db_table}_fts"


def is_postgres():
    return connection.vendor == "postgresql"


# The weighted vector of the analysed columns, as `update_rows` computes it from their new values `v.*`.
VECTOR_SQL = " || ".join(f"setweight(to_tsvector('simple'::regconfig, COALESCE(v.{column}, '')), '{weight}')"
                         for column, weight in WEIGHTS.items())


SYNONYMS_CACHE_KEY = "search:synonyms"


def synonym_groups():
    """Cached: a listing parses its query once per facet; the admin clears this on every change."""
    def load():
        return [group for synonym in Synonym.objects.all() for group in [synonym.groups()] if len(group) > 1]

    return cache.get_or_set(SYNONYMS_CACHE_KEY, load, 300)


def forget_synonyms():
    cache.delete(SYNONYMS_CACHE_KEY)


def _analysed(texts):
    """{key: [a, b, c, d] folded}: each text folded once, for its terms and for the vocabulary
    (a bulk import's main cost)."""
    return {key: [prepare(part) if part else "" for part in parts] for key, parts in texts.items()}


def _columns(parts):
    return {column: " ".join(prepared_terms(part)) for column, part in zip(COLUMNS, parts)}


def write_index(model, texts):
    """Store the analysed columns of `texts` ({id: (a, b, c, d) raw texts}) and index them."""
    prepared = _analysed(texts)
    rows = [model(id=pk, **_columns(parts)) for pk, parts in prepared.items()]
    # One UPDATE per 500 rows (bulk_update's CASE is slow per row in Python), the vector with it.
    update_rows(model, rows, COLUMNS, derived={"search_vector": VECTOR_SQL} if is_postgres() else None)
    _write_fts(model, rows)
    _remember_public(model, prepared)


def insert_indexed(model, objs, texts):
    """Insert the new instances `objs` with their search columns filled from `texts` (one
    (a, b, c, d) per instance, in order) and the vector computed in the same INSERT: each row
    written once, where inserting then indexing wrote it twice (half an import's SQL time)."""
    prepared = _analysed(dict(enumerate(texts)))
    for position, obj in enumerate(objs):
        for column, terms in _columns(prepared[position]).items():
            setattr(obj, column, terms)
    insert_rows(model, objs, derived={"search_vector": VECTOR_SQL} if is_postgres() else None)
    _write_fts(model, objs)
    _remember_public(model, {obj.id: prepared[position] for position, obj in enumerate(objs)})


def _write_fts(model, rows):
    """SQLite: the rows' entries in the FTS5 table (PostgreSQL keeps its vector in the row).
    A new row's id may still have an entry: a flush (tests) or a raw delete leaves the
    virtual table's rows, and SQLite reuses the ids of deleted rows."""
    if is_postgres():
        return
    table = connection.ops.quote_name(fts_table(model))
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(row.id,) for row in rows])
        cursor.executemany(
            f"INSERT INTO {table} (rowid, search_a, search_b, search_c, search_d) VALUES (%s, %s, %s, %s, %s)",
            [(row.id, *(getattr(row, c) for c in COLUMNS)) for row in rows],
        )


def _remember_public(model, prepared):
    # Suggestions offer words of published entries only: a draft's name must not leak through them.
    public = _published_ids(model, list(prepared))
    remember(word for pk, parts in prepared.items() if pk in public for part in parts for word in prepared_words(part))


def _published_ids(model, ids):
    manager = model._default_manager
    if not hasattr(manager, "published"):
        return set(ids)
    return set(manager.published().filter(IdIn("id", ids)).values_list("id", flat=True))


def remember(found_words):
    low, high = VOCABULARY_WORD
    found = {w for w in found_words if low <= len(w) <= high and not w.isdigit()}
    Term.objects.bulk_create([Term(word=w) for w in sorted(found)], ignore_conflicts=True, batch_size=1000)


def create_fts_table(schema_editor, db_table):
    """For a migration: the SQLite FTS5 table of a model (nothing to do on PostgreSQL)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    table = f"{db_table}_fts"
    schema_editor.execute(f'CREATE VIRTUAL TABLE IF NOT EXISTS "{table}" USING fts5(search_a, search_b, search_c, search_d)')
    schema_editor.execute(f"INSERT INTO \"{table}\" (\"{table}\", rank) VALUES ('rank', '{FTS5_RANK}')")


def create_gin_index(schema_editor, db_table):
    """For a migration: the GIN index of a model's vector (nothing to do on SQLite)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{db_table}_search_gin" ON "{db_table}" USING gin (search_vector)')


class index_scans:
    """On PostgreSQL, match from the indexes (a bitmap of the search index), never by reading
    every row: a full-text match on most rows looks cheap to the planner as a sequential
    scan, which then decompresses every row's search vector (seconds at 100,000 rows)."""

    def __enter__(self):
        if is_postgres():
            with connection.cursor() as cursor:
                cursor.execute("SET enable_seqscan = off")

    def __exit__(self, *exc):
        if is_postgres():
            with connection.cursor() as cursor:
                cursor.execute("RESET enable_seqscan")


class DocumentField(models.TextField):
    """FTS5's hidden column named after its table: the left side of MATCH."""


@DocumentField.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FtsEntry(models.Model):
    """A row of a model's SQLite FTS5 table (unmanaged: created by a migration, SQLite only).

    Subclasses add `entry = OneToOneField(<model>, primary_key=True, db_column="rowid",
    related_name="fts_entry", on_delete=DO_NOTHING, db_constraint=False)` and
    `document = DocumentField(db_column="<table>_fts")`."""

    rank = models.FloatField()

    class Meta:
        abstract = True
        managed = False


class FullTextQuerySet(models.QuerySet):
    """`search(text)` filters, `with_relevance(text)` ranks; `reindex()` (per model) indexes.

    The QuerySet's own bulk writes keep the index current too: `update()` of a field listed in
    `searched_fields` and `bulk_create()` reindex the rows they touch."""

    searched_fields = frozenset()

    def reindex(self):
        raise NotImplementedError

    def update(self, **kwargs):
        if self.searched_fields.isdisjoint(kwargs):
            return super().update(**kwargs)
        ids = list(self.values_list("id", flat=True))
        count = super().update(**kwargs)
        self.model.objects.filter(id__in=ids).reindex()
        return count

    def bulk_create(self, objs, *args, reindex=True, **kwargs):
        """`reindex=False` for bulk loaders that add relations, then reindex once."""
        objs = super().bulk_create(objs, *args, **kwargs)
        if reindex:
            self.model.objects.filter(id__in=[o.id for o in objs if o.id]).reindex()
        return objs

    def parsed(self, raw):
        return parse(raw, synonyms=synonym_groups())

    def search(self, raw):
        query = raw if hasattr(raw, "clauses") else self.parsed(raw)
        queryset = self
        if query.clauses:
            queryset = queryset._matching(query.clauses)
        if query.excluded:
            queryset = queryset.exclude(id__in=self.model.objects.all()._matching([query.excluded]).values("id"))
        return queryset

    def _matching(self, clauses):
        if is_postgres():
            return self.filter(search_vector=SearchQuery(to_tsquery(clauses), config="simple", search_type="raw"))
        # A join (one-to-one, reused by `with_relevance`): SQLite then drives the query from the MATCH.
        return self.filter(fts_entry__document__match=to_fts5(clauses))

    def with_relevance(self, raw):
        """Annotate `relevance` (higher is better). Call it on `search(raw)`'s result: on SQLite
        the rank comes from that search's FTS5 join (matching twice would slow SQLite down)."""
        query = raw if hasattr(raw, "clauses") else self.parsed(raw)
        if not query.clauses:
            return self.annotate(relevance=Value(0.0, output_field=FloatField()))
        if is_postgres():
            search = SearchQuery(to_tsquery(query.clauses), config="simple", search_type="raw")
            # Words found in the title come first (as bm25's title weight does on SQLite), then the weighted rank.
            any_word = SearchQuery(to_tsquery([query.phrases()]), config="simple", search_type="raw")
            title = SearchRank(SearchVector("search_a", config="simple"), any_word)
            whole = SearchRank(F("search_vector"), search, weights=PG_RANK_WEIGHTS, normalization=1)
            return self.annotate(relevance=TITLE_FIRST * title + whole)
        return self.annotate(relevance=models.ExpressionWrapper(-F("fts_entry__rank"), output_field=FloatField()))
