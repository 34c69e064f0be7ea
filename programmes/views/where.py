""""Où êtes-vous ?": from a commune's name or postal code to the listing of that commune.

`where` is the whole path without JavaScript: one commune → its listing; homonyms or several
communes sharing a postal code → a page listing them; none → the page says so, with the field
again. `suggestions` feeds the combobox (static/js/site.js) the same way, as JSON. Both keep
the listing's other parameters (words, types, statuses…) along, but not its other territories.
"""
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from territories.places import LISTED, full_label, place_label, suggest_communes, where_matches

from ..filters import ProgrammeFilter

MAX_LENGTH = 100
# The listing's parameters a search by commune keeps; a commune replaces the territories chosen.
KEPT = tuple(name for name in ProgrammeFilter.base_filters if name not in ProgrammeFilter.TERRITORIES)


def kept_params(params):
    """[(name, value)] of the listing's parameters to pass along (see KEPT)."""
    return [(name, value) for name in KEPT for value in params.getlist(name) if value]


def listing_url(commune, kept):
    return f"{reverse('programmes:list')}?{urlencode([*kept, ('commune', commune.insee_code)])}"


def _asked(request):
    """The text asked, or a 400 response."""
    values = request.GET.getlist("lieu")
    if len(values) > 1:
        return None, HttpResponseBadRequest(_("Le paramètre « lieu » ne peut apparaître qu'une fois."), content_type="text/plain; charset=utf-8")
    text = (values[0] if values else "").strip()
    if len(text) > MAX_LENGTH:
        message = _("Le lieu ne peut dépasser %(count)s caractères.") % {"count": MAX_LENGTH}
        return None, HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return text, None


def where(request):
    text, refused = _asked(request)
    if refused:
        return refused
    kept = kept_params(request.GET)
    communes, more = where_matches(text) if text else ([], False)
    if len(communes) == 1:
        return redirect(listing_url(communes[0], kept))
    choices = [(full_label(commune), listing_url(commune, kept)) for commune in communes]
    context = {"lieu": text, "choices": choices, "more": more, "listed": LISTED, "kept": kept}
    return render(request, "programmes/where.html", context)


def suggestions(request):
    """[{code, name, label, department: {code, name}, postal_codes, url}]: at most 10 communes."""
    text, refused = _asked(request)
    if refused:
        return refused
    kept = kept_params(request.GET)
    return JsonResponse([_suggestion(commune, kept) for commune in suggest_communes(text)], safe=False)


def _suggestion(commune, kept):
    return {
        "code": commune.insee_code, "name": commune.name, "label": full_label(commune), "short_label": place_label(commune),
        "department": {"code": commune.department_code, "name": commune.department_name},
        "postal_codes": commune.postal_codes.split(), "url": listing_url(commune, kept),
    }
