"""{% entry_lang %}: ` lang="fr"` on an entry's French text when the page is in another language.

Entries (titles, summaries, descriptions, organisation names) are written in French only; on an
English page a screen reader would otherwise read them with an English voice (WCAG 3.1.2)."""
from django import template
from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()


def entries_in_other_language():
    """True when the page's language is not the entries' (French, the site's default)."""
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0] != settings.LANGUAGE_CODE


@register.simple_tag
def entry_lang():
    if entries_in_other_language():
        return mark_safe(f' lang="{settings.LANGUAGE_CODE}"')
    return ""
