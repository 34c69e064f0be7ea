"""Public alert pages: subscribe (from any programme listing), confirm, unsubscribe.

No account: the signed links are the only credentials, and no page shows an address. These
pages are never cached (the page cache keeps out responses that vary on cookies) and every
refusal is a 4xx with a message. Unsubscription accepts RFC 8058's one-click POST, which mail
clients send without any CSRF token."""
import smtplib

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_cookie

from . import services, tokens
from .forms import SubscribeForm
from .models import Subscription
from .search import InvalidSearch, describe, search_of, validated_search
from .throttle import subscription_allowed


def private(view):
    return require_http_methods(["GET", "HEAD", "POST"])(never_cache(vary_on_cookie(view)))


def message(request, heading, text, *, status=200, link=None):
    return render(request, "alerts/message.html", {"heading": heading, "text": text, "link": link}, status=status)


def listing_url(query):
    return reverse("programmes:list") + (f"?{query}" if query else "")


@private
def subscribe(request):
    if not settings.EMAIL_CONFIGURED:
        return message(request, _("Alertes indisponibles"),
                       _("Les alertes par e-mail ne sont pas disponibles sur ce site pour le moment."), status=503)
    data = request.POST if request.method == "POST" else None
    raw_query = request.POST.get("query", "") if data is not None else request.GET.urlencode()
    try:
        query, filterset = validated_search(QueryDict(raw_query))
    except InvalidSearch as exc:
        return render(request, "alerts/subscribe.html", {"errors": exc.messages}, status=400)
    form = SubscribeForm(data, initial={"query": query})
    context = {"form": form, "title": describe(filterset), "listing_url": listing_url(query)}
    if data is None:
        return render(request, "alerts/subscribe.html", context)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", context, status=400)
    return _register(request, form, query, context)


def _register(request, form, query, context):
    email = form.cleaned_data["email"]
    if not subscription_allowed(request, email):
        form.add_error(None, _("Trop de demandes d'abonnement. Réessayez dans une heure."))
        return render(request, "alerts/subscribe.html", context, status=429)
    language = translation.get_supported_language_variant(translation.get_language())
    try:
        services.request_subscription(email=email, query=query, frequency=form.cleaned_data["frequency"],
                                      language=language, title=context["title"])
    except smtplib.SMTPRecipientsRefused:
        Subscription.objects.filter(email=email, query=query, confirmed_at__isnull=True).delete()
        form.add_error("email", _("Notre serveur de messagerie refuse cette adresse : vérifiez-la."))
        return render(request, "alerts/subscribe.html", context, status=400)
    except (smtplib.SMTPException, OSError):
        return message(request, _("Envoi impossible"),
                       _("Le message de confirmation n'a pas pu être envoyé. Réessayez plus tard."), status=503)
    return message(request, _("Vérifiez votre messagerie"), _(
        "Si l'adresse indiquée est valide, elle va recevoir un message avec un lien de confirmation, valable 7 jours. "
        "Rien ne vous sera envoyé avant que vous ayez confirmé."), link=(context["listing_url"], _("Retour aux programmes")))


def _subscription(token, salt):
    """(subscription or None, error response or None) for a link's token."""
    try:
        key = tokens.read(token, salt)
    except tokens.BadToken as exc:
        return None, str(exc)
    return Subscription.objects.filter(key=key).first(), None


@private
def confirm(request, token):
    subscription, error = _subscription(token, tokens.CONFIRM_SALT)
    if error:
        return message(request, _("Lien invalide"), error, status=400)
    if subscription is None:
        return message(request, _("Abonnement introuvable"), _(
            "Cet abonnement n'existe plus : il a été résilié, ou n'a pas été confirmé à temps."), status=404)
    if request.method != "POST":
        # A button rather than a confirmation on opening the link: mail scanners open links.
        return render(request, "alerts/confirm.html", {"title": _search_title(subscription)})
    services.confirm(subscription=subscription)
    return message(request, _("Abonnement confirmé"), _(
        "Vous recevrez les nouveautés de cette recherche. Chaque message contient un lien pour vous désabonner."),
        link=(listing_url(subscription.query), _("Voir la recherche")))


@csrf_exempt
@private
def unsubscribe(request, token):
    subscription, error = _subscription(token, tokens.UNSUBSCRIBE_SALT)
    if error:
        return message(request, _("Lien invalide"), error, status=400)
    if request.method == "POST":
        if subscription is not None:
            services.unsubscribe(key=subscription.key)
        return message(request, _("Désabonnement effectué"), _(
            "Vous ne recevrez plus les nouveautés de cette recherche, et votre adresse a été effacée."))
    if subscription is None:
        return message(request, _("Désabonnement effectué"), _("Vous n'êtes plus abonné à cette recherche."))
    return render(request, "alerts/unsubscribe.html", {"title": _search_title(subscription)})


def _search_title(subscription):
    try:
        return describe(search_of(subscription.query))
    except InvalidSearch:
        return _("Programmes")
