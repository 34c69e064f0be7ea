"""Accent- and case-folding shared by every search (SQLite and PostgreSQL alike).

We store a folded copy of searchable text and fold the query the same way, so
"donnees de sante" matches "Données de santé" on both databases without
relying on database-specific collations or extensions.
"""
import re
import unicodedata

# Letters NFKD does not decompose but French users type without the ligature.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'", "‘": "'"})
_SPACES = re.compile(r"\s+")


def fold(text):
    """Return `text` lower-cased, without accents, ligatures or repeated spaces."""
    if not text:
        return ""
    text = str(text).replace("\x00", " ").translate(_LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()
