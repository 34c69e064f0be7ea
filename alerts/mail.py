"""The two mails: the confirmation request, and the digest (plain text and HTML), in the
subscriber's language, with links built from SITE_URL (a forged Host must not pick them)."""
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import tokens

SUBJECT_LENGTH = 150


def absolute(path):
    return settings.SITE_URL + path


def one_line(text):
    """A header value: no line break (a search may hold one) and not too long."""
    text = " ".join(str(text).split())
    return text if len(text) <= SUBJECT_LENGTH else text[: SUBJECT_LENGTH - 1] + "…"


def links(subscription):
    """Absolute URLs for the mails, in the subscriber's language (call under its override)."""
    listing = reverse("programmes:list") + (f"?{subscription.query}" if subscription.query else "")
    return {
        "listing_url": absolute(listing),
        "confirm_url": absolute(reverse("alerts:confirm", args=[tokens.confirm_token(subscription)])),
        "unsubscribe_url": absolute(reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscription)])),
    }


def confirmation_message(subscription, *, title):
    with translation.override(subscription.language):
        context = {"subscription": subscription, "title": title, **links(subscription)}
        body = render_to_string("alerts/confirm_email.txt", context)
        subject = one_line(_("Confirmez votre alerte : %(title)s") % {"title": title})
    return EmailMultiAlternatives(subject, body, to=[subscription.email])


def digest_message(subscription, *, title, programmes, total):
    """`programmes`: the first changes to list; `total`: how many there are in all."""
    with translation.override(subscription.language):
        context = {"subscription": subscription, "title": title, "programmes": programmes, "total": total,
                   "more": total - len(programmes), "site_url": settings.SITE_URL, **links(subscription)}
        text = render_to_string("alerts/digest_email.txt", context)
        html = render_to_string("alerts/digest_email.html", context)
        subject = one_line(_("Nouveautés : %(title)s") % {"title": title})
    unsubscribe = context["unsubscribe_url"]
    message = EmailMultiAlternatives(subject, text, to=[subscription.email], headers={
        # RFC 2369, and RFC 8058's one-click: a POST to the URL unsubscribes, without a page.
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",  # RFC 3834: no vacation replies
    })
    message.attach_alternative(html, "text/html")
    return message
