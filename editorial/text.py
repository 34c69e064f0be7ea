"""Entry texts as they are stored and compared: line endings, word-level differences.

Browsers send a textarea's lines ended by CRLF; stored as sent, every save of a form looked like
a change of each multi-line text (in revisions and in the history), and a diff struck the whole
field. Texts are stored with LF only, and a change is shown word by word.
"""
import difflib
import re

from django.db import models

WORDS = re.compile(r"(\s+)")


def normalise_line_endings(entry):
    """Turn CRLF and lone CR into LF in every text field of `entry` (in memory); True if any changed."""
    changed = False
    for field in entry._meta.concrete_fields:
        if not isinstance(field, (models.CharField, models.TextField)):
            continue
        value = getattr(entry, field.attname)
        if isinstance(value, str) and "\r" in value:
            setattr(entry, field.attname, normalised(value))
            changed = True
    return changed


def normalised(value):
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value


def word_diff(old, new):
    """[(kind, text)] turning `old` into `new` word by word, kind being "same", "removed" or "added"."""
    old_words, new_words = WORDS.split(str(old)), WORDS.split(str(new))
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("same", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("removed", "".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(("added", "".join(new_words[j1:j2])))
    return [(kind, text) for kind, text in parts if text]


def diff_sides(old, new, *, keep=40):
    """(old side, new side) of `word_diff`: [(kind, text)] each, removed words on the old side and
    added ones on the new, unchanged runs longer than 2 × `keep` characters cut in their middle."""
    parts = [(kind, _cut(text, keep) if kind == "same" else text) for kind, text in word_diff(old, new)]
    return [part for part in parts if part[0] != "added"], [part for part in parts if part[0] != "removed"]


def _cut(text, keep):
    return text if len(text) <= 2 * keep + 5 else f"{text[:keep]} […] {text[-keep:]}"


def normalise_stored_line_endings(model):
    """Rewrite CRLF and lone CR as LF in every text column of `model`'s rows, in SQL (a data
    migration's step: texts saved before line endings were normalised on save)."""
    from django.db.models import F, Value
    from django.db.models.functions import Replace

    for field in model._meta.concrete_fields:
        if isinstance(field, (models.CharField, models.TextField)):
            lf = Replace(Replace(F(field.name), Value("\r\n"), Value("\n")), Value("\r"), Value("\n"))
            model._base_manager.filter(**{f"{field.name}__contains": "\r"}).update(**{field.name: lf})
