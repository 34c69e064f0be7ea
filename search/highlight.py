"""Mark the words of a text that a query matched (`<mark>`), and cut a short extract around them."""
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import fold

from .analysis import stem

_WORD = re.compile(r"\w+", re.UNICODE)
EXTRACT_WORDS = 30


class Matcher:
    """Answers "does this word match the query?" from the query's stems and prefixes."""

    def __init__(self, query):
        phrases = query.phrases() if query else []
        self.stems = {s for p in phrases for s in p.stems}
        self.prefixes = tuple(p.stems[-1] for p in phrases if p.prefix)

    def __bool__(self):
        return bool(self.stems)

    def matches(self, word):
        folded = fold(word)
        if not folded:
            return False
        stemmed = stem(folded)
        return stemmed in self.stems or bool(self.prefixes and stemmed.startswith(self.prefixes))

    def finds(self, text):
        return bool(text) and any(self.matches(m.group()) for m in _WORD.finditer(text))


def highlight(text, matcher):
    """Escaped `text` with matched words wrapped in <mark>."""
    if not text:
        return ""
    if not matcher:
        return escape(text)
    out, last = [], 0
    for match in _WORD.finditer(text):
        if matcher.matches(match.group()):
            out.append(escape(text[last:match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def extract(text, matcher, size=EXTRACT_WORDS):
    """About `size` words of `text` around its first match (its start when none), highlighted."""
    if not text:
        return ""
    found = list(_WORD.finditer(text))
    first = next((i for i, m in enumerate(found) if matcher and matcher.matches(m.group())), None)
    if first is None:
        start = 0
    else:
        start = max(0, first - size // 3)
    end = min(len(found), start + size)
    if not found:
        return highlight(text, matcher)
    begin = found[start].start() if start else 0
    finish = found[end - 1].end() if end < len(found) else len(text)
    piece = highlight(text[begin:finish], matcher)
    return mark_safe(("… " if begin else "") + piece + (" …" if finish < len(text) else ""))
