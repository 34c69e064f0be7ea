"""The one French analyser: the same terms for the index and for the query, on both databases.

Text is folded (case, accents, ligatures), split into words; a word written with an
apostrophe or a hyphen ("Innov'up", "i-Nov", "e-santé") also yields its joined form
("innovup", "inov", "esante"); each term is reduced by the French Snowball stemmer
(the stems PostgreSQL's `french_stem` gives), and French stop words are dropped.
"""
import re
import threading
from functools import lru_cache

import snowballstemmer

from core.text import fold

# Letters and digits only: terms are safe inside tsquery and FTS5 expressions.
_WORD = re.compile(r"[a-z0-9]+")
# A compound: parts joined by apostrophes or hyphens ("innov'up", "i-nov", "e-sante").
_COMPOUND = re.compile(r"[a-z0-9]+(?:['\-][a-z0-9]+)+")
STOP_WORDS = frozenset(
    "a au aux avec ce ces d dans de des du elle en et il ils l la le les leur leurs lui ma mais me meme mes moi mon ne nos "
    "notre nous on ou par pas pour qu que qui s sa se ses son sur ta te tes toi ton tu un une vos votre vous c j m n t y "
    "ete etre est sont".split()
)
# A stemmer keeps the word being stemmed in its own state: one per thread, or two requests
# stemming at once (gunicorn's threads) corrupt each other's word (IndexError, a 500).
_stemmers = threading.local()


def _stemmer():
    if not hasattr(_stemmers, "french"):
        _stemmers.french = snowballstemmer.stemmer("french")
    return _stemmers.french


@lru_cache(maxsize=50_000)
def stem(word):
    return _stemmer().stemWord(word)


def prepare(text):
    """`text` folded, apostrophes straight: what `words` and `terms` read (`prepared_*` take it)."""
    return fold(text).replace("’", "'")


def words(text):
    """Folded words, in order, stop words kept (for highlighting and the vocabulary)."""
    return prepared_words(prepare(text))


def prepared_words(prepared):
    return _WORD.findall(prepared)


def compounds(text):
    """Folded compounds ("innov'up") found in `text`, as lists of their parts."""
    return [_WORD.findall(match) for match in _COMPOUND.findall(fold(text).replace("’", "'"))]


def terms(text):
    """The indexed terms of `text`: stems of its words and of its compounds' joined forms."""
    return prepared_terms(prepare(text))


def prepared_terms(prepared):
    # Compounds looked for only where one can be: indexing is most of a bulk import's time.
    result = [stem(w) for w in _WORD.findall(prepared) if w not in STOP_WORDS]
    if "'" in prepared or "-" in prepared:
        result += [stem("".join(_WORD.findall(match))) for match in _COMPOUND.findall(prepared)]
    return result


def index_text(*parts):
    """Space-separated terms of `parts`, ready for a tsvector ('simple') or an FTS5 column."""
    return " ".join(term for part in parts if part for term in terms(part))
