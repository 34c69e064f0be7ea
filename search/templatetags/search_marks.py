"""`{{ text|highlight:matcher }}` and `{{ text|extract:matcher }}` for search results."""
from django import template

from ..highlight import extract as extract_text
from ..highlight import highlight as highlight_text

register = template.Library()


@register.filter
def highlight(text, matcher):
    return highlight_text(text, matcher)


@register.filter
def extract(text, matcher):
    return extract_text(text, matcher)


@register.simple_tag
def best_extract(matcher, *texts):
    """An extract of the first of `texts` where the query matched (else of the first non-empty one)."""
    texts = [t for t in texts if t]
    chosen = next((t for t in texts if matcher and matcher.finds(t)), texts[0] if texts else "")
    return extract_text(chosen, matcher)
