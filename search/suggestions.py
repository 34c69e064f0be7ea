"""'Vouliez-vous dire …': one-letter mistakes corrected from the vocabulary of indexed words.

A word is offered only once `vocabulary.first_public` has found it in a published entry: the
vocabulary may still hold words of entries since withdrawn (see `search.vocabulary`)."""
from django.db.models.functions import Length

from core.text import fold

from .models import Term
from .vocabulary import first_public

MIN_LENGTH = 4


def distance(a, b, limit=2):
    """Levenshtein distance, stopping early above `limit` (returns limit + 1 then)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def closest(word):
    """The nearest word of a published entry (one edit, two for long words), or None."""
    limit = 1 if len(word) < 8 else 2
    candidates = Term.objects.annotate(n=Length("word")).filter(
        n__gte=len(word) - limit, n__lte=len(word) + limit, word__startswith=word[0],
    ).values_list("word", flat=True)
    scored = sorted((distance(word, c, limit), c) for c in candidates)
    return first_public(c for d, c in scored if d <= limit)


def suggest(raw):
    """The query with its unknown words replaced by their nearest known word, or None."""
    folded = fold(raw)
    known = set(Term.objects.filter(word__in=folded.split()).values_list("word", flat=True))
    changed, out = False, []
    for token in folded.split():
        replacement = None
        if token.isalpha() and len(token) >= MIN_LENGTH and token not in known:
            replacement = closest(token)
        out.append(replacement or token)
        changed = changed or bool(replacement)
    return " ".join(out) if changed else None
