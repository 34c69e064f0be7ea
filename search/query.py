"""A visitor's query, parsed once and written for either database.

Grammar people know: words are ANDed; `"exact phrase"`; `-excluded` (word or phrase);
`a OU b` / `a OR b`. The last word, when 3 letters or more and not in quotes, is also
a prefix (a half-typed word already finds results). Synonym groups widen a word or
an expression to the other members of its group.
"""
import re
from dataclasses import dataclass, field

from core.text import fold

from .analysis import STOP_WORDS, stem

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([a-z0-9]+(?:[\'\-][a-z0-9]+)*)')
_PARTS = re.compile(r"[a-z0-9]+")
OR_WORDS = {"ou", "or"}
MAX_CLAUSES = 12
MAX_WORD = 60
PREFIX_MIN = 3


@dataclass(frozen=True)
class Phrase:
    stems: tuple
    prefix: bool = False


@dataclass
class Query:
    clauses: list = field(default_factory=list)   # AND of [OR of Phrase]
    excluded: list = field(default_factory=list)  # Phrases that must not match
    words: list = field(default_factory=list)     # folded words asked for (highlighting, suggestions)

    def __bool__(self):
        return bool(self.clauses or self.excluded)

    def phrases(self):
        return [phrase for clause in self.clauses for phrase in clause]


def _alternatives(text, *, prefix=False):
    """The ways a word or quoted text can match: its stems as a phrase; a compound also joined."""
    # The index has no stop words, so neither do phrases; a lone stop word asks for nothing.
    parts = [p[:MAX_WORD] for p in _PARTS.findall(text) if p not in STOP_WORDS]
    if not parts:
        return []
    found = [Phrase(tuple(stem(p) for p in parts), prefix=prefix and len(parts) == 1)]
    if len(parts) > 1 and re.fullmatch(r"[a-z0-9]+(?:['\-][a-z0-9]+)+", text):
        found.append(Phrase((stem("".join(parts)),)))
    return found


def _tokens(text):
    """(negated, quoted, text) for each token of the folded query."""
    for match in _TOKEN.finditer(text):
        if match.group(2) is not None:
            yield bool(match.group(1)), True, match.group(2)
        else:
            yield bool(match.group(3)), False, match.group(4)


def _content(words):
    return [w for w in words if w not in STOP_WORDS] or list(words)


def _widen(clauses, plain, synonyms):
    """Let each plain word, or run of consecutive words, that is a synonym match its group's others."""
    merged = set()
    for group in synonyms:
        members = [_content(member) for member in group]
        for member in members:
            for start in range(len(plain) - len(member) + 1):
                window = plain[start:start + len(member)]
                if [w for w, _ in window] != member or any(i in merged for _, i in window):
                    continue
                first = window[0][1]
                if len(member) > 1:  # the run becomes one phrase, then its synonyms
                    clauses[first] = [Phrase(tuple(stem(w) for w in member))]
                clauses[first] += [Phrase(tuple(stem(w) for w in other)) for other in members if other != member]
                merged.update(i for _, i in window[1:])
    return [clause for index, clause in enumerate(clauses) if index not in merged]


def parse(raw, *, synonyms=()):
    """Parse `raw` (any text) into a Query; `synonyms` is a list of groups of word lists."""
    text = fold(raw).replace("’", "'")
    tokens = list(_tokens(text))
    query = Query()
    clauses, plain, join_next = [], [], False
    for index, (negated, quoted, token) in enumerate(tokens):
        if not quoted and not negated and token in OR_WORDS and clauses and index + 1 < len(tokens):
            join_next = True
            continue
        is_last = index == len(tokens) - 1 and not text.endswith((" ", '"'))
        found = _alternatives(token, prefix=is_last and not quoted and not negated and len(token) >= PREFIX_MIN)
        query.words += _PARTS.findall(token) if not negated else []
        if not found:
            continue
        if negated:
            query.excluded += found
        elif join_next:
            clauses[-1].extend(found)
        else:
            if not quoted and "'" not in token and "-" not in token:
                plain.append((token, len(clauses)))
            clauses.append(found)
        join_next = False
    query.clauses = _widen(clauses, plain, synonyms)[:MAX_CLAUSES]
    return query


def _tsquery_phrase(phrase):
    body = " <-> ".join(phrase.stems)
    return f"{body}:*" if phrase.prefix else f"({body})" if len(phrase.stems) > 1 else body


def _fts5_phrase(phrase):
    body = '"' + " ".join(phrase.stems) + '"'
    return body + "*" if phrase.prefix else body


def _any(phrases, write, joiner):
    return "(" + joiner.join(write(p) for p in phrases) + ")"


def to_tsquery(phrases_by_clause):
    """PostgreSQL `to_tsquery('simple', …)` text for an AND of ORs of phrases."""
    return " & ".join(_any(clause, _tsquery_phrase, " | ") for clause in phrases_by_clause)


def to_fts5(phrases_by_clause):
    """SQLite FTS5 MATCH text for an AND of ORs of phrases."""
    return " AND ".join(_any(clause, _fts5_phrase, " OR ") for clause in phrases_by_clause)
