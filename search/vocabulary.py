"""Which vocabulary words suggestions may offer: those a published entry has now.

`Term` is a list of candidates, filled when a published entry is indexed (`search.index.remember`)
and never maintained on the way out: an entry leaves the public directory by a save, an admin
action, a `QuerySet.update()` of its state (no reindex), a delete one by one or in bulk, a cascade,
a restore, an edit that drops a word. Keeping a count per word in step with all of them would
need every entry's former words at each of those writes, and one missed path leaks a withdrawn
word again. So the word is checked when it is about to be offered instead: the public search of
each searchable model must find a published entry with it (an indexed lookup, one query per model
at most, and only on a listing with no result). A word found in none is deleted from `Term`, so
it costs that check once; publishing an entry with it again adds it back as it is reindexed.

A word passes when a published entry has a word of the same stem (the index holds stems): the
suggestion then finds that entry, and no draft's word is shown that a published one lacks in all
but its inflection.
"""
from functools import cache

from django.apps import apps

from .analysis import STOP_WORDS
from .index import FullTextQuerySet, index_scans
from .models import Term
from .query import parse


@cache
def searchable_models():
    """The models indexed for search that have a published state, programmes first."""
    found = [model for model in apps.get_models()
             if issubclass(model._default_manager._queryset_class, FullTextQuerySet)
             and hasattr(model._default_manager, "published")]
    return sorted(found, key=lambda model: model._meta.model_name != "programme")


def is_public(word):
    """True when a published entry of some searchable model has `word` (synonyms left out:
    a withdrawn word must not pass through a synonym that is still published)."""
    if word in STOP_WORDS:  # not indexed, and no one's secret
        return True
    query = parse(f'"{word}"')  # quoted: the whole word, not a prefix
    if not query.clauses:
        return False
    with index_scans():
        return any(model._default_manager.published().search(query).exists() for model in searchable_models())


def forget(word):
    Term.objects.filter(word=word).delete()


def first_public(words, limit=5):
    """The first of `words` a published entry has; the stale ones tried on the way are forgotten.
    At most `limit` tried, so a request's cost stays bounded."""
    for word in list(words)[:limit]:
        if is_public(word):
            return word
        forget(word)
    return None
