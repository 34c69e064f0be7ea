"""Signed links: confirmation (expires) and unsubscription (does not; it is in every mail).

Each carries the subscription's random key signed with SECRET_KEY and a salt of its own, so a
confirmation link cannot be used as an unsubscription link or the reverse."""
import uuid

from django.core import signing
from django.utils.translation import gettext as _

from .models import CONFIRMATION_DAYS

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


class BadToken(Exception):
    """The link is not one we made, or has expired: the message says which."""


def make(subscription, salt):
    return signing.dumps(subscription.key.hex, salt=salt)


def confirm_token(subscription):
    return make(subscription, CONFIRM_SALT)


def unsubscribe_token(subscription):
    return make(subscription, UNSUBSCRIBE_SALT)


def read(token, salt):
    """The subscription key (a UUID) in `token`, or BadToken."""
    max_age = CONFIRMATION_DAYS * 24 * 3600 if salt == CONFIRM_SALT else None
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
        return uuid.UUID(hex=value)
    except signing.SignatureExpired:
        raise BadToken(_("Ce lien de confirmation a expiré. Abonnez-vous de nouveau depuis la liste des programmes.")) from None
    except (signing.BadSignature, TypeError, ValueError):
        raise BadToken(_("Ce lien n'est pas valide : vérifiez qu'il a été copié en entier.")) from None
